/**
 * Adam (Kingma & Ba) over one flat parameter vector, with PyTorch's defaults and bias correction, plus global-norm
 * gradient clipping (torch.nn.utils.clip_grad_norm_).
 */
import type { FloatArray } from './kernels.ts';

export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

export class Adam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private t = 0;
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;

  constructor(size: number, { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 }: AdamOptions = {}) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
  }

  step(params: FloatArray, grads: FloatArray): void {
    this.t++;
    const { m, v, beta1: b1, beta2: b2, eps } = this;
    const c1 = 1 - b1 ** this.t;
    const c2 = Math.sqrt(1 - b2 ** this.t);
    const stepSize = this.lr / c1;
    for (let i = 0; i < m.length; i++) {
      const g = grads[i]!;
      m[i] = b1 * m[i]! + (1 - b1) * g;
      v[i] = b2 * v[i]! + (1 - b2) * g * g;
      params[i]! -= (stepSize * m[i]!) / (Math.sqrt(v[i]!) / c2 + eps);
    }
  }
}

/** Scales grads in place so their L2 norm is at most maxNorm; returns the norm before clipping. */
export function clipGradNorm(grads: FloatArray, maxNorm: number): number {
  let sq = 0;
  for (let i = 0; i < grads.length; i++) sq += grads[i]! * grads[i]!;
  const norm = Math.sqrt(sq);
  if (norm > maxNorm) {
    const s = maxNorm / (norm + 1e-6);
    for (let i = 0; i < grads.length; i++) grads[i]! *= s;
  }
  return norm;
}
