/**
 * The pipeline as the import order (README, "Map of src/"). A folder may import only folders of its own layer or
 * below; a lower layer never imports a higher one. No cycles at file or folder level.
 */
const layers = [
  ['core'],
  ['dex'],
  ['domain'],
  ['evm'],
  ['market'],
  ['store'],
  ['ml'],
  ['slippage', 'gas'],
  ['exec'],
  ['decide'],
  ['train'],
  ['eval'],
  ['monitor', 'live'],
  ['bus'],
  ['cli'],
];

const layerOf = (folder) => layers.findIndex((l) => l.includes(folder));
const folders = layers.flat();

/** For each folder: a rule forbidding imports of any folder in a higher layer (or a sibling in the same layer). */
const layerRules = folders.map((folder) => {
  const level = layerOf(folder);
  const forbidden = folders.filter((other) => other !== folder && layerOf(other) >= level);
  return {
    name: `layer-${folder}`,
    comment: `src/${folder} may import only lower layers`,
    severity: 'error',
    from: { path: `^src/${folder}/`, pathNot: '\\.test\\.ts$' },
    to: { path: `^src/(${forbidden.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'domain-types-only',
      comment:
        'domain runs on core alone: it may name dex types (an opportunity is made of dex routes), never import dex code',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/dex/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unknown-folder',
      comment: 'every src/ folder has a layer',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: `^src/(?!(${folders.join('|')})/)[^/]+/` },
    },
    {
      name: 'no-circular',
      comment: 'no file-level import cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
