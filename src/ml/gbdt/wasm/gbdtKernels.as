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

export function heapBase(): usize {
  return __heap_base;
}
