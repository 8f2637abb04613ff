/**
 * A rejected input row: which file, which line (1-based; for a JSON array file, the 1-based element number), and why.
 * Importers count these and print them; a bad row never stops an import.
 */
export interface RowError {
  file: string;
  line: number;
  reason: string;
}

/** `file:line: reason`, how a rejected row is printed. */
export function formatRowError(e: RowError): string {
  return `${e.file}:${e.line}: ${e.reason}`;
}
