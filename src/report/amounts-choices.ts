/**
 * The units of --amounts (run, merge), apart from their resolution in amounts-flag.ts: a command's
 * flag definitions need the names and the help, not the plan and G modules behind the resolution.
 */
export const AMOUNTS = ['nominal', 'real', 'g'] as const;
export type Amounts = (typeof AMOUNTS)[number];

export const AMOUNTS_HELP =
  "nominal: the money of each year; real: today's money, deflated by the scenario's inflation (as --real); g: each amount divided by the G of its year";
