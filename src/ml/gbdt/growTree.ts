/**
 * Grows one regression tree depth-wise on gradient histograms, in XGBoost `hist` order: all nodes of a level are
 * split, their rows partitioned, then for each pair of children only the smaller one's histogram is built from
 * rows and the other is the parent's minus it (the subtraction trick). Node ids, weights and statistics follow
 * XGBoost's ExpandNode, so the tree exports to its JSON format as is.
 */
import type { BinMatrix } from './binMatrix.ts';
import type { HistogramCuts } from './histogramCuts.ts';
import type { GrowthKernels } from './growthKernels.ts';
import type { SplitCandidate, SplitRules } from './bestSplit.ts';
import { goesLeftTable } from './partitionRows.ts';
import { RegressionTree } from './regressionTree.ts';
import { TreeNodes } from './treeNodes.ts';

const RT_EPS = 1e-6;

export interface GrowTreeOptions {
  bins: BinMatrix;
  cuts: HistogramCuts;
  /** Buffers and loops; kernels.rows[0..rowCount) holds this tree's rows (ascending), reordered in place. */
  kernels: GrowthKernels;
  rowCount: number;
  features: Int32Array;
  rules: SplitRules;
  eta: number;
  gamma: number;
  maxDepth: number;
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
    const { grad, hess, rows } = o.kernels;
    for (let i = 0; i < o.rowCount; i++) {
      g += grad[rows[i]];
      h += hess[rows[i]];
    }
  }
  return [g, h];
}

export function growTree(o: GrowTreeOptions): RegressionTree {
  const { bins, cuts, features, rules, kernels: k } = o;
  const nodes = new TreeNodes(o.eta, rules);
  const evaluate = (node: OpenNode): void => {
    node.split = k.findSplit({ hist: node.hist!, bins, cuts, grad: node.grad, hess: node.hess, features, rules });
  };
  const rootHist = k.histogram();
  k.buildHistogram(0, o.rowCount, rootHist);
  const [g0, h0] = rootStats(o, rootHist);
  const root: OpenNode = {
    id: nodes.addRoot(g0, h0),
    begin: 0,
    end: o.rowCount,
    grad: g0,
    hess: h0,
    hist: rootHist,
    split: null,
  };
  if (o.maxDepth > 0) evaluate(root);
  let level = [root];
  for (let depth = 0; level.length > 0; depth++) {
    const next: OpenNode[] = [];
    for (const node of level) {
      const s = node.split;
      const valid =
        s !== null &&
        s.gain > RT_EPS &&
        s.leftHess !== 0 &&
        s.rightHess !== 0 &&
        s.gain >= o.gamma &&
        depth < o.maxDepth;
      if (!valid) {
        k.addLeafValue(node.begin, node.end, nodes.value[node.id]);
        if (node.hist) k.release(node.hist);
        continue;
      }
      const [l, r] = nodes.expand(node.id, s);
      const table = goesLeftTable(bins.binCount[s.feature], s.binThreshold, s.defaultLeft);
      if (depth + 1 >= o.maxDepth) {
        // The children are leaves: no need to partition, add their values to the rows directly.
        k.addSplitLeafValues(s.feature, table, node.begin, node.end, nodes.value[l], nodes.value[r]);
        if (node.hist) k.release(node.hist);
        continue;
      }
      const mid = k.partition(s.feature, table, node.begin, node.end);
      const left: OpenNode = {
        id: l,
        begin: node.begin,
        end: mid,
        grad: s.leftGrad,
        hess: s.leftHess,
        hist: null,
        split: null,
      };
      const right: OpenNode = {
        id: r,
        begin: mid,
        end: node.end,
        grad: s.rightGrad,
        hess: s.rightHess,
        hist: null,
        split: null,
      };
      const buildRight = s.rightHess < s.leftHess;
      const built = buildRight ? right : left;
      const other = buildRight ? left : right;
      built.hist = k.histogram();
      k.buildHistogram(built.begin, built.end, built.hist);
      other.hist = node.hist!;
      k.subtract(other.hist, built.hist);
      node.hist = null;
      evaluate(left);
      evaluate(right);
      next.push(left, right);
    }
    level = next;
  }
  return nodes.toTree(bins.cols);
}
