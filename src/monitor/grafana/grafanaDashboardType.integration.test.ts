/**
 * The committed JSON, pasted as an object literal typed `Dashboard`, must compile: TypeScript then checks every
 * field name (excess properties), every literal union and every nested shape of @grafana/schema. The same check
 * must reject a dashboard with a misspelt field or a wrong type, so this test can fail. (tsc also checks the typed
 * builder in grafanaDashboard.ts.)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { grafanaDashboardPath } from './writeGrafanaDashboard.ts';

const here = dirname(fileURLToPath(import.meta.url));
const virtualFile = join(here, '__dashboard_typecheck__.ts');

/** Type errors of `const d: Dashboard = <json>` compiled beside this file. */
function dashboardTypeErrors(jsonText: string): string[] {
  const source = `import type { Dashboard } from '@grafana/schema';\nexport const dashboard: Dashboard = ${jsonText};\n`;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === virtualFile ? source : readFile(f));
  host.fileExists = (f) => f === virtualFile || ts.sys.fileExists(f);
  host.getSourceFile = (f, lang, ...rest) =>
    f === virtualFile ? ts.createSourceFile(f, source, lang) : getSourceFile(f, lang, ...rest);
  const program = ts.createProgram([virtualFile], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === virtualFile || !d.file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('grafana/dashboards/arbml.json against @grafana/schema Dashboard', () => {
  const text = readFileSync(grafanaDashboardPath, 'utf8');

  it('type-checks, and a misspelt field or a wrong type does not', () => {
    expect(dashboardTypeErrors(text)).toEqual([]);
    const parsed = JSON.parse(text) as Record<string, unknown> & { panels: Record<string, unknown>[] };
    const misspelt = { ...parsed, panels: [{ ...parsed.panels[0], gridPoss: { x: 0, y: 0, w: 1, h: 1 } }] };
    expect(dashboardTypeErrors(JSON.stringify(misspelt)).join('\n')).toMatch(/gridPoss/);
    const wrongType = { ...parsed, schemaVersion: '39' };
    expect(dashboardTypeErrors(JSON.stringify(wrongType)).join('\n')).toMatch(/schemaVersion|string/);
    const badVariable = { ...parsed, templating: { list: [{ name: 'x', type: 'datasauce' }] } };
    expect(dashboardTypeErrors(JSON.stringify(badVariable)).join('\n')).toMatch(/datasauce/);
  });
});
