/**
 * Writes grafana/dashboards/arbml.json from grafanaDashboard.ts. Run: npx tsx src/monitor/grafana/writeGrafanaDashboard.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderGrafanaDashboard } from './grafanaDashboard.ts';

export const grafanaDashboardPath = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../grafana/dashboards/arbml.json',
);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(grafanaDashboardPath, renderGrafanaDashboard());
  process.stderr.write(`wrote ${grafanaDashboardPath}\n`);
}
