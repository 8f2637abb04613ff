/**
 * Fast prediction over flattened typed arrays. Each tree is laid out as a perfect binary tree of its own depth
 * (a shallower leaf is copied into every leaf below it), so a step is `n = 2n + 2 - (x < t)` with no child
 * arrays, no branch, and every row takes exactly `depth` steps; 8 rows walk each tree together, 8 independent
 * chains the CPU overlaps. Missing values: rows with NaN are widened to 2 columns per feature, NaN becoming -Inf
 * in the first (default-left nodes read it) and +Inf in the second (default-right nodes), so the same
 * comparison routes them. Sums are float32 in tree order, XGBoost's. Trees deeper than MAX_PERFECT_DEPTH use a
 * pointer walk.
 */
import type { DenseMatrix } from './denseMatrix.ts';
import type { RegressionTree } from './regressionTree.ts';
import { WasmForest } from './wasmForest.ts';

const f = Math.fround;
const MAX_PERFECT_DEPTH = 12;

export class ForestPredictor {
  readonly feat: Int32Array;
  /** Column of the widened (NaN-split) row a node reads: 2 * feature + (default left ? 0 : 1). */
  readonly featWide: Int32Array;
  readonly thr: Float32Array;
  readonly leaf: Float32Array;
  readonly depth: Int32Array;
  readonly nodeOff: Int32Array;
  readonly leafOff: Int32Array;
  private readonly perfect: boolean;
  private readonly rowScratch: Float32Array;
  private wasm: WasmForest | null | undefined;

  constructor(
    private readonly trees: readonly RegressionTree[],
    readonly baseScore: number,
    readonly numFeatures: number,
  ) {
    this.perfect = trees.every((t) => t.depth <= MAX_PERFECT_DEPTH);
    this.depth = Int32Array.from(trees, (t) => t.depth);
    this.nodeOff = new Int32Array(trees.length);
    this.leafOff = new Int32Array(trees.length);
    let nodes = 0;
    let leaves = 0;
    for (let t = 0; t < trees.length; t++) {
      this.nodeOff[t] = nodes;
      this.leafOff[t] = leaves;
      nodes += (1 << trees[t].depth) - 1;
      leaves += 1 << trees[t].depth;
    }
    this.feat = new Int32Array(this.perfect ? nodes : 0);
    this.thr = new Float32Array(this.perfect ? nodes : 0);
    this.featWide = new Int32Array(this.perfect ? nodes : 0);
    this.leaf = new Float32Array(this.perfect ? leaves : 0);
    if (this.perfect) trees.forEach((t, i) => this.layOut(t, i));
    this.rowScratch = new Float32Array(numFeatures * 2);
  }

  private layOut(tree: RegressionTree, t: number): void {
    const D = this.depth[t];
    const fill = (node: number, pos: number, level: number): void => {
      if (level === D) {
        this.leaf[this.leafOff[t] + pos - ((1 << D) - 1)] = tree.value[node];
        return;
      }
      const at = this.nodeOff[t] + pos;
      if (tree.isLeaf(node)) {
        fill(node, 2 * pos + 1, level + 1);
        fill(node, 2 * pos + 2, level + 1);
        return;
      }
      this.feat[at] = tree.feature[node];
      this.featWide[at] = 2 * tree.feature[node] + (tree.defaultLeft[node] ? 0 : 1);
      this.thr[at] = tree.value[node];
      fill(tree.left[node], 2 * pos + 1, level + 1);
      fill(tree.right[node], 2 * pos + 2, level + 1);
    };
    fill(0, 0, 0);
  }

  /** Predictions for every row of the matrix. */
  predict(matrix: DenseMatrix, out = new Float32Array(matrix.rows)): Float32Array {
    if (!this.perfect) {
      out.fill(this.baseScore);
      for (const tree of this.trees) tree.addTo(matrix.data, matrix.cols, out);
      return out;
    }
    const hasNaN = matrix.data.some((v) => v !== v);
    const x = hasNaN ? widen(matrix.data) : matrix.data;
    const cols = hasNaN ? matrix.cols * 2 : matrix.cols;
    const feat = hasNaN ? this.featWide : this.feat;
    const rows = matrix.rows;
    if (rows >= 64) {
      this.wasm ??= WasmForest.create(this);
      if (this.wasm) {
        this.wasm.predict(x, cols, rows, hasNaN, out);
        return out;
      }
    }
    const blocked = rows - (rows % 8);
    for (let r = 0; r < blocked; r += 8) this.predictBlock(x, cols, feat, r, out);
    for (let r = blocked; r < rows; r++) out[r] = this.walkRow(x, r * cols, feat);
    return out;
  }

  /** One row (any numbers; rounded to float32 as XGBoost does). The single-decision fast path. */
  predictRow(row: ArrayLike<number>): number {
    const n = this.numFeatures;
    const x = this.rowScratch;
    let hasNaN = false;
    for (let i = 0; i < n; i++) {
      const v = row[i];
      x[i] = v;
      if (v !== v) hasNaN = true;
    }
    if (!this.perfect) {
      let s = f(this.baseScore);
      for (const tree of this.trees) s = f(s + tree.predictRow(x));
      return s;
    }
    if (!hasNaN) return this.walkRow(x, 0, this.feat);
    for (let i = n - 1; i >= 0; i--) {
      const v = x[i];
      x[2 * i] = v === v ? v : -Infinity;
      x[2 * i + 1] = v === v ? v : Infinity;
    }
    return this.walkRow(x, 0, this.featWide);
  }

