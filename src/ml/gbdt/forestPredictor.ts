/**
 * Fast prediction over flattened typed arrays. Each tree is laid out as a perfect binary tree of its own depth
 * (a shallower leaf is copied into every leaf below it), so a step is `n = 2n + 2 - goesLeft` with no child
 * arrays and every row takes exactly `depth` steps; 8 rows walk each tree together, 8 independent chains the CPU
 * overlaps. Sums are float32 in tree order, XGBoost's. Trees deeper than MAX_PERFECT_DEPTH use a pointer walk.
 */
import type { DenseMatrix } from './denseMatrix.ts';
import type { RegressionTree } from './regressionTree.ts';

const f = Math.fround;
const MAX_PERFECT_DEPTH = 12;

export class ForestPredictor {
  private readonly feat: Int32Array;
  private readonly thr: Float32Array;
  private readonly dl: Uint8Array;
  private readonly leaf: Float32Array;
  private readonly depth: Int32Array;
  private readonly nodeOff: Int32Array;
  private readonly leafOff: Int32Array;
  private readonly perfect: boolean;
  private readonly rowScratch: Float32Array;

  constructor(
    private readonly trees: readonly RegressionTree[],
    private readonly baseScore: number,
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
      nodes += 2 ** trees[t].depth - 1;
      leaves += 2 ** trees[t].depth;
    }
    this.feat = new Int32Array(this.perfect ? nodes : 0);
    this.thr = new Float32Array(this.perfect ? nodes : 0);
    this.dl = new Uint8Array(this.perfect ? nodes : 0);
    this.leaf = new Float32Array(this.perfect ? leaves : 0);
    if (this.perfect) trees.forEach((t, i) => this.layOut(t, i));
    this.rowScratch = new Float32Array(numFeatures);
  }

  private layOut(tree: RegressionTree, t: number): void {
    const D = this.depth[t];
    const fill = (node: number, pos: number, level: number): void => {
      if (level === D) {
        this.leaf[this.leafOff[t] + pos - (2 ** D - 1)] = tree.value[node];
        return;
      }
      const at = this.nodeOff[t] + pos;
      if (tree.isLeaf(node)) {
        fill(node, 2 * pos + 1, level + 1);
        fill(node, 2 * pos + 2, level + 1);
        return;
      }
      this.feat[at] = tree.feature[node];
      this.thr[at] = tree.value[node];
      this.dl[at] = tree.defaultLeft[node];
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
    const rows = matrix.rows;
    const blocked = rows - (rows % 8);
    for (let r = 0; r < blocked; r += 8) this.predictBlock(matrix.data, matrix.cols, r, out);
    for (let r = blocked; r < rows; r++) out[r] = this.walkRow(matrix.data, r * matrix.cols);
    return out;
  }

  /** One row (any numbers; rounded to float32 as XGBoost does). The single-decision fast path. */
  predictRow(row: ArrayLike<number>): number {
    const x = this.rowScratch;
    for (let i = 0; i < this.numFeatures; i++) x[i] = row[i];
    if (!this.perfect) {
      let s = f(this.baseScore);
      for (const tree of this.trees) s = f(s + tree.predictRow(x));
      return s;
    }
    return this.walkRow(x, 0);
  }

  private walkRow(x: Float32Array, base: number): number {
    const { feat, thr, dl, leaf, depth, nodeOff, leafOff } = this;
    let s = f(this.baseScore);
    for (let t = 0; t < depth.length; t++) {
      const o = nodeOff[t];
      const D = depth[t];
      let n = 0;
      for (let d = 0; d < D; d++) {
        const v = x[base + feat[o + n]];
        n = 2 * n + 2 - (v < thr[o + n] ? 1 : v !== v ? dl[o + n] : 0);
      }
      s = f(s + leaf[leafOff[t] + n - (2 ** D - 1)]);
    }
    return s;
  }

  private predictBlock(x: Float32Array, cols: number, r: number, out: Float32Array): void {
    const { feat, thr, dl, leaf, depth, nodeOff, leafOff } = this;
    const b0 = r * cols, b1 = b0 + cols, b2 = b1 + cols, b3 = b2 + cols;
    const b4 = b3 + cols, b5 = b4 + cols, b6 = b5 + cols, b7 = b6 + cols;
    let s0 = f(this.baseScore), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
    for (let t = 0; t < depth.length; t++) {
      const o = nodeOff[t];
      const D = depth[t];
      let n0 = 0, n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0, n6 = 0, n7 = 0;
      for (let d = 0; d < D; d++) {
        let v: number;
        v = x[b0 + feat[o + n0]]; n0 = 2 * n0 + 2 - (v < thr[o + n0] ? 1 : v !== v ? dl[o + n0] : 0);
        v = x[b1 + feat[o + n1]]; n1 = 2 * n1 + 2 - (v < thr[o + n1] ? 1 : v !== v ? dl[o + n1] : 0);
        v = x[b2 + feat[o + n2]]; n2 = 2 * n2 + 2 - (v < thr[o + n2] ? 1 : v !== v ? dl[o + n2] : 0);
        v = x[b3 + feat[o + n3]]; n3 = 2 * n3 + 2 - (v < thr[o + n3] ? 1 : v !== v ? dl[o + n3] : 0);
        v = x[b4 + feat[o + n4]]; n4 = 2 * n4 + 2 - (v < thr[o + n4] ? 1 : v !== v ? dl[o + n4] : 0);
        v = x[b5 + feat[o + n5]]; n5 = 2 * n5 + 2 - (v < thr[o + n5] ? 1 : v !== v ? dl[o + n5] : 0);
        v = x[b6 + feat[o + n6]]; n6 = 2 * n6 + 2 - (v < thr[o + n6] ? 1 : v !== v ? dl[o + n6] : 0);
        v = x[b7 + feat[o + n7]]; n7 = 2 * n7 + 2 - (v < thr[o + n7] ? 1 : v !== v ? dl[o + n7] : 0);
      }
      const lo = leafOff[t] - (2 ** D - 1);
      s0 = f(s0 + leaf[lo + n0]); s1 = f(s1 + leaf[lo + n1]); s2 = f(s2 + leaf[lo + n2]); s3 = f(s3 + leaf[lo + n3]);
      s4 = f(s4 + leaf[lo + n4]); s5 = f(s5 + leaf[lo + n5]); s6 = f(s6 + leaf[lo + n6]); s7 = f(s7 + leaf[lo + n7]);
    }
    out[r] = s0; out[r + 1] = s1; out[r + 2] = s2; out[r + 3] = s3;
    out[r + 4] = s4; out[r + 5] = s5; out[r + 6] = s6; out[r + 7] = s7;
  }
}
