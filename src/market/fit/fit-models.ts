/** The return models `fit` estimates (market/fit/fit-history.ts), in a module of their own so that the command's flags load no estimation code. */
export const FIT_MODELS = ['lognormal', 'student-t', 'regime-switching'] as const;
export type FitModel = (typeof FIT_MODELS)[number];
