/**
 * Forward and backward passes of an LSTM regressor over one batch, on preallocated buffers.
 * Inputs are time-major [seq, batch, in]. Restructured for speed: each layer's input projections for all steps are
 * one GEMM, the four gates are one fused GEMM per step, and weight gradients are one GEMM over all steps.
 * Loss: mean squared error over batch x outputs.
 */
import type { FloatArray, LstmKernels } from './kernels.ts';
import { paramLayout, validateShape, type LstmShape, type ParamLayout } from './lstmShape.ts';

interface LayerBuffers {
  gates: FloatArray; // [T, B, 4H] activations
  hs: FloatArray; // [T+1, B, H], row block 0 = zeros
  cs: FloatArray; // [T+1, B, H]
  tcs: FloatArray; // [T, B, H]
  dGates: FloatArray; // [T, B, 4H]
  dOut: FloatArray; // [T, B, H] gradient on this layer's outputs
  wxT: FloatArray; // [4H, in]
  whT: FloatArray; // [4H, H]
  inT: FloatArray; // [in, T*B]
  hT: FloatArray; // [H, T*B]
  /** Per-step views, made once (subarray() per step per call costs more than a batch-1 forecast's maths). */
  step: {
    gates: FloatArray[];
    hs: FloatArray[];
    cs: FloatArray[];
    tcs: FloatArray[];
    dGates: FloatArray[];
    dOut: FloatArray[];
  };
}

function views(a: FloatArray, count: number, size: number): FloatArray[] {
  return Array.from({ length: count }, (_, t) => a.subarray(t * size, (t + 1) * size));
}

export class LstmBatch {
  readonly layout: ParamLayout;
  readonly params: FloatArray;
  readonly grads: FloatArray;
  /** Input [T, B, in], filled by the caller. */
  readonly x: FloatArray;
  /** Targets [B, out], filled by the caller. */
  readonly y: FloatArray;
  /** Head output [B, out] after forward(). */
  readonly out: FloatArray;
  private readonly dc: FloatArray;
  private readonly layerBuffers: LayerBuffers[];

  constructor(
    readonly kernels: LstmKernels,
    readonly shape: LstmShape,
    readonly batch: number,
    readonly seqLen: number,
  ) {
    validateShape(shape);
    this.layout = paramLayout(shape);
    const { hiddenSize: h, outputSize: o, inputSize: f } = shape;
    const tb = seqLen * batch;
    const sizes = [this.layout.total, this.layout.total, tb * f, batch * o, batch * o, batch * h];
    for (const l of this.layout.layers) {
      sizes.push(tb * 4 * h, tb * h + batch * h, tb * h + batch * h, tb * h, tb * 4 * h, tb * h);
      sizes.push(4 * h * l.inSize, 4 * h * h, l.inSize * tb, h * tb);
    }
    const bufs = kernels.allocate(sizes);
    [this.params, this.grads, this.x, this.y, this.out, this.dc] = bufs as [
      FloatArray,
      FloatArray,
      FloatArray,
      FloatArray,
      FloatArray,
      FloatArray,
    ];
    this.layerBuffers = this.layout.layers.map((_, i) => {
      const b = bufs.slice(6 + i * 10, 16 + i * 10) as FloatArray[];
      const bh = batch * h,
        g = batch * 4 * h;
      const step = {
        gates: views(b[0]!, seqLen, g),
        hs: views(b[1]!, seqLen + 1, bh),
        cs: views(b[2]!, seqLen + 1, bh),
        tcs: views(b[3]!, seqLen, bh),
        dGates: views(b[4]!, seqLen, g),
        dOut: views(b[5]!, seqLen, bh),
      };
      return {
        gates: b[0]!,
        hs: b[1]!,
        cs: b[2]!,
        tcs: b[3]!,
        dGates: b[4]!,
        dOut: b[5]!,
        wxT: b[6]!,
        whT: b[7]!,
        inT: b[8]!,
        hT: b[9]!,
        step,
      };
    });
  }

  private param(at: number, n: number): FloatArray {
    return this.params.subarray(at, at + n);
  }

