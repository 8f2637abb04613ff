// AssemblyScript (compiled by buildGbdtWasm.ts, not by tsc): the hot loops of histogram GBDT training.
// Pointers are byte offsets into this module's memory. The float64 additions happen in the same order as the
// TypeScript kernels, so results are bit-identical to them (and to XGBoost's).

// hist[(bin + offset[c]) * 2 + {0,1}] += {grad[r], hess[r]} for every row r = rows[begin..end), feature c.
export function buildHistogram(bins: usize, cols: i32, offsets: usize, rows: usize, begin: i32, end: i32, grad: usize, hess: usize, unitHessian: i32, hist: usize): void {
  for (let i = begin; i < end; i++) {
    const r = load<i32>(rows + (<usize>i << 2));
    const g = load<f64>(grad + (<usize>r << 3));
    const h = unitHessian ? 1.0 : load<f64>(hess + (<usize>r << 3));
    const p = bins + <usize>r * <usize>cols;
    let c = 0;
    for (; c + 4 <= cols; c += 4) {
      const o0 = hist + ((<usize>load<u8>(p + c) + <usize>load<i32>(offsets + (<usize>c << 2))) << 4);
      store<f64>(o0, load<f64>(o0) + g);
      store<f64>(o0, load<f64>(o0, 8) + h, 8);
      const o1 = hist + ((<usize>load<u8>(p + c + 1) + <usize>load<i32>(offsets + (<usize>(c + 1) << 2))) << 4);
      store<f64>(o1, load<f64>(o1) + g);
      store<f64>(o1, load<f64>(o1, 8) + h, 8);
      const o2 = hist + ((<usize>load<u8>(p + c + 2) + <usize>load<i32>(offsets + (<usize>(c + 2) << 2))) << 4);
      store<f64>(o2, load<f64>(o2) + g);
      store<f64>(o2, load<f64>(o2, 8) + h, 8);
      const o3 = hist + ((<usize>load<u8>(p + c + 3) + <usize>load<i32>(offsets + (<usize>(c + 3) << 2))) << 4);
      store<f64>(o3, load<f64>(o3) + g);
      store<f64>(o3, load<f64>(o3, 8) + h, 8);
    }
    for (; c < cols; c++) {
      const o = hist + ((<usize>load<u8>(p + c) + <usize>load<i32>(offsets + (<usize>c << 2))) << 4);
      store<f64>(o, load<f64>(o) + g);
      store<f64>(o, load<f64>(o, 8) + h, 8);
    }
  }
}

// Stable branch-free partition of rows[begin..end) by goesLeft[column[r]]; returns the end of the left part.
export function partitionRows(column: usize, rows: usize, scratch: usize, begin: i32, end: i32, goesLeft: usize): i32 {
  let l = begin;
  let k = 0;
  for (let i = begin; i < end; i++) {
    const r = load<i32>(rows + (<usize>i << 2));
    const left = <i32>load<u8>(goesLeft + <usize>load<u8>(column + <usize>r));
    store<i32>(rows + (<usize>l << 2), r);
    store<i32>(scratch + (<usize>k << 2), r);
    l += left;
    k += left ^ 1;
  }
  memory.copy(rows + (<usize>l << 2), scratch, <usize>k << 2);
  return l;
}

// predictions[r] += value for r = rows[begin..end) (float32 addition).
export function addLeafValue(rows: usize, begin: i32, end: i32, predictions: usize, value: f32): void {
  for (let i = begin; i < end; i++) {
    const p = predictions + (<usize>load<i32>(rows + (<usize>i << 2)) << 2);
    store<f32>(p, load<f32>(p) + value);
  }
}

// predictions[r] += goesLeft[column[r]] ? leftValue : rightValue, for r = rows[begin..end).
export function addSplitLeafValues(column: usize, rows: usize, begin: i32, end: i32, goesLeft: usize, predictions: usize, leftValue: f32, rightValue: f32): void {
  for (let i = begin; i < end; i++) {
    const r = load<i32>(rows + (<usize>i << 2));
    const left = load<u8>(goesLeft + <usize>load<u8>(column + <usize>r));
    const p = predictions + (<usize>r << 2);
    store<f32>(p, load<f32>(p) + select<f32>(leftValue, rightValue, left != 0));
  }
}

// parent[i] -= child[i] for n float64 values.
export function subtractHistogram(parent: usize, child: usize, n: i32): void {
  for (let i: usize = 0; i < <usize>n; i++) {
    const o = i << 3;
    store<f64>(parent + o, load<f64>(parent + o) - load<f64>(child + o));
  }
}

