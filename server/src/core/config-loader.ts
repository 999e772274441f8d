import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { type ConfigFile, defaultConfig, mergeConfig, type ResolvedConfig } from './config';
import { resolveExtends } from './config-extends';
import type { AnyRule as Rule } from './rule';
import { compileConfigValidator } from './validators';

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
  private compiled?: ValidateFunction;
  private readonly cache = new Map<string, ResolvedConfig>();

  constructor(
    private readonly fs: ConfigFs,
    private readonly rules: readonly Rule[],
  ) {}

  /**
   * The schema's validator (see validators.ts), made on first use: a run that finds no config file never pays for
   * it. Config regexes run on RE2: one it cannot compile is refused by the `re2` format, naming the key.
   */
  private get validate(): ValidateFunction {
    this.compiled ??= compileConfigValidator(this.rules);
    return this.compiled;
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
        found.unshift(...this.withExtends(file));
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
    return this.mergeAll(this.withExtends({ path, config: this.parse(path, text) }));
  }

  /**
   * A config given as data (the API's `config`), validated like a file; `source` names it in errors and `dir`
   * is the folder its `extends` and `ignores` are relative to.
   */
  loadObject(data: ConfigFile, source: string, dir: string): ResolvedConfig {
    if (!this.validate(data)) {
      const error = (this.validate.errors ?? [])[0] as ErrorObject;
      const key = keyOf(error, error.instancePath.split('/').slice(1).map(unescapePointer));
      throw new ConfigError(source, key.label, describe(error));
    }
    return this.mergeAll(this.withExtends({ path: this.fs.join(dir, source), config: data }));
  }

  private mergeAll(files: readonly { path: string; config: ConfigFile }[]): ResolvedConfig {
    let config = defaultConfig(this.rules);
    for (const { path, config: file } of files) config = mergeConfig(config, file, path);
    return config;
  }

  /** A config file preceded by what it extends (depth first, in order), so that merging lets the file win. */
  private withExtends(
    file: { path: string; config: ConfigFile },
    chain: readonly string[] = [],
  ): { path: string; config: ConfigFile }[] {
    const specs = file.config.extends === undefined ? [] : [file.config.extends].flat();
    const out: { path: string; config: ConfigFile }[] = [];
    for (const spec of specs) {
      const path = resolveExtends(this.fs, this.fs.dirname(file.path), spec, CONFIG_FILE_NAMES);
      if (!path) throw new ConfigError(file.path, 'extends', `cannot find "${spec}" (a path or an installed package)`);
      if (path === file.path || chain.includes(path)) {
        throw new ConfigError(file.path, 'extends', `"${spec}" extends itself in a cycle`);
      }
      const text = this.fs.readFile(path) ?? '';
      out.push(...this.withExtends({ path, config: this.parse(path, text) }, [...chain, file.path]));
    }
    out.push(file);
    return out;
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
