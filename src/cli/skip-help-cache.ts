/**
 * yargs lays out a command's whole help as it starts the command's handler (its internal
 * usage.cacheHelpMessage), in case the handler asks for it later. pensim's handlers never show
 * help and its failures go to main.ts's own .fail(), so that text is never printed; yet laying it
 * out (cliui, wrap-ansi, string-width on every word) costs about 60 ms of every `run`. Help that is
 * printed (--help) is laid out as before. The hook is internal to yargs: if it is gone, nothing is
 * changed (test/cli/skip-help-cache.test.ts says so).
 */
import type { Argv } from 'yargs';

interface UsageInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: unknown } | undefined };
}

/** True when the hook was found and turned off. */
export function skipHelpCache(y: Argv): boolean {
  const usage = (y as unknown as UsageInternals).getInternalMethods?.().getUsageInstance?.();
  if (!usage || typeof usage.cacheHelpMessage !== 'function') return false;
  usage.cacheHelpMessage = () => {};
  return true;
}
