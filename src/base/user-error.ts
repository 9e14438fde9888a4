/**
 * An error the user caused (bad scenario, bad flag, bad file): it carries every problem with the
 * field it concerns, and the CLI prints it without a stack trace and exits 2.
 * Programming errors stay ordinary Errors and do show their stack.
 */
export interface Problem {
  /** Dotted field path, e.g. "person.salary" or "profile.correlation[1][0]"; "" for the whole input. */
  path: string;
  message: string;
}

export class UserError extends Error {
  readonly problems: readonly Problem[];
  readonly source: string | undefined;

  constructor(problems: readonly Problem[], source?: string) {
    super(formatProblems(problems, source));
    this.name = 'UserError';
    this.problems = problems;
    this.source = source;
  }
}

/** One paragraph per problem: "<source>: <field>: <what is wrong and what is allowed>". */
export function formatProblems(problems: readonly Problem[], source?: string): string {
  const head = source ? `${source}: ` : '';
  return problems.map((p) => `${head}${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
}

/** Render a zod-style path (["a", 0, "b"]) as "a[0].b". */
export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
