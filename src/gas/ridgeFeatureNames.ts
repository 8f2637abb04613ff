/** The feature vector the per-horizon ridge models use (all columns of gasFeatureColumns, in a fixed order). */
export const ridgeFeatureNames = [
  'logMean6', 'logMean12', 'logMean24', 'logMean48', 'logMean288', 'logMin12', 'logMin24', 'logMax12',
  'ewma0.5', 'ewma0.2', 'ewma0.1', 'ewma0.05', 'change1', 'change2', 'change3', 'change4', 'change6', 'change8',
  'drift1', 'drift2', 'drift3', 'drift6', 'drift12', 'utilisation', 'avgChange1', 'avgChange3', 'avgOverMin',
  'maxOverMin', 'ethReturn1', 'ethReturn12', 'daySin', 'dayCos', 'weekSin', 'weekCos',
] as const;
