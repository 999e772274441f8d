import Ajv, { type ValidateFunction } from 'ajv';
import { FRONTMATTER_SCHEMA } from './metadata/schema';

/**
 * The frontmatter's JSON-schema validator, compiled with ajv. A seam on purpose: the npm package's build
 * (scripts/build-package.mjs) puts ajv's precompiled ("standalone") code for the same schema in this module's
 * place, so that a run does not spend its start compiling it. (The config's validator, with its RE2 format, is
 * compiled by the config loader when a config file is first read.)
 */
export function compileFrontmatterValidator(): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false }).compile(FRONTMATTER_SCHEMA);
}
