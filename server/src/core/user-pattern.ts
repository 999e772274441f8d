import { RE2JS } from 're2js';

/**
 * Regular expressions from config files run on RE2 (re2js), whose matching time is linear in the input: a
 * pattern such as `(a+)+b` from a workspace's `.postmortemrc` cannot stall the linter, as it would with the
 * backtracking engine. RE2 has no look-around and no back-references; such patterns are refused at load.
 */
export interface UserPattern {
  test(text: string): boolean;
}

export function compileUserPattern(source: string): UserPattern {
  const re = RE2JS.compile(source);
  return { test: (text) => re.matcher(text).find() };
}

/** Why RE2 refuses a pattern, or undefined when it compiles. */
export function userPatternError(source: string): string | undefined {
  try {
    RE2JS.compile(source);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
