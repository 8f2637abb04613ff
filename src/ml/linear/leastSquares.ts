/**
 * Ordinary least squares without an intercept: the weights w minimising sum_i (y_i - sum_j w_j x_j,i)^2 over
 * column vectors x_j, from the normal equations solved by Cholesky. Undefined when the columns are linearly
 * dependent (the normal equations are singular).
 */
import { choleskySolve } from './choleskySolve.ts';

export function leastSquares(y: readonly number[], columns: readonly (readonly number[])[]): number[] | undefined {
  const m = columns.length;
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    b[p] = dot(columns[p]!, y);
    for (let q = 0; q <= p; q++) a[p * m + q] = dot(columns[p]!, columns[q]!);
  }
  const w = choleskySolve(a, b, m);
  return w && Array.from(w);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