  /** Runs the network on x; fills out and returns the mean squared error against y. */
  forward(): number {
    const { kernels: k, batch: B, seqLen: T } = this;
    const { hiddenSize: H, outputSize: O } = this.shape;
    const bh = B * H,
      g4 = 4 * H;
    this.layout.layers.forEach((slots, l) => {
      const L = this.layerBuffers[l]!;
      const input = l === 0 ? this.x : this.layerBuffers[l - 1]!.hs.subarray(bh);
      k.fillRows(L.gates, this.param(slots.b, g4), T * B, g4);
      k.gemm(input, this.param(slots.wx, slots.inSize * g4), L.gates, T * B, g4, slots.inSize, true);
      const wh = this.param(slots.wh, H * g4);
      const v = L.step;
      for (let t = 0; t < T; t++) {
        k.gemm(v.hs[t]!, wh, v.gates[t]!, B, g4, H, true);
        k.cellForward(v.gates[t]!, v.cs[t]!, v.cs[t + 1]!, v.tcs[t]!, v.hs[t + 1]!, B, H);
      }
    });
    const top = this.layerBuffers[this.layerBuffers.length - 1]!.hs.subarray(T * bh);
    const wo = this.layout.wo,
      bo = this.layout.bo;
    let loss = 0;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < O; j++) {
        let s = this.params[bo + j]!;
        for (let i = 0; i < H; i++) s += top[b * H + i]! * this.params[wo + i * O + j]!;
        this.out[b * O + j] = s;
        const e = s - this.y[b * O + j]!;
        loss += e * e;
      }
    }
    return loss / (B * O);
  }

  /** Gradients of the last forward()'s loss into grads (overwritten). */
  backward(): void {
    const { kernels: k, batch: B, seqLen: T } = this;
    const { hiddenSize: H, outputSize: O } = this.shape;
    const bh = B * H,
      g4 = 4 * H,
      tb = T * B;
    const grads = this.grads;
    grads.fill(0);
    const nL = this.layerBuffers.length;
    const topL = this.layerBuffers[nL - 1]!;
    const top = topL.hs.subarray(T * bh);
    topL.dOut.fill(0);
    const dLast = topL.dOut.subarray((T - 1) * bh);
    const { wo, bo } = this.layout;
    const scale = 2 / (B * O);
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < O; j++) {
        const d = (this.out[b * O + j]! - this.y[b * O + j]!) * scale;
        grads[bo + j]! += d;
        for (let i = 0; i < H; i++) {
          grads[wo + i * O + j]! += top[b * H + i]! * d;
          dLast[b * H + i]! += this.params[wo + i * O + j]! * d;
        }
      }
    }
    for (let l = nL - 1; l >= 0; l--) {
      const slots = this.layout.layers[l]!;
      const L = this.layerBuffers[l]!;
      k.transpose(this.param(slots.wh, H * g4), L.whT, H, g4);
      this.dc.fill(0);
      const v = L.step;
      for (let t = T - 1; t >= 0; t--) {
        k.cellBackward(v.gates[t]!, v.cs[t]!, v.tcs[t]!, v.dOut[t]!, this.dc, v.dGates[t]!, B, H);
        if (t > 0) k.gemm(v.dGates[t]!, L.whT, v.dOut[t - 1]!, B, H, g4, true);
      }
      const input = l === 0 ? this.x : this.layerBuffers[l - 1]!.hs.subarray(bh);
      k.transpose(L.hs, L.hT, tb, H);
      k.gemm(L.hT, L.dGates, grads.subarray(slots.wh, slots.wh + H * g4), H, g4, tb, false);
      k.transpose(input, L.inT, tb, slots.inSize);
      k.gemm(L.inT, L.dGates, grads.subarray(slots.wx, slots.wx + slots.inSize * g4), slots.inSize, g4, tb, false);
      k.addColumnSums(L.dGates, grads.subarray(slots.b, slots.b + g4), tb, g4);
      if (l > 0) {
        k.transpose(this.param(slots.wx, H * g4), L.wxT, H, g4);
        k.gemm(L.dGates, L.wxT, this.layerBuffers[l - 1]!.dOut, tb, H, g4, false);
      }
    }
  }
}
