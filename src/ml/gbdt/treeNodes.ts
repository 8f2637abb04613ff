/**
 * The growing node list of one tree, with XGBoost's bookkeeping: a new node is a leaf valued eta * weight (its
 * base weight too); expanding it allocates its two children as a pair and records the split, the loss change,
 * the hessian sum and the unscaled base weight of the parent.
 */
import { leafWeight, type SplitCandidate, type SplitRules } from './bestSplit.ts';
import { RegressionTree } from './regressionTree.ts';

const f = Math.fround;

export class TreeNodes {
  readonly left: number[] = [];
  readonly right: number[] = [];
  readonly parent: number[] = [];
  readonly feature: number[] = [];
  readonly value: number[] = [];
  readonly defaultLeft: number[] = [];
  readonly baseWeight: number[] = [];
  readonly sumHessian: number[] = [];
  readonly lossChange: number[] = [];

  constructor(
    private readonly eta: number,
    private readonly rules: SplitRules,
  ) {}

  private addLeaf(parent: number, grad: number, hess: number): number {
    const id = this.left.length;
    const leaf = f(leafWeight(grad, hess, this.rules) * this.eta);
    this.left.push(-1);
    this.right.push(-1);
    this.parent.push(parent);
    this.feature.push(0);
    this.value.push(leaf);
    this.defaultLeft.push(0);
    this.baseWeight.push(leaf);
    this.sumHessian.push(f(hess));
    this.lossChange.push(0);
    return id;
  }

  addRoot(grad: number, hess: number): number {
    const id = this.addLeaf(2147483647, grad, hess);
    this.baseWeight[id] = leafWeight(grad, hess, this.rules);
    return id;
  }

  /** Splits a leaf; returns the ids of its children. */
  expand(id: number, s: SplitCandidate): [number, number] {
    const l = this.addLeaf(id, s.leftGrad, s.leftHess);
    const r = this.addLeaf(id, s.rightGrad, s.rightHess);
    this.left[id] = l;
    this.right[id] = r;
    this.feature[id] = s.feature;
    this.value[id] = s.condition;
    this.defaultLeft[id] = s.defaultLeft ? 1 : 0;
    this.baseWeight[id] = leafWeight(s.leftGrad + s.rightGrad, s.leftHess + s.rightHess, this.rules);
    this.sumHessian[id] = f(s.leftHess + s.rightHess);
    this.lossChange[id] = s.gain;
    return [l, r];
  }

  toTree(numFeatures: number): RegressionTree {
    return new RegressionTree(
      {
        left: Int32Array.from(this.left),
        right: Int32Array.from(this.right),
        parent: Int32Array.from(this.parent),
        feature: Int32Array.from(this.feature),
        value: Float32Array.from(this.value),
        defaultLeft: Uint8Array.from(this.defaultLeft),
        baseWeight: Float32Array.from(this.baseWeight),
        sumHessian: Float32Array.from(this.sumHessian),
        lossChange: Float32Array.from(this.lossChange),
      },
      numFeatures,
    );
  }
}
