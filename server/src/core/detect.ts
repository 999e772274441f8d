import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { createHeadingMatcher, type HeadingMatcher } from './headings';
import { SECTION_KINDS, type SectionKind } from './kinds';

export const DEFAULT_POSTMORTEM_GLOBS = [
  '**/postmortems/**',
  '**/post-mortems/**',
  '**/incidents/**',
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
];

const TITLE_NAMES = /\b(?:post[- ]?mortem|incident (?:review|report)|post[- ]incident review)\b/i;

/**
 * Whether a Markdown document is a postmortem: its path matches one of the globs, its frontmatter says
 * `type: postmortem`, or its title names a postmortem, post-mortem, incident review or incident report.
 * An index page in a postmortems folder (a README or index that links to postmortems and has none of a
 * postmortem's parts) is not one, whatever its path. Cheap: reads only the first lines (an index page's
 * headings), so other Markdown costs nothing.
 */
export function isPostmortem(
  path: string | undefined,
  text: string,
  globs: readonly string[] = DEFAULT_POSTMORTEM_GLOBS,
): boolean {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  const fm = /^(---|\+\+\+)\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/.exec(head);
  const type = fm ? /^type\s*[:=]\s*["']?([\w-]+)/im.exec(fm[2]) : null;
  if (type && /^post-?mortem$/i.test(type[1])) return true;
  if (path && isIndexPage(path, text)) return false;
  if (path && matchesGlobs(path, globs)) return true;
  if (fm) {
    const title = /^title\s*[:=]\s*(.+)$/im.exec(fm[2]);
    if (title && TITLE_NAMES.test(unquote(title[1]))) return true;
  }
  const body = fm ? head.slice(fm[0].length) : head;
  const heading = /^(?:#[ \t]+(.+)|(.+)\r?\n=+[ \t]*$)/m.exec(body);
  return !!heading && TITLE_NAMES.test(heading[1] ?? heading[2] ?? '');
}

const INDEX_NAMES = /(?:^|[\\/])(?:readme|index|_index|summary|contents|toc)\.(?:md|mdx|markdown)$/i;
/** The parts whose heading marks a postmortem (a summary or links alone do not). */
const POSTMORTEM_PARTS: readonly SectionKind[] = SECTION_KINDS.filter(
  (k) => k !== 'summary' && k !== 'supporting-information',
);
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
