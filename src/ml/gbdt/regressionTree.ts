/**
 * One regression tree in XGBoost's node layout: node 0 is the root, a split node's children are allocated as a
 * pair, a leaf has left = right = -1 and its value in `value`. Split nodes send `x < condition` left and a missing
 * value to the default side. Immutable and validated on construction (a loaded file cannot make a cycle or an
 * out-of-range reference that would hang or crash prediction).
 */
import { InvalidInputError } from '../../core/errors.ts';

export interface RegressionTreeFields {
  left: Int32Array;
  right: Int32Array;
  parent: Int32Array;
  feature: Int32Array;
  /** Split condition for split nodes, leaf value for leaves (float32). */
  value: Float32Array;
  defaultLeft: Uint8Array;
  baseWeight: Float32Array;
  sumHessian: Float32Array;
  lossChange: Float32Array;
}

export class RegressionTree implements RegressionTreeFields {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly parent: Int32Array;
  readonly feature: Int32Array;
  readonly value: Float32Array;
  readonly defaultLeft: Uint8Array;
  readonly baseWeight: Float32Array;
  readonly sumHessian: Float32Array;
  readonly lossChange: Float32Array;
  /** Depth of the deepest leaf (root alone: 0). */
  readonly depth: number;

  constructor(fields: RegressionTreeFields, numFeatures: number) {
    const n = fields.left.length;
    for (const [name, arr] of Object.entries(fields)) {
      if (arr.length !== n) throw new InvalidInputError(`tree field ${name} has ${arr.length} nodes, expected ${n}`);
    }
    if (n === 0) throw new InvalidInputError('tree has no nodes');
    this.left = fields.left;
    this.right = fields.right;
    this.parent = fields.parent;
    this.feature = fields.feature;
    this.value = fields.value;
    this.defaultLeft = fields.defaultLeft;
    this.baseWeight = fields.baseWeight;
    this.sumHessian = fields.sumHessian;
    this.lossChange = fields.lossChange;
    this.depth = checkTree(this, numFeatures);
  }

  get numNodes(): number {
    return this.left.length;
  }

  isLeaf(node: number): boolean {
    return this.left[node] === -1;
  }

  /** The leaf value for one float32 row (reference walk; the forest predictor is the fast path). */
  predictRow(row: ArrayLike<number>): number {
    let n = 0;
    while (this.left[n] !== -1) {
      const v = Math.fround(row[this.feature[n]]);
      n =
        v !== v
          ? this.defaultLeft[n]
            ? this.left[n]
            : this.right[n]
          : v < this.value[n]
            ? this.left[n]
            : this.right[n];
    }
    return this.value[n];
  }

  /** The leaf value for the float32 row at data[base..]. */
  leafValueAt(data: Float32Array, base: number): number {
    const { left, right, feature, value, defaultLeft } = this;
    let n = 0;
    while (left[n] !== -1) {
      const v = data[base + feature[n]];
      n = v < value[n] ? left[n] : v !== v && defaultLeft[n] ? left[n] : right[n];
    }
    return value[n];
  }

  /** out[r] += this tree's leaf value for every row of a float32 row-major matrix (float32 sums, as XGBoost). */
  addTo(data: Float32Array, cols: number, out: Float32Array): void {
    for (let r = 0, base = 0; r < out.length; r++, base += cols)
      out[r] = Math.fround(out[r] + this.leafValueAt(data, base));
  }
}

/** Every node reachable once from the root, children in range, features in range; returns the depth. */
function checkTree(tree: RegressionTree, numFeatures: number): number {
  const n = tree.numNodes;
  const seen = new Uint8Array(n);
  let maxDepth = 0;
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node < 0 || node >= n || seen[node])
      throw new InvalidInputError(`tree node reference ${node} is out of range or repeated`);
    seen[node] = 1;
    maxDepth = Math.max(maxDepth, depth);
    const l = tree.left[node];
    const r = tree.right[node];
    if (l === -1 && r === -1) continue;
    if (l === -1 || r === -1) throw new InvalidInputError(`tree node ${node} has only one child`);
    const feat = tree.feature[node];
    if (feat < 0 || feat >= numFeatures)
      throw new InvalidInputError(`tree node ${node} splits on feature ${feat}, the model has ${numFeatures}`);
    if (Number.isNaN(tree.value[node])) throw new InvalidInputError(`tree node ${node} has a NaN split condition`);
    stack.push([r, depth + 1], [l, depth + 1]);
  }
  return maxDepth;
}
