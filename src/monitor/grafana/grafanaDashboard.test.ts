import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testBackends, type TestStore } from '../../store/testing.ts';
import { insertKnownLedger, knownStart } from '../testing/knownLedger.ts';
import { grafanaBucketQuery, grafanaBucketVariable } from '../panels/sqlDialect.ts';
import { grafanaDashboard } from './grafanaDashboard.ts';
import { expandGrafanaMacros } from './grafanaMacros.ts';
import { grafanaDashboardPath } from './writeGrafanaDashboard.ts';

interface SqlTarget {
  panel: string;
  format: 'time_series' | 'table';
  rawSql: string;
}

interface JsonPanel {
  title: string;
  type: string;
  targets?: { rawSql?: string; format?: string; expr?: string }[];
}

const json = JSON.parse(readFileSync(grafanaDashboardPath, 'utf8')) as { panels: JsonPanel[] };

function sqlTargets(): SqlTarget[] {
  return json.panels.flatMap((p) =>
    (p.targets ?? [])
      .filter((t) => t.rawSql !== undefined)
      .map((t) => ({ panel: p.title, format: t.format as SqlTarget['format'], rawSql: t.rawSql! })),
  );
}

describe('grafana/dashboards/arbml.json', () => {
  it('is exactly what grafanaDashboard() builds (regenerate with writeGrafanaDashboard.ts)', () => {
    expect(json).toEqual(JSON.parse(JSON.stringify(grafanaDashboard())));
  });

  it("has the seed's four panels plus success rate, outcome breakdown and totals, all as SQL", () => {
    const titles = sqlTargets().map((t) => t.panel);
    expect(titles).toEqual([
      'Totals',
      'Predicted vs actual slippage (bps)',
      'RL policy reward',
      'Gas forecast MAE (gwei)',
      'Cumulative profit by decider (ETH)',
      'Success rate',
      'Outcome breakdown',
    ]);
    expect(json.panels.find((p) => p.title.startsWith('Predicted'))!.type).toBe('xychart');
  });

  it('expands Grafana macros as Grafana does and refuses unknown ones', () => {
    const ctx = { from: new Date(0), to: new Date(60_000), intervalMs: 300_000 };
    expect(expandGrafanaMacros('WHERE $__timeFilter(ts) GROUP BY $__interval_ms, $__interval', ctx)).toBe(
      "WHERE ts BETWEEN '1970-01-01T00:00:00.000Z' AND '1970-01-01T00:01:00.000Z' GROUP BY 300000, 5m",
    );
    expect(() => expandGrafanaMacros('SELECT $__unixEpochFilter(t)', ctx)).toThrow(/unexpanded/);
  });
});

const macroContext = { from: new Date(knownStart - 3600_000), to: new Date(Date.UTC(2024, 2, 1)), intervalMs: 60_000 };

for (const backend of testBackends()) {
  if (backend.skipReason) console.warn(`skipping Grafana SQL on ${backend.name}: ${backend.skipReason}`);
  describe.skipIf(!!backend.skipReason)(`every Grafana SQL query runs on ${backend.name}`, () => {
    let t: TestStore;
    let bucketFn = '';
    beforeAll(async () => {
      t = await openTestStore(backend, 'monitor_grafana');
      await insertKnownLedger(t.store);
      bucketFn = (await t.store.db.query<{ bucket_fn: string }>(grafanaBucketQuery))[0]!.bucket_fn;
    });
    afterAll(async () => t?.cleanup());

    const run = (target: SqlTarget) =>
      t.store.db.query<Record<string, unknown>>(
        expandGrafanaMacros(target.rawSql, { ...macroContext, variables: { [grafanaBucketVariable]: bucketFn } }),
      );

    it('the bucket_fn variable names time_bucket on TimescaleDB and date_bin elsewhere', async () => {
      expect(bucketFn).toBe(backend.name === 'timescale' ? 'public.time_bucket' : 'date_bin');
    });

    for (const target of sqlTargets()) {
      it(`${target.panel} (${target.format}) returns the columns Grafana expects`, async () => {
        const rows = await run(target);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          if (target.format === 'time_series') {
            expect(Object.keys(row)).toEqual(['time', 'metric', 'value']);
            expect(row.time).toBeInstanceOf(Date);
            expect(typeof row.metric).toBe('string');
            expect(typeof row.value).toBe('number');
          } else {
            const numeric = Object.values(row).filter((v) => typeof v === 'number');
            expect(numeric.length).toBeGreaterThanOrEqual(2);
          }
        }
      });
    }

    it('gives the hand-worked values (gas MAE per chain and minute)', async () => {
      const rows = await run(sqlTargets().find((s) => s.panel.startsWith('Gas'))!);
      expect(rows.map((r) => [(r.time as Date).getTime() - knownStart, r.metric, r.value])).toEqual([
        [0, 'ethereum', 2.5],
        [60_000, 'polygon', 10],
        [120_000, 'polygon', 0],
      ]);
      const [totals] = await run(sqlTargets()[0]!);
      expect(totals!.total_profit_eth).toBeCloseTo(0.13, 12);
      expect(totals!.executed).toBe(3);
    });
  });
}
