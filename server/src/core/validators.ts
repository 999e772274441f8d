import Ajv, { type ValidateFunction } from 'ajv';
import { configSchema } from './config';
import { FRONTMATTER_SCHEMA } from './metadata/schema';
import type { AnyRule as Rule } from './rule';

/**
 * The two JSON-schema validators (the config file's, the frontmatter's), compiled with ajv. One seam on
 * purpose: the npm package's build (scripts/build-package.mjs) puts ajv's precompiled ("standalone") code for
 * the same schemas in this module's place, so that a run does not spend its start compiling them.
 */
export function compileConfigValidator(rules: readonly Rule[]): ValidateFunction {
  return new Ajv({ allErrors: false, strict: false }).compile(configSchema(rules));
}

export function compileFrontmatterValidator(): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false }).compile(FRONTMATTER_SCHEMA);
}
