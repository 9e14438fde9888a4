/** What `solve` can solve for, and its default paths (studies/solve.ts), in a module of their own so that the command's flags load no engine. */
/** Paths per candidate unless asked otherwise: enough for a stable p10, small enough for ~10 runs. */
export const SOLVE_DEFAULT_PATHS = 4096;
export const SOLVE_FIELDS = ['plan.contribution.rate', 'plan.rate', 'person.retirementAge', 'payout.startAge', 'profile.weights.<asset>', 'payout.withdrawal.rate', 'plan.deferralRate', 'plan.diversification.share'] as const;
