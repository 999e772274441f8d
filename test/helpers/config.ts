import { RULES } from '../../server/src/rules';

/**
 * A `.postmortemrc.json` that keeps only the rule families given (by default structure/ and input/), so that a
 * test about the CLI or a format does not change when content rules (blame/, timeline/, …) are added or tuned.
 */
export function onlyFamiliesRc(families: readonly string[] = ['structure', 'input']): string {
  return JSON.stringify({
    root: true,
    rules: Object.fromEntries(RULES.filter((r) => !families.includes(r.id.split('/')[0])).map((r) => [r.id, 'off'])),
  });
}

export const STRUCTURE_ONLY = onlyFamiliesRc();
