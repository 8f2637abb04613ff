/**
 * Grows one regression tree depth-wise on gradient histograms, in XGBoost `hist` order: all nodes of a level are
 * split, their rows partitioned, then for each pair of children only the smaller one's histogram is built from
 * rows and the other is the parent's minus it (the subtraction trick). Node ids, weights and statistics follow
 * XGBoost's ExpandNode, so the tree exports to its JSON format as is.
 */
import type { BinMatrix } from './binMatrix.ts';
import type { HistogramCuts } from './histogramCuts.ts';
import type { HistogramKernel } from './histogramKernel.ts';
import { bestSplit, type SplitCandidate, type SplitRules } from './bestSplit.ts';
import { goesLeftTable, partitionRows } from './partitionRows.ts';
import { RegressionTree } from './regressionTree.ts';
import { TreeNodes } from './treeNodes.ts';
import type { HistogramPool } from './histogramPool.ts';

const RT_EPS = 1e-6;

export interface GrowTreeOptions {
  bins: BinMatrix;
  cuts: HistogramCuts;
  grad: Float64Array;
  hess: Float64Array;
  /** Rows of this tree (ascending) in [0, rowCount); reordered in place into leaf segments. */
  rows: Int32Array;
  rowCount: number;
  scratch: Int32Array;
  kernel: HistogramKernel;
  pool: HistogramPool;
  features: Int32Array;
  rules: SplitRules;
  eta: number;
  gamma: number;
  maxDepth: number;
  /** The prediction cache: each row of this tree gets its leaf's value added (float32, as XGBoost). */
  predictions: Float32Array;
}

interface OpenNode {
  id: number;
  begin: number;
  end: number;
  grad: number;
  hess: number;
  hist: Float64Array | null;
  split: SplitCandidate | null;
}

function rootStats(o: GrowTreeOptions, hist: Float64Array): [number, number] {
  let g = 0;
  let h = 0;
  if (!o.bins.hasMissing) {
    // XGBoost sums the root's first-feature histogram for dense data.
    for (let b = 0; b < o.bins.binCount[0]; b++) {
      g += hist[2 * b];
      h += hist[2 * b + 1];
    }
  } else {
    for (let i = 0; i < o.rowCount; i++) {
      g += o.grad[o.rows[i]];
      h += o.hess[o.rows[i]];
    }
  }
  return [g, h];
}

export function growTree(o: GrowTreeOptions): RegressionTree {
  const { bins, cuts, features, rules, pool } = o;
  const nodes = new TreeNodes(o.eta, rules);
  const evaluate = (node: OpenNode): void => {
    node.split = bestSplit({ hist: node.hist!, bins, cuts, grad: node.grad, hess: node.hess, features, rules });
  };
  const rootHist = pool.zeroed();
  o.kernel(bins.bins, o.rows, 0, o.rowCount, o.grad, o.hess, rootHist);
  const [g0, h0] = rootStats(o, rootHist);
  const root: OpenNode = { id: nodes.addRoot(g0, h0), begin: 0, end: o.rowCount, grad: g0, hess: h0, hist: rootHist, split: null };
  if (o.maxDepth > 0) evaluate(root);
  let level = [root];
  for (let depth = 0; level.length > 0; depth++) {
    const next: OpenNode[] = [];
    for (const node of level) {
      const s = node.split;
      const valid = s !== null && s.gain > RT_EPS && s.leftHess !== 0 && s.rightHess !== 0 && s.gain >= o.gamma && depth < o.maxDepth;
      if (!valid) {
        addLeafValue(o.predictions, o.rows, node.begin, node.end, nodes.value[node.id]);
        if (node.hist) pool.release(node.hist);
        continue;
      }
      const [l, r] = nodes.expand(node.id, s);
      const table = goesLeftTable(bins.binCount[s.feature], s.binThreshold, s.defaultLeft);
      if (depth + 1 >= o.maxDepth) {
        // The children are leaves: no need to partition, add their values to the rows directly.
        addSplitLeafValues(o, node, s.feature, table, nodes.value[l], nodes.value[r]);
        if (node.hist) pool.release(node.hist);
        continue;
      }
      const mid = partitionRows({ column: bins.columns[s.feature], rows: o.rows, scratch: o.scratch, begin: node.begin, end: node.end, goesLeft: table });
      const left: OpenNode = { id: l, begin: node.begin, end: mid, grad: s.leftGrad, hess: s.leftHess, hist: null, split: null };
      const right: OpenNode = { id: r, begin: mid, end: node.end, grad: s.rightGrad, hess: s.rightHess, hist: null, split: null };
      const buildRight = s.rightHess < s.leftHess;
      const built = buildRight ? right : left;
      const other = buildRight ? left : right;
      built.hist = pool.zeroed();
      o.kernel(bins.bins, o.rows, built.begin, built.end, o.grad, o.hess, built.hist);
      other.hist = node.hist!;
      subtractInto(other.hist, built.hist);
      node.hist = null;
      evaluate(left);
      evaluate(right);
      next.push(left, right);
    }
    level = next;
  }
  return nodes.toTree(bins.cols);
}

function addLeafValue(predictions: Float32Array, rows: Int32Array, begin: number, end: number, value: number): void {
  for (let i = begin; i < end; i++) predictions[rows[i]] += value;
}

/** Rows of a split whose children are leaves: each gets its side's value, picked without a branch. */
function addSplitLeafValues(o: GrowTreeOptions, node: OpenNode, feature: number, goesLeft: Uint8Array, leftValue: number, rightValue: number): void {
  const values = Float64Array.of(rightValue, leftValue);
  const column = o.bins.columns[feature];
  const { rows, predictions } = o;
  for (let i = node.begin; i < node.end; i++) {
    const r = rows[i];
    predictions[r] += values[goesLeft[column[r]]];
  }
}

/** parent := parent - child, slot by slot (the parent's buffer becomes the sibling's histogram). */
function subtractInto(parent: Float64Array, child: Float64Array): void {
  for (let i = 0; i < parent.length; i++) parent[i] = parent[i] - child[i];
}
