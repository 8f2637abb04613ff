/**
 * The feature matrix every GBDT function takes: float32, row-major, NaN for a missing value (XGBoost's DMatrix
 * with `missing=NaN`). Converting to float32 here is what makes our split comparisons XGBoost's.
 */
import { InvalidInputError } from '../../core/errors.ts';

export interface DenseMatrix {
  readonly data: Float32Array;
  readonly rows: number;
  readonly cols: number;
}

/** A matrix from rows of numbers; rejects ragged rows and infinities with the row and column named. */
export function denseMatrix(rows: ReadonlyArray<ArrayLike<number>>, cols?: number): DenseMatrix {
  const width = cols ?? (rows.length > 0 ? rows[0].length : 0);
  const data = new Float32Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== width) {
      throw new InvalidInputError(`feature row ${r} has ${row.length} values, expected ${width}`);
    }
    for (let c = 0; c < width; c++) data[r * width + c] = row[c];
  }
  return checkedMatrix({ data, rows: rows.length, cols: width });
}

/** Validates a matrix built elsewhere (size and no infinities). */
export function checkedMatrix(matrix: DenseMatrix): DenseMatrix {
  const { data, rows, cols } = matrix;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 1 || data.length !== rows * cols) {
    throw new InvalidInputError(`feature matrix of ${data.length} values does not have ${rows} rows x ${cols} columns`);
  }
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v === Infinity || v === -Infinity) {
      throw new InvalidInputError(`feature row ${Math.floor(i / cols)} column ${i % cols} is infinite`, {
        details: 'use NaN for a missing value',
      });
    }
  }
  return matrix;
}

/** The rows at the given indices, as a new matrix. */
export function selectRows(matrix: DenseMatrix, indices: ArrayLike<number>): DenseMatrix {
  const { cols } = matrix;
  const data = new Float32Array(indices.length * cols);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    data.set(matrix.data.subarray(r * cols, r * cols + cols), i * cols);
  }
  return { data, rows: indices.length, cols };
}
