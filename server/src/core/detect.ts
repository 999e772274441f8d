import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';

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
 * Cheap: reads only the first lines, so other Markdown costs nothing.
 */
export function isPostmortem(
  path: string | undefined,
  text: string,
  globs: readonly string[] = DEFAULT_POSTMORTEM_GLOBS,
): boolean {
  if (path && matchesGlobs(path, globs)) return true;
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  const fm = /^(---|\+\+\+)\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/.exec(head);
  if (fm) {
    const type = /^type\s*[:=]\s*["']?([\w-]+)/im.exec(fm[2]);
    if (type && /^post-?mortem$/i.test(type[1])) return true;
    const title = /^title\s*[:=]\s*(.+)$/im.exec(fm[2]);
    if (title && TITLE_NAMES.test(unquote(title[1]))) return true;
  }
  const body = fm ? head.slice(fm[0].length) : head;
  const heading = /^(?:#[ \t]+(.+)|(.+)\r?\n=+[ \t]*$)/m.exec(body);
  return !!heading && TITLE_NAMES.test(heading[1] ?? heading[2] ?? '');
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