  /**
   * One row through every tree. A single row's walk is a chain of dependent loads, so 4 trees of equal depth
   * walk together (4 independent chains); their leaf values are still added in tree order.
   */
  private walkRow(x: Float32Array, base: number, feat: Int32Array): number {
    const { thr, leaf, depth, nodeOff, leafOff } = this;
    const T = depth.length;
    let s = f(this.baseScore);
    let t = 0;
    for (; t + 4 <= T; t += 4) {
      const D = depth[t];
      if (depth[t + 1] !== D || depth[t + 2] !== D || depth[t + 3] !== D) {
        s = f(s + this.walkTree(x, base, feat, t));
        t -= 3;
        continue;
      }
      const o0 = nodeOff[t],
        o1 = nodeOff[t + 1],
        o2 = nodeOff[t + 2],
        o3 = nodeOff[t + 3];
      let n0 = 0,
        n1 = 0,
        n2 = 0,
        n3 = 0;
      for (let d = 0; d < D; d++) {
        n0 = 2 * n0 + 2 - +(x[base + feat[o0 + n0]] < thr[o0 + n0]);
        n1 = 2 * n1 + 2 - +(x[base + feat[o1 + n1]] < thr[o1 + n1]);
        n2 = 2 * n2 + 2 - +(x[base + feat[o2 + n2]] < thr[o2 + n2]);
        n3 = 2 * n3 + 2 - +(x[base + feat[o3 + n3]] < thr[o3 + n3]);
      }
      const first = (1 << D) - 1;
      s = f(s + leaf[leafOff[t] + n0 - first]);
      s = f(s + leaf[leafOff[t + 1] + n1 - first]);
      s = f(s + leaf[leafOff[t + 2] + n2 - first]);
      s = f(s + leaf[leafOff[t + 3] + n3 - first]);
    }
    for (; t < T; t++) s = f(s + this.walkTree(x, base, feat, t));
    return s;
  }

  private walkTree(x: Float32Array, base: number, feat: Int32Array, t: number): number {
    const { thr } = this;
    const o = this.nodeOff[t];
    const D = this.depth[t];
    let n = 0;
    for (let d = 0; d < D; d++) n = 2 * n + 2 - +(x[base + feat[o + n]] < thr[o + n]);
    return this.leaf[this.leafOff[t] + n - ((1 << D) - 1)];
  }

  private predictBlock(x: Float32Array, cols: number, feat: Int32Array, r: number, out: Float32Array): void {
    const { thr, leaf, depth, nodeOff, leafOff } = this;
    const b0 = r * cols,
      b1 = b0 + cols,
      b2 = b1 + cols,
      b3 = b2 + cols;
    const b4 = b3 + cols,
      b5 = b4 + cols,
      b6 = b5 + cols,
      b7 = b6 + cols;
    let s0 = f(this.baseScore),
      s1 = s0,
      s2 = s0,
      s3 = s0,
      s4 = s0,
      s5 = s0,
      s6 = s0,
      s7 = s0;
    for (let t = 0; t < depth.length; t++) {
      const o = nodeOff[t];
      const D = depth[t];
      let n0 = 0,
        n1 = 0,
        n2 = 0,
        n3 = 0,
        n4 = 0,
        n5 = 0,
        n6 = 0,
        n7 = 0;
      for (let d = 0; d < D; d++) {
        n0 = 2 * n0 + 2 - +(x[b0 + feat[o + n0]] < thr[o + n0]);
        n1 = 2 * n1 + 2 - +(x[b1 + feat[o + n1]] < thr[o + n1]);
        n2 = 2 * n2 + 2 - +(x[b2 + feat[o + n2]] < thr[o + n2]);
        n3 = 2 * n3 + 2 - +(x[b3 + feat[o + n3]] < thr[o + n3]);
        n4 = 2 * n4 + 2 - +(x[b4 + feat[o + n4]] < thr[o + n4]);
        n5 = 2 * n5 + 2 - +(x[b5 + feat[o + n5]] < thr[o + n5]);
        n6 = 2 * n6 + 2 - +(x[b6 + feat[o + n6]] < thr[o + n6]);
        n7 = 2 * n7 + 2 - +(x[b7 + feat[o + n7]] < thr[o + n7]);
      }
      const lo = leafOff[t] - ((1 << D) - 1);
      s0 = f(s0 + leaf[lo + n0]);
      s1 = f(s1 + leaf[lo + n1]);
      s2 = f(s2 + leaf[lo + n2]);
      s3 = f(s3 + leaf[lo + n3]);
      s4 = f(s4 + leaf[lo + n4]);
      s5 = f(s5 + leaf[lo + n5]);
      s6 = f(s6 + leaf[lo + n6]);
      s7 = f(s7 + leaf[lo + n7]);
    }
    out[r] = s0;
    out[r + 1] = s1;
    out[r + 2] = s2;
    out[r + 3] = s3;
    out[r + 4] = s4;
    out[r + 5] = s5;
    out[r + 6] = s6;
    out[r + 7] = s7;
  }
}

/** Two columns per feature: NaN as -Inf (read by default-left nodes) and as +Inf (default-right nodes). */
function widen(data: Float32Array): Float32Array {
  const out = new Float32Array(data.length * 2);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    out[2 * i] = v === v ? v : -Infinity;
    out[2 * i + 1] = v === v ? v : Infinity;
  }
  return out;
}
