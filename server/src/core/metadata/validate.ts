import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { memoizeText } from '../incremental/memo';
import type { PostmortemModel } from '../model';
import type { Range } from '../timeline/types';
import { compileFrontmatterValidator } from '../validators';
import { FRONTMATTER_KEYS, FRONTMATTER_SCHEMA } from './schema';

export interface FrontmatterIssue {
  /** The key path, e.g. `severity` or `participants/0/role`. */
  path: string;
  /** The top-level key. */
  key: string;
  message: string;
  /** The offending value (or the key when the value has no range). */
  range: Range;
  /** ajv's keyword: type, enum, pattern, required, additionalProperties, … */
  keyword: string;
}

export interface FrontmatterKey {
  key: string;
  keyRange: Range;
  valueRange?: Range;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= compileFrontmatterValidator();
  return compiled;
}

/**
 * Checks the frontmatter against the schema: wrong types, values outside an enum or pattern, participants
 * without a name. Each issue carries the range of the value it concerns. Keys outside the schema are not
 * issues (see `frontmatterKeys` and `metadata/unknown-key`).
 */
export function validateFrontmatter(model: PostmortemModel): FrontmatterIssue[] {
  const fm = model.frontmatter;
  if (!fm || fm.error) return [];
  const validate = validator();
  if (validate(fm.data)) return [];
  const locate = locator(model);
  const issues: FrontmatterIssue[] = [];
  for (const error of collapse(validate.errors ?? [])) {
    const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
    if (error.keyword === 'additionalProperties') {
      segments.push(String((error.params as { additionalProperty: string }).additionalProperty));
    }
    if (segments.length === 0) continue;
    const path = segments.join('/');
    issues.push({
      path,
      key: segments[0],
      message: describe(error, segments),
      range: locate(segments),
      keyword: error.keyword,
    });
  }
  return issues;
}

/** anyOf failures come with one error per branch; keep one message per path. */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    const key = `${e.instancePath}|${e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : ''}`;
    const previous = byPath.get(key);
    // A missing key of an object says more than "wrong form"; otherwise the anyOf summary (it names every
    // accepted form) beats the errors of its branches.
    if (!previous || rank(e) > rank(previous)) byPath.set(key, e);
  }
  // A missing key deeper down ("`author.0` needs a `name`") already says what is wrong with the whole value.
  const kept = [...byPath.values()];
  return kept.filter(
    (e) =>
      e.keyword !== 'anyOf' ||
      !kept.some((d) => d.keyword === 'required' && d.instancePath.startsWith(`${e.instancePath}/`)),
  );
}

function rank(e: ErrorObject): number {
  return e.keyword === 'required' ? 3 : e.keyword === 'enum' ? 2 : e.keyword === 'anyOf' ? 1 : 0;
}

function describe(error: ErrorObject, segments: string[]): string {
  const schema = schemaAt(segments) as { description?: string; enum?: string[]; examples?: unknown[] } | undefined;
  const what = `\`${segments.join('.')}\``;
  switch (error.keyword) {
    case 'enum':
      return `${what} must be one of ${(schema?.enum ?? []).join(', ')}`;
    case 'anyOf':
    case 'pattern':
    case 'type':
      return `${what} has the wrong form${schema?.description ? `: ${lowerFirst(schema.description.replace(/\.$/, ''))}` : ''}`;
    case 'required':
      return `${what} needs a \`${(error.params as { missingProperty: string }).missingProperty}\``;
    case 'additionalProperties':
      return `${what} is not a key here (expected ${Object.keys(schemaAt(segments.slice(0, -1)) as object).join(', ')})`;
    case 'minLength':
    case 'minItems':
      return `${what} is empty`;
    default:
      return `${what} ${error.message ?? 'is not valid'}`;
  }
}

