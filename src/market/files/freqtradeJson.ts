/**
 * A tolerant reader of freqtrade's kline JSON `[[ms, o, h, l, c, v], ...]`: scans element by element so one bad
 * element (NaN, text, missing value) or a truncated end rejects only that element and keeps every good one.
 * `line` in errors is the 1-based element number.
 */
import { klineFromFields, type Kline } from './klineRow.ts';
import type { RowError } from './rowError.ts';
import { RowReject } from './rowFields.ts';

function token(raw: string): string {
  const t = raw.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

export function parseFreqtradeJson(text: string, file: string): { rows: Kline[]; errors: RowError[] } {
  const rows: Kline[] = [];
  const errors: RowError[] = [];
  let pos = text.indexOf('[');
  if (pos < 0) return { rows, errors: [{ file, line: 1, reason: 'not a JSON array' }] };
  pos++;
  let element = 0;
  const skipSpace = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  for (;;) {
    skipSpace();
    if (pos >= text.length) {
      errors.push({ file, line: element + 1, reason: 'truncated: array not closed' });
      break;
    }
    if (text[pos] === ']') break;
    if (text[pos] === ',') {
      pos++;
      continue;
    }
    element++;
    if (text[pos] !== '[') {
      errors.push({
        file,
        line: element,
        reason: `expected an array [ms,o,h,l,c,v], found ${JSON.stringify(text.slice(pos, pos + 12))}`,
      });
      const next = text.indexOf('[', pos);
      if (next < 0) break;
      pos = next;
      continue;
    }
    const close = text.indexOf(']', pos);
    const nested = text.indexOf('[', pos + 1);
    if (close < 0) {
      errors.push({ file, line: element, reason: 'truncated last element (no closing bracket)' });
      break;
    }
    if (nested >= 0 && nested < close) {
      errors.push({ file, line: element, reason: 'malformed element (nested or unclosed array)' });
      pos = nested;
      continue;
    }
    const fields = text
      .slice(pos + 1, close)
      .split(',')
      .map(token);
    pos = close + 1;
    try {
      if (fields.length < 6 || fields.some((f, i) => i < 6 && f === '')) {
        throw new RowReject(`missing fields (${fields.filter((f) => f !== '').length} of 6)`);
      }
      rows.push(klineFromFields(fields, rows[rows.length - 1]));
    } catch (err) {
      if (!(err instanceof RowReject)) throw err;
      errors.push({ file, line: element, reason: err.message });
    }
  }
  return { rows, errors };
}
