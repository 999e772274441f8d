import Ajv, { type ValidateFunction } from 'ajv';
import { configSchema } from './config';
import { CONFIG_FORMATS } from './config-formats';
import { FRONTMATTER_SCHEMA } from './metadata/schema';
import type { AnyRule as Rule } from './rule';

/**
 * The JSON-schema validators, compiled with ajv. A seam on purpose: the npm package's build
 * (scripts/build-package.mjs) puts ajv's precompiled ("standalone") code for the same schemas in this module's
 * place, so that a run does not spend its start loading ajv's compiler and compiling them.
 */

/** The frontmatter's validator (every error, for one finding each). */
export function compileFrontmatterValidator(): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false }).compile(FRONTMATTER_SCHEMA);
}

/** The config file's validator for this rule set (the first error, which names the key). */
export function compileConfigValidator(rules: readonly Rule[]): ValidateFunction {
  const ajv = new Ajv({ allErrors: false, strict: false });
  for (const [name, format] of Object.entries(CONFIG_FORMATS)) ajv.addFormat(name, format);
  return ajv.compile(configSchema(rules));
}
