/**
 * Vesting of employer money (IRC 411(a)(2)(B); docs/model.md §3.4): the vested share after `years` completed years of
 * service. Immediate: 100 %. Three-year cliff: 0 % before 3 years, then 100 %. Two-to-six-year
 * graded: 0 % before 2 years, 20 % after 2, 40 % after 3, 60 % after 4, 80 % after 5, 100 % from 6.
 * Unvested money is forfeited when the worker leaves.
 *
 * Example (a test checks it): vestedShare('graded-2-6', 3) = 0.4; vestedShare('cliff-3', 2) = 0.
 */
export const VESTING_SCHEDULES = ['immediate', 'cliff-3', 'graded-2-6'] as const;
export type VestingSchedule = (typeof VESTING_SCHEDULES)[number];

export function vestedShare(schedule: VestingSchedule, years: number): number {
  switch (schedule) {
    case 'immediate':
      return 1;
    case 'cliff-3':
      return years >= 3 ? 1 : 0;
    case 'graded-2-6':
      return years < 2 ? 0 : Math.min(1, 0.2 * (Math.floor(years) - 1));
  }
}
