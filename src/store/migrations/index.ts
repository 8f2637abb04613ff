/**
 * The ordered list of schema migrations. Append only: never edit a migration that has shipped; add the next one.
 */
import * as m001 from './001_initial.ts';
import * as m002 from './002_ledger_time_first_key.ts';
import * as m003 from './003_model_activation.ts';
import * as m004 from './004_ledger_detection_features.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: m001.name, sql: m001.sql },
  { version: 2, name: m002.name, sql: m002.sql },
  { version: 3, name: m003.name, sql: m003.sql },
  { version: 4, name: m004.name, sql: m004.sql },
];
