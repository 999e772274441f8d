import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { findTooComplex } from './complexity';
import { DEFAULT_MAX_FILE_SIZE } from './config';
import { createHeadingMatcher, type HeadingMatcher } from './headings';
import type { SectionKind } from './kinds';
import { buildModel, type PostmortemModel, withinTimeline } from './model';

export const DEFAULT_POSTMORTEM_GLOBS = [
  '**/postmortems/**',
  '**/post-mortems/**',
  '**/incidents/**',
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
];

/** A title that names the document a postmortem (singular: "Postmortems" is an index's title). */
const TITLE_NAMES = /\b(?:post[- ]?mortem|incident (?:review|report)|post[- ]incident review)\b/i;
/**
 * A title or description that names an incident: with two postmortem parts, the document is one. Words, not parts
 * of an identifier (`learning/repeat-incident`, a rule's name).
 */
const INCIDENT_NAMES =
  /(?<![\w/-])(?:incidents?|outages?|post[- ]?mortems?|post[- ]incident|downtime|degraded|degradation|disruption|service interruption|root cause analysis)(?![\w/-])/i;
/** Frontmatter keys that only a postmortem has: the incident's milestones and its commander. */
const INCIDENT_KEYS = /^(?:incident_commander|started|detected|mitigated|resolved)[ \t]*[:=]/m;

/** How a document's content is read: the heading matcher and the model of the rules (the service passes its own). */
export interface ContentReader {
  matcher: HeadingMatcher;
  /** The model the rules would see; undefined when the text cannot be analysed (too large, too complex). */
  model(text: string): PostmortemModel | undefined;
}

let defaultReader: ContentReader | undefined;

/** The default reader: the built-in headings, and a model for any text the input rules' defaults would take. */
function builtInReader(): ContentReader {
  if (!defaultReader) {
    const matcher = createHeadingMatcher();
    defaultReader = {
      matcher,
      model: (text) =>
        text.length > DEFAULT_MAX_FILE_SIZE || findTooComplex(text) ? undefined : buildModel(text, matcher),
    };
  }
  return defaultReader;
}

/**
 * Whether a Markdown document is a postmortem: its frontmatter says `type: postmortem`, its path matches one of
 * the globs, or its content makes it one (see `looksLikePostmortem`: its parts, its title, its frontmatter). An
 * index page in a postmortems folder (a README or index that links to postmortems and has none of a
 * postmortem's parts) is not one, whatever its path.
 */
export function isPostmortem(
  path: string | undefined,
  text: string,
  globs: readonly string[] = DEFAULT_POSTMORTEM_GLOBS,
  reader: ContentReader = builtInReader(),
): boolean {
  return isPostmortemByPath(path, text, globs) ?? looksLikePostmortem(text, reader);
}

/**
 * The decision that needs no reading of the content beyond its first lines: true for frontmatter
 * `type: postmortem` or a path matching the globs, false for an index page, undefined when the content decides.
 */
