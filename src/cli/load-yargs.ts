/**
 * yargs, loaded with Intl.Segmenter deferred. string-width (under yargs' help layout) makes an
 * Intl.Segmenter as it is imported, and a process's first segmenter loads ICU's segmentation data:
 * ~10 ms of every start, though help is seldom printed. While yargs loads, Intl.Segmenter makes
 * segmenters that build the real one on first use; the real constructor is back before anything
 * else runs. (yargs/helpers imports the same modules, so it is loaded here too.)
 */
import type Yargs from 'yargs';
import type { hideBin as HideBin } from 'yargs/helpers';

type SegmenterArgs = ConstructorParameters<typeof Intl.Segmenter>;

/** Intl.Segmenter is writable at run time; its declaration says read-only. */
const setSegmenter = (s: unknown) => {
  (Intl as { Segmenter: unknown }).Segmenter = s;
};

export async function loadYargs(): Promise<{ yargs: typeof Yargs; hideBin: typeof HideBin }> {
  const Real = Intl.Segmenter;
  class DeferredSegmenter {
    readonly #args: SegmenterArgs;
    #real: Intl.Segmenter | undefined;
    constructor(...args: SegmenterArgs) {
      this.#args = args;
    }
    #segmenter(): Intl.Segmenter {
      return (this.#real ??= new Real(...this.#args));
    }
    segment(input: string): Intl.Segments {
      return this.#segmenter().segment(input);
    }
    resolvedOptions(): Intl.ResolvedSegmenterOptions {
      return this.#segmenter().resolvedOptions();
    }
  }
  setSegmenter(DeferredSegmenter);
  try {
    const [{ default: yargs }, { hideBin }] = await Promise.all([import('yargs'), import('yargs/helpers')]);
    return { yargs, hideBin };
  } finally {
    setSegmenter(Real);
  }
}
