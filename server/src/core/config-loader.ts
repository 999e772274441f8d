import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { type ConfigFile, configSchema, defaultConfig, mergeConfig, type ResolvedConfig } from './config';
import type { AnyRule as Rule } from './rule';
import { userPatternError } from './user-pattern';

/** The file system the loader needs; the server and the CLI pass Node's, tests an in-memory one. */
export interface ConfigFs {
  /** The file's text, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  dirname(path: string): string;
  join(dir: string, name: string): string;
}

export const CONFIG_FILE_NAMES = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'] as const;

/** A config file that cannot be used; the message names the file, the key and, when known, the line. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${key ? `${key}: ` : ''}${reason}`);
    this.name = 'ConfigError';
  }
}

export class ConfigLoader {
  private readonly validate: ValidateFunction;
  private readonly cache = new Map<string, ResolvedConfig>();

  constructor(
    private readonly fs: ConfigFs,
    private readonly rules: readonly Rule[],
  ) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    // Config regexes run on RE2: one it cannot compile is refused here, naming the key.
    ajv.addFormat('re2', { type: 'string', validate: (s: string) => userPatternError(s) === undefined });
    this.validate = ajv.compile(configSchema(rules));
  }

  /** Forgets cached results (after a config file changed). */
  clear(): void {
    this.cache.clear();
  }

  /**
   * The config for a file: every config file from the file's folder up to the root (or up to one with
   * `root: true`), merged so that the nearer file wins. Throws ConfigError for an unusable file.
   */
  forFile(filePath: string): ResolvedConfig {
    return this.forDirectory(this.fs.dirname(filePath));
  }

  forDirectory(dir: string): ResolvedConfig {
    const cached = this.cache.get(dir);
    if (cached) return cached;
    const found: { path: string; config: ConfigFile }[] = [];
    let current = dir;
    for (;;) {
      const file = this.findIn(current);
      if (file) {
        found.unshift(file);
        if (file.config.root) break;
      }
      const parent = this.fs.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    let config = defaultConfig(this.rules);
    for (const { path, config: file } of found) config = mergeConfig(config, file, path);
    this.cache.set(dir, config);
    return config;
  }

  /** Loads one named config file (the CLI's --config). */
  loadFile(path: string): ResolvedConfig {
    const text = this.fs.readFile(path);
    if (text === undefined) throw new ConfigError(path, '', 'file not found');
    return mergeConfig(defaultConfig(this.rules), this.parse(path, text), path);
  }

  private findIn(dir: string): { path: string; config: ConfigFile } | undefined {
    for (const name of CONFIG_FILE_NAMES) {
      const path = this.fs.join(dir, name);
      const text = this.fs.readFile(path);
      if (text !== undefined) return { path, config: this.parse(path, text) };
    }
    return undefined;
  }

  /** Parses and validates one config file; every failure, whatever threw it, is a ConfigError naming the file. */
  parse(path: string, text: string): ConfigFile {
    try {
      return this.parseUnguarded(path, text);
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError(path, '', `cannot be read (${firstLine((e as Error)?.message ?? String(e))})`);
    }
  }

  private parseUnguarded(path: string, text: string): ConfigFile {
    if (typeof text !== 'string') throw new ConfigError(path, '', 'not a text file');
    const body = text.replace(/^\uFEFF/, '');
    const doc = parseDocument(body, { uniqueKeys: true });
    if (path.endsWith('.json')) {
      try {
        JSON.parse(body);
      } catch (e) {
        throw new ConfigError(path, '', `not valid JSON (${(e as Error).message})`);
      }
    }
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      throw new ConfigError(path, '', `not valid YAML (${firstLine(error.message)})`, error.linePos?.[0].line);
    }
    let data: unknown;
    try {
      // Aliases that expand without bound (a "billion laughs" file) are refused, not expanded.
      data = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (e) {
      throw new ConfigError(path, '', `not usable YAML (${firstLine((e as Error).message)})`);
    }
    if (!this.validate(data)) {
      const error = mostSpecific(this.validate.errors ?? []);
      const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
      const key = keyOf(error, segments);
      const node = nodeAt(doc.contents as Node | null, key.segments);
      const line = node?.range ? lineOf(body, node.range[0]) : undefined;
      throw new ConfigError(path, key.label, describe(error), line);
    }
    return data as ConfigFile;
  }
}

/**
 * The error to report: the one deepest in the file (for a rule set as an object, the option that is wrong,
 * not "must be a string" from the severity-only alternative of its oneOf).
 */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  let best = errors[0];
  for (const e of errors) if (depth(e) > depth(best)) best = e;
  return best;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The key an error is about: for an unknown key, that key itself. */
function keyOf(error: ErrorObject, segments: string[]): { label: string; segments: string[] } {
  const all =
    error.keyword === 'additionalProperties'
      ? [...segments, String((error.params as { additionalProperty: string }).additionalProperty)]
      : segments;
  const label = all.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || '(top level)';
  return { label, segments: all };
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'unknown key';
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return (error.params as { format: string }).format === 're2'
        ? 'not a regular expression the linter can run (RE2 syntax, which has no look-around or back-references)'
        : (error.message ?? 'invalid value');
    case 'oneOf':
      return 'must be a severity ("off", "info", "warning", "error") or an object with "severity" and the rule\'s options';
    default:
      return error.message ?? 'invalid value';
  }
}

function nodeAt(root: Node | null, segments: string[]): Node | undefined {
  let node: Node | null | undefined = root;
  for (const segment of segments) {
    if (isMap(node)) {
      const map: YAMLMap = node;
      const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) return map;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node)) {
      node = node.items[Number(segment)] as Node | undefined;
    } else {
      return node ?? undefined;
    }
  }
  return node ?? undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