function schemaAt(segments: string[]): unknown {
  let node: unknown = FRONTMATTER_SCHEMA;
  for (const s of segments) {
    const n = node as { properties?: Record<string, unknown>; items?: { anyOf?: { properties?: unknown }[] } };
    if (n.properties && s in n.properties) node = n.properties[s];
    else if (n.items && /^\d+$/.test(s)) node = n.items;
    else if ((n as { anyOf?: { properties?: Record<string, unknown> }[] }).anyOf) {
      const branch = (n as { anyOf: { properties?: Record<string, unknown> }[] }).anyOf.find((b) => b.properties);
      node = branch?.properties?.[s] ?? branch?.properties;
    } else return undefined;
  }
  return node;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * The YAML document of a frontmatter block, kept for its text: every analysis after an edit of the body asks for
 * the same block (issue 11). Shared: read-only.
 */
const yamlDocument = memoizeText((block: string) => parseDocument(block), 16, 1_000_000);

/** Maps a key path to its range in the document: the YAML node's own range, or the TOML key's line. */
function locator(model: PostmortemModel): (segments: string[]) => Range {
  const fm = model.frontmatter;
  const fallback = { start: fm?.start ?? 0, end: fm?.end ?? 0 };
  if (!fm) return () => fallback;
  const block = model.text.slice(fm.contentStart, fm.end);
  if (fm.format === 'yaml') {
    const doc = yamlDocument(block);
    return (segments) => {
      let node: Node | null | undefined = doc.contents as Node;
      let last: Range | undefined;
      for (const s of segments) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === s);
          if (!pair) break;
          const keyNode = pair.key as Node;
          if (keyNode.range) last = { start: keyNode.range[0], end: keyNode.range[1] };
          node = pair.value as Node | null;
        } else if (isSeq(node)) {
          node = node.items[Number(s)] as Node | undefined;
        } else break;
        if (node?.range) last = { start: node.range[0], end: node.range[1] };
      }
      if (!last) return fallback;
      // A block value's range runs to the next key; point at its first line.
      const text = block.slice(last.start, last.end).trimEnd();
      const firstLine = text.split('\n')[0];
      return { start: fm.contentStart + last.start, end: fm.contentStart + last.start + (firstLine || text).length };
    };
  }
  return (segments) => {
    const m = new RegExp(`^["']?${segments[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*=\\s*(.*)$`, 'm').exec(
      block,
    );
    if (!m) return fallback;
    const start = fm.contentStart + (m.index ?? 0) + m[0].length - m[1].length;
    return { start, end: start + m[1].trimEnd().length };
  };
}

/** The top-level keys of the frontmatter with their ranges, in document order (YAML and TOML). */
export function frontmatterKeys(model: PostmortemModel): FrontmatterKey[] {
  const fm = model.frontmatter;
  if (!fm || fm.error) return [];
  const block = model.text.slice(fm.contentStart, fm.end);
  const out: FrontmatterKey[] = [];
  if (fm.format === 'yaml') {
    const doc = yamlDocument(block);
    if (!isMap(doc.contents)) return [];
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key: FrontmatterKey = {
        key: String(pair.key.value),
        keyRange: { start: fm.contentStart + pair.key.range[0], end: fm.contentStart + pair.key.range[1] },
      };
      const value = pair.value as Node | null;
      if (value?.range)
        key.valueRange = { start: fm.contentStart + value.range[0], end: fm.contentStart + value.range[1] };
      out.push(key);
    }
    return out;
  }
  let table = false;
  let offset = 0;
  for (const line of block.split('\n')) {
    if (/^\s*\[/.test(line)) table = true;
    const m = /^(["']?)([\w.-]+)\1\s*=/.exec(line);
    if (m && !table) {
      const start = fm.contentStart + offset + m[1].length;
      out.push({ key: m[2], keyRange: { start, end: start + m[2].length } });
    }
    offset += line.length + 1;
  }
  return out;
}

/** The known key a misspelt one most likely means ("severty" → "severity", "Detected" → "detected"). */
export function suggestKey(key: string): string | undefined {
  const lower = key
    .toLowerCase()
    .replace(/[-_ ]?(?:at|time|on)$/, '')
    .replace(/[-_ ]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of FRONTMATTER_KEYS) {
    if (known === key) return undefined;
    const d = known === lower ? 0 : distance(lower, known);
    const limit = known.length <= 4 ? 1 : 2;
    if (d <= limit && d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Damerau-Levenshtein distance with adjacent transpositions (restricted edit distance). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export { FRONTMATTER_KEYS };
