/** The Norwegian per-path outcomes `compare` can pair (studies/compare.ts), in a module of their own so that the command's flags load no engine. */
export const NO_COMPARE_METRICS = ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'replacementRatio', 'totalPension'] as const;
export type NoCompareMetric = (typeof NO_COMPARE_METRICS)[number];
