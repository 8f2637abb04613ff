/**
 * Splits a text file into numbered lines for the row parsers. Handles CRLF, skips blank lines, and marks the last
 * line when the file does not end with a newline (a possibly truncated write).
 */
export interface TextLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  /** True for the final line of a file that does not end with a newline. */
  unterminated: boolean;
}

export function textLines(text: string): TextLine[] {
  const parts = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  const out: TextLine[] = [];
  for (let i = 0; i < parts.length; i++) {
    let t = parts[i]!;
    if (t.endsWith('\r')) t = t.slice(0, -1);
    if (t.trim() === '') continue;
    out.push({ line: i + 1, text: t, unterminated: !endsWithNewline && i === parts.length - 1 });
  }
  return out;
}