// The best split of a node from its histogram, exactly as bestSplit.ts (and XGBoost) enumerate and round:
// per feature forward (missing right), then backward (missing left) unless the bins sum to the node; a later
// candidate wins only with a strictly larger float32 gain. Writes to out: f64 lg, lh, rg, rh, then f32 gain,
// i32 feature (-1: none), i32 bin threshold, i32 default left.
export function bestSplit(hist: usize, features: usize, nFeatures: i32, binCount: usize, offsets: usize, G: f64, H: f64, lambda: f64, mcw: f64, out: usize): void {
  const rootGain: f32 = H <= 0 ? 0 : <f32>((G * G) / (H + lambda));
  let bestGain: f32 = 0;
  let bestFeature = -1, bestBin = 0, bestLeft = 0;
  let bLg: f64 = 0, bLh: f64 = 0, bRg: f64 = 0, bRh: f64 = 0;
  for (let k = 0; k < nFeatures; k++) {
    const fid = load<i32>(features + (<usize>k << 2));
    const nb = load<i32>(binCount + (<usize>fid << 2));
    const base = hist + (<usize>load<i32>(offsets + (<usize>fid << 2)) << 4);
    let lg: f64 = 0, lh: f64 = 0;
    for (let b = 0; b < nb; b++) {
      lg += load<f64>(base + (<usize>b << 4));
      lh += load<f64>(base + (<usize>b << 4), 8);
      const rh = H - lh;
      if (lh >= mcw && rh >= mcw) {
        const rg = G - lg;
        const gl: f32 = lh <= 0 ? 0 : <f32>((lg * lg) / (lh + lambda));
        const gr: f32 = rh <= 0 ? 0 : <f32>((rg * rg) / (rh + lambda));
        const gain: f32 = (gl + gr) - rootGain;
        if (gain > bestGain && gain != Infinity) {
          bestGain = gain; bestFeature = fid; bestBin = b; bestLeft = 0;
          bLg = lg; bLh = lh; bRg = rg; bRh = rh;
        }
      }
    }
    if (lg == G && lh == H) continue;
    let ag: f64 = 0, ah: f64 = 0;
    for (let b = nb - 1; b >= 0; b--) {
      ag += load<f64>(base + (<usize>b << 4));
      ah += load<f64>(base + (<usize>b << 4), 8);
      const oh = H - ah;
      if (ah >= mcw && oh >= mcw) {
        const og = G - ag;
        const gl: f32 = oh <= 0 ? 0 : <f32>((og * og) / (oh + lambda));
        const gr: f32 = ah <= 0 ? 0 : <f32>((ag * ag) / (ah + lambda));
        const gain: f32 = (gl + gr) - rootGain;
        if (gain > bestGain && gain != Infinity) {
          bestGain = gain; bestFeature = fid; bestBin = b - 1; bestLeft = 1;
          bLg = og; bLh = oh; bRg = ag; bRh = ah;
        }
      }
    }
  }
  store<f64>(out, bLg); store<f64>(out, bLh, 8); store<f64>(out, bRg, 16); store<f64>(out, bRh, 24);
  store<f32>(out, bestGain, 32); store<i32>(out, bestFeature, 36); store<i32>(out, bestBin, 40); store<i32>(out, bestLeft, 44);
}

