import { RE2JS } from 're2js';

/**
 * Regular expressions from config files run on RE2 (re2js), whose matching time is linear in the input: a
 * pattern such as `(a+)+b` from a workspace's `.postmortemrc` cannot stall the linter, as it would with the
 * backtracking engine. RE2 has no look-around and no back-references; such patterns are refused at load.
 */
export interface UserPattern {
  test(text: string): boolean;
  /** The texts of the first `limit` non-empty matches, left to right, not overlapping. */
  matches(text: string, limit: number): string[];
}

export function compileUserPattern(source: string, options: { caseInsensitive?: boolean } = {}): UserPattern {
  const re = RE2JS.compile(source, options.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  return {
    test: (text) => re.matcher(text).find(),
    matches(text, limit) {
      const out: string[] = [];
      const m = re.matcher(text);
      // The matcher moves past an empty match by itself; empty matches are not counted.
      while (out.length < limit && m.find()) {
        const found = m.group();
        if (found) out.push(found);
      }
      return out;
    },
  };
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