export function isPostmortemByPath(
  path: string | undefined,
  text: string,
  globs: readonly string[] = DEFAULT_POSTMORTEM_GLOBS,
): boolean | undefined {
  const fm = frontmatterOf(text);
  const type = fm ? /^type\s*[:=]\s*["']?([\w-]+)/im.exec(fm.body) : null;
  if (type && /^post-?mortem$/i.test(type[1])) return true;
  if (path && isIndexPage(path, text)) return false;
  if (path && matchesGlobs(path, globs)) return true;
  return undefined;
}

/** The groups of parts counted: a cause is one part whether it is called trigger or root cause, lessons too. */
const PART_GROUPS: readonly (readonly SectionKind[])[] = [
  ['timeline'],
  ['impact'],
  ['trigger', 'root-cause'],
  ['detection'],
  ['mitigation'],
  ['action-items'],
  ['lessons-learned', 'what-went-well', 'what-went-wrong', 'where-we-got-lucky'],
];
/** The parts whose heading marks a postmortem (a summary or links alone do not). */
const POSTMORTEM_PARTS: readonly SectionKind[] = PART_GROUPS.flat();

/**
 * Whether a document is a postmortem by its content, as the rules see it (the model's sections: headings and bold
 * labels, matched by the same heading matcher). One of:
 *
 * - three or more of the parts (timeline, impact, cause, detection, mitigation, follow-up actions, lessons),
 *   among them a timeline or a cause: a runbook has impact, detection and mitigation, but tells no story;
 * - two parts, and the title or the frontmatter's description names an incident or outage (or a severity is
 *   given): a blog post "Security incident disclosure" with "What was impacted" and "What we're doing about it";
 * - frontmatter with an incident's milestone (`started`, `detected`, `mitigated`, `resolved`) or
 *   `incident_commander`;
 * - a title that names a postmortem ("Postmortem: login errors", "Incident report"), unless the document is
 *   about something else: three or more headings that name no part, and at most one that does (a guide to writing
 *   postmortems, a project's README named after it).
 *
 * Cheap on ordinary Markdown: the model is built only when a line scan finds two headings or bold labels naming
 * parts, a title naming a postmortem, or an incident key in the frontmatter.
 */
export function looksLikePostmortem(text: string, reader: ContentReader = builtInReader()): boolean {
  const fm = frontmatterOf(text);
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  const titleNamed = namesPostmortem(fm, head);
  const incidentKey = !!fm && INCIDENT_KEYS.test(fm.body);
  if (!titleNamed && !incidentKey && partsByLines(text, reader.matcher) < 2) return false;
  const model = reader.model(text);
  // Too large or too complex to read: the title alone decides, as the input rules then report the file.
  if (!model) return titleNamed || incidentKey;
  if (incidentKey) return true;
  const sections = [...model.allSections, ...model.implicitSections];
  const found = PART_GROUPS.filter((group) => sections.some((s) => s.kinds.some((k) => group.includes(k))));
  const has = (kind: SectionKind) => found.some((group) => group.includes(kind));
  if (found.length >= 3 && (has('timeline') || has('root-cause'))) return true;
  if (found.length >= 2 && (namesIncident(model) || /^severity[ \t]*[:=]/m.test(fm?.body ?? ''))) return true;
  if (!titleNamed) return false;
  // The timeline's own subheadings ("### 14:05 Failover starts") are its entries, not headings about something else.
  const unnamed = model.allSections.filter(
    (s) => s.kinds.length === 0 && !(s.parent && withinTimeline(s.parent)),
  ).length;
  return !(unnamed >= 3 && found.length <= 1);
}

/** The frontmatter block at the start of a text (YAML or TOML), as written. */
function frontmatterOf(text: string): { body: string; length: number } | undefined {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  const fm = /^(---|\+\+\+)\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/.exec(head);
  return fm ? { body: fm[2], length: fm[0].length } : undefined;
}

/** Whether the frontmatter's title or the first heading names a postmortem. */
function namesPostmortem(fm: { body: string; length: number } | undefined, head: string): boolean {
  if (fm) {
    const title = /^title\s*[:=]\s*(.+)$/im.exec(fm.body);
    if (title && TITLE_NAMES.test(unquote(title[1]))) return true;
  }
  const body = fm ? head.slice(fm.length) : head;
  const heading = /^(?:#[ \t]+(.+)|(.+)\r?\n=+[ \t]*$)/m.exec(body);
  return !!heading && TITLE_NAMES.test(heading[1] ?? heading[2] ?? '');
}

/** Whether the title, or the frontmatter's title, description or summary, names an incident or a postmortem. */
function namesIncident(model: PostmortemModel): boolean {
  const data = model.frontmatter?.data ?? {};
  const texts = [model.title?.text, data.title, data.description, data.summary];
  return texts.some((t) => typeof t === 'string' && INCIDENT_NAMES.test(t));
}

/**
 * How many groups of parts the lines name that could be headings or bold labels (ATX and setext headings, lines
 * opening with bold text), code blocks included: never fewer than the model finds, so a text under two is no
 * postmortem by its parts without building the model.
 */
function partsByLines(text: string, matcher: HeadingMatcher): number {
  const found = new Set<readonly SectionKind[]>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && found.size < 2; i++) {
    const line = lines[i].replace(/\r$/, '');
    let candidate: string | undefined;
    const atx = /^[ \t]*#{1,6}(?=[ \t]|$)/.exec(line);
    if (atx) candidate = line.slice(atx[0].length);
    else if (/^[ \t]*(?:\*\*|__)/.test(line)) candidate = boldStart(line);
    else if (/^[ \t]*(?:=+|-+)[ \t\r]*$/.test(line) && i > 0) candidate = lines[i - 1];
    if (candidate === undefined) continue;
    // As the model reads a heading: without link targets and closing hashes.
    const words = candidate
      .slice(0, 200)
      .replace(/\]\([^()\]]*\)/g, ']')
      .replace(/[ \t]#+[ \t\r]*$/, '');
    const kinds = matcher.match(words);
    for (const group of PART_GROUPS) if (kinds.some((k) => group.includes(k))) found.add(group);
  }
  return found.size;
}

/** The bold text a line opens with (`**Root cause**: …` gives "Root cause"), or the line when it is not closed. */
function boldStart(line: string): string {
  const start = line.search(/\*\*|__/);
  const close = line.indexOf(line.slice(start, start + 2), start + 2);
  return line.slice(start + 2, close > 0 ? close : undefined);
}

const INDEX_NAMES = /(?:^|[\\/])(?:readme|index|_index|summary|contents|toc)\.(?:md|mdx|markdown)$/i;
let matcher: HeadingMatcher | undefined;

/**
 * A README or index page: named so, with at least two links to other documents, and no heading that names a
 * postmortem part.
 */
export function isIndexPage(path: string, text: string): boolean {
  if (!INDEX_NAMES.test(path)) return false;
  const head = text.slice(0, 65536);
  const inline = head.match(/\]\((?!#)/g)?.length ?? 0;
  const definitions = head.split('\n').filter((line) => line.startsWith('[') && line.includes(']:')).length;
  if (inline + definitions < 2) return false;
  matcher ??= createHeadingMatcher();
  let fence: string | undefined;
  for (const line of head.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const atx = /^ {0,3}#{1,6}[ \t]/.exec(line);
    if (!atx) continue;
    let end = line.length;
    while (end > atx[0].length && ' \t#\r'.includes(line[end - 1])) end--;
    const heading = line.slice(atx[0].length, end);
    if (matcher.match(heading).some((k) => POSTMORTEM_PARTS.includes(k))) return false;
  }
  return true;
}

function unquote(value: string): string {
  try {
    const parsed = parseYaml(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value;
  }
}

const compiled = new Map<string, (path: string) => boolean>();

export function matchesGlobs(path: string, globs: readonly string[]): boolean {
  const normalised = path.replace(/\\/g, '/');
  return globs.some((glob) => {
    let isMatch = compiled.get(glob);
    if (!isMatch) {
      isMatch = picomatch(glob, { dot: true, nocase: true });
      compiled.set(glob, isMatch);
    }
    return isMatch(normalised);
  });
}