// Forest prediction over perfect-layout trees (see forestPredictor.ts): 8 rows walk each tree together, each
// step n = 2n + 2 - (x < threshold); sums are float32 in tree order. feat/thr/leaf are per node/leaf arrays,
// depth/nodeOff/leafOff per tree (i32). Rows are float32, `cols` wide; predictions go to out (f32).
export function predictRows(x: usize, cols: i32, rows: i32, feat: usize, thr: usize, leaf: usize, depth: usize, nodeOff: usize, leafOff: usize, trees: i32, base: f32, out: usize): void {
  const stride = <usize>cols << 2;
  let r = 0;
  for (; r + 8 <= rows; r += 8) {
    const b0 = x + <usize>r * stride;
    const b1 = b0 + stride, b2 = b1 + stride, b3 = b2 + stride, b4 = b3 + stride, b5 = b4 + stride, b6 = b5 + stride, b7 = b6 + stride;
    let s0 = base, s1 = base, s2 = base, s3 = base, s4 = base, s5 = base, s6 = base, s7 = base;
    for (let t = 0; t < trees; t++) {
      const D = load<i32>(depth + (<usize>t << 2));
      const f = feat + (<usize>load<i32>(nodeOff + (<usize>t << 2)) << 2);
      const h = thr + (<usize>load<i32>(nodeOff + (<usize>t << 2)) << 2);
      let n0 = 0, n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0, n6 = 0, n7 = 0;
      for (let d = 0; d < D; d++) {
        n0 = 2 * n0 + 2 - <i32>(load<f32>(b0 + (<usize>load<i32>(f + (<usize>n0 << 2)) << 2)) < load<f32>(h + (<usize>n0 << 2)));
        n1 = 2 * n1 + 2 - <i32>(load<f32>(b1 + (<usize>load<i32>(f + (<usize>n1 << 2)) << 2)) < load<f32>(h + (<usize>n1 << 2)));
        n2 = 2 * n2 + 2 - <i32>(load<f32>(b2 + (<usize>load<i32>(f + (<usize>n2 << 2)) << 2)) < load<f32>(h + (<usize>n2 << 2)));
        n3 = 2 * n3 + 2 - <i32>(load<f32>(b3 + (<usize>load<i32>(f + (<usize>n3 << 2)) << 2)) < load<f32>(h + (<usize>n3 << 2)));
        n4 = 2 * n4 + 2 - <i32>(load<f32>(b4 + (<usize>load<i32>(f + (<usize>n4 << 2)) << 2)) < load<f32>(h + (<usize>n4 << 2)));
        n5 = 2 * n5 + 2 - <i32>(load<f32>(b5 + (<usize>load<i32>(f + (<usize>n5 << 2)) << 2)) < load<f32>(h + (<usize>n5 << 2)));
        n6 = 2 * n6 + 2 - <i32>(load<f32>(b6 + (<usize>load<i32>(f + (<usize>n6 << 2)) << 2)) < load<f32>(h + (<usize>n6 << 2)));
        n7 = 2 * n7 + 2 - <i32>(load<f32>(b7 + (<usize>load<i32>(f + (<usize>n7 << 2)) << 2)) < load<f32>(h + (<usize>n7 << 2)));
      }
      const lo = leaf + (<usize>(load<i32>(leafOff + (<usize>t << 2)) - ((1 << D) - 1)) << 2);
      s0 += load<f32>(lo + (<usize>n0 << 2)); s1 += load<f32>(lo + (<usize>n1 << 2));
      s2 += load<f32>(lo + (<usize>n2 << 2)); s3 += load<f32>(lo + (<usize>n3 << 2));
      s4 += load<f32>(lo + (<usize>n4 << 2)); s5 += load<f32>(lo + (<usize>n5 << 2));
      s6 += load<f32>(lo + (<usize>n6 << 2)); s7 += load<f32>(lo + (<usize>n7 << 2));
    }
    const o = out + (<usize>r << 2);
    store<f32>(o, s0); store<f32>(o, s1, 4); store<f32>(o, s2, 8); store<f32>(o, s3, 12);
    store<f32>(o, s4, 16); store<f32>(o, s5, 20); store<f32>(o, s6, 24); store<f32>(o, s7, 28);
  }
  for (; r < rows; r++) {
    const b = x + <usize>r * stride;
    let s = base;
    for (let t = 0; t < trees; t++) {
      const D = load<i32>(depth + (<usize>t << 2));
      const f = feat + (<usize>load<i32>(nodeOff + (<usize>t << 2)) << 2);
      const h = thr + (<usize>load<i32>(nodeOff + (<usize>t << 2)) << 2);
      let n = 0;
      for (let d = 0; d < D; d++) n = 2 * n + 2 - <i32>(load<f32>(b + (<usize>load<i32>(f + (<usize>n << 2)) << 2)) < load<f32>(h + (<usize>n << 2)));
      s += load<f32>(leaf + (<usize>(load<i32>(leafOff + (<usize>t << 2)) - ((1 << D) - 1) + n) << 2));
    }
    store<f32>(out + (<usize>r << 2), s);
  }
}

// Squared-error gradients: grad[i] = f32(predictions[i] - labels[i]) (XGBoost computes them in float32).
export function squaredErrorGradients(predictions: usize, labels: usize, grad: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 2;
    store<f64>(grad + (<usize>i << 3), <f64>(load<f32>(predictions + o) - load<f32>(labels + o)));
  }
}

// rows[i] = i for i < n.
export function identityRows(rows: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<i32>(rows + (<usize>i << 2), i);
}

export function heapBase(): usize {
  return __heap_base;
}
