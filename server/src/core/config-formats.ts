import { userPatternError } from './user-pattern';

/**
 * The config schema's own formats, for ajv. `re2`: config regexes run on RE2, so one it cannot compile is refused
 * when the config is read, naming the key. A module of its own, so that the validator ajv precompiles for the npm
 * package (scripts/build-package.mjs) requires the same code.
 */
export const CONFIG_FORMATS = {
  re2: { type: 'string' as const, validate: (s: string) => userPatternError(s) === undefined },
};
