/**
 * SIGINT / SIGTERM during a run: the run's AbortSignal aborts (the engine terminates its workers
 * at once), nothing is written, and the command ends with Interrupted, which main.ts turns into
 * exit code 130 (SIGINT) or 143 (SIGTERM), the shell's 128 + signal number. The handlers stay
 * installed until the command's output is written, so a signal can never cut a write short (a
 * write is synchronous: the signal is handled after it, and the output is then whole). A second
 * signal, or a run that has not stopped within STOP_GRACE_MS of the first, exits at once.
 * With PENSIM_SIGNAL_READY=1 the command says on stderr when its handlers are installed.
 */
export const EXIT_SIGINT = 130;
export const EXIT_SIGTERM = 143;
export const STOP_GRACE_MS = 2_000;
/** Printed on stderr under PENSIM_SIGNAL_READY=1 once the handlers are installed. */
export const SIGNAL_READY_LINE = 'pensim: signal handlers installed';

type StopSignal = 'SIGINT' | 'SIGTERM';

const exitCode = (s: StopSignal) => (s === 'SIGINT' ? EXIT_SIGINT : EXIT_SIGTERM);

export class Interrupted extends Error {
  readonly exitCode: number;

  constructor(readonly signal: StopSignal) {
    super(`interrupted by ${signal}: the run was stopped and no output was written`);
    this.name = 'Interrupted';
    this.exitCode = exitCode(signal);
  }
}

/** Run `work` with an AbortSignal that SIGINT/SIGTERM abort; an interrupted run rejects with Interrupted. */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const onSignal = (s: StopSignal) => {
    if (received) process.exit(exitCode(received));
    received = s;
    controller.abort(new Interrupted(s));
    setTimeout(() => process.exit(exitCode(s)), STOP_GRACE_MS).unref();
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  // For tests (test/faults/interrupt.test.ts): say when a signal will be handled, so they signal then, not after a guessed wait.
  if (process.env.PENSIM_SIGNAL_READY === '1') process.stderr.write(`${SIGNAL_READY_LINE}\n`);
  try {
    return await work(controller.signal);
  } catch (e) {
    if (received) throw new Interrupted(received);
    throw e;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
