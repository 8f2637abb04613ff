/**
 * What the bulk writer needs to know about a table, read from the catalog once per connection: each column's SQL
 * type, NOT NULL flag and allowed values (CHECK ... IN (...)), and the primary key (the natural key imports are
 * idempotent on).
 */
import type { Db } from './db.ts';

export type ColumnKind = 'integer' | 'decimal' | 'float' | 'text' | 'boolean' | 'timestamp' | 'json';

export interface ColumnMeta {
  name: string;
  /** As format_type prints it, e.g. `numeric(78,0)`. */
  type: string;
  kind: ColumnKind;
  notNull: boolean;
  /** Allowed values, from a CHECK (column IN (...)) constraint. */
  allowed?: ReadonlySet<string>;
}

export interface TableMeta {
  table: string;
  columns: Map<string, ColumnMeta>;
  primaryKey: string[];
  /** CHECK constraints other than `column IN (...)`, which the bulk writer cannot verify before COPY. */
  uncheckedConstraints: string[];
}

function kindOf(type: string): ColumnKind {
  if (/^(integer|bigint|smallint|numeric\(\d+,0\))$/.test(type)) return 'integer';
  if (type.startsWith('numeric')) return 'decimal';
  if (type === 'double precision' || type === 'real') return 'float';
  if (type === 'boolean') return 'boolean';
  if (type.startsWith('timestamp')) return 'timestamp';
  if (type === 'jsonb' || type === 'json') return 'json';
  return 'text';
}

const cache = new WeakMap<Db, Map<string, TableMeta>>();

export async function tableMeta(db: Db, table: string): Promise<TableMeta> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const cached = perDb.get(table);
  if (cached) return cached;
  const rows = await db.query<{ name: string; type: string; not_null: boolean }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type, attnotnull AS not_null FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [table],
  );
  const pk = await db.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON TRUE
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.n`,
    [table],
  );
  const checks = await db.query<{ def: string }>(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'c'`,
    [table],
  );
  const meta: TableMeta = {
    table,
    columns: new Map(
      rows.map((r) => [r.name, { name: r.name, type: r.type, kind: kindOf(r.type), notNull: r.not_null }]),
    ),
    primaryKey: pk.map((r) => r.name),
    uncheckedConstraints: [],
  };
  for (const { def } of checks) {
    const parsed = parseInCheck(def);
    const column = parsed && meta.columns.get(parsed.column);
    if (column) column.allowed = parsed.values;
    else meta.uncheckedConstraints.push(def);
  }
  perDb.set(table, meta);
  return meta;
}

/** Parses `CHECK ((col = ANY (ARRAY['a'::text, 'b'::text])))` into the column and its allowed values. */
export function parseInCheck(def: string): { column: string; values: Set<string> } | undefined {
  const m = /^CHECK \(\(?"?([a-z_][a-z0-9_]*)"? = ANY \(\(?ARRAY\[(.*)\]\)?(?:::text\[\])?\)\)?\)$/.exec(def);
  if (!m) return undefined;
  const values = [...m[2]!.matchAll(/'((?:[^']|'')*)'::(?:text|character varying)/g)].map((v) =>
    v[1]!.replace(/''/g, "'"),
  );
  return values.length ? { column: m[1]!, values: new Set(values) } : undefined;
}
