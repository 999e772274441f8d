// The New Postmortem command's pure parts: which templates there are, the file name, and the title filled into a
// template's snippet body. No vscode import, so test/unit/snippets.test.ts checks it in plain Node.

/** The whole-postmortem templates, by the prefix of their snippet in snippets/postmortem.code-snippets. */
export const TEMPLATES = [
  { id: 'default', prefix: 'postmortem', label: 'Default', detail: 'The six required sections and lessons learned' },
  { id: 'google-sre', prefix: 'postmortem-google-sre', label: 'Google SRE', detail: 'As in the Google SRE book' },
  { id: 'pagerduty', prefix: 'postmortem-pagerduty', label: 'PagerDuty', detail: "As in PagerDuty's postmortem guide" },
  {
    id: 'atlassian',
    prefix: 'postmortem-atlassian',
    label: 'Atlassian',
    detail: "As in Atlassian's incident handbook",
  },
] as const;

export type TemplateId = (typeof TEMPLATES)[number]['id'];

export function isTemplateId(value: unknown): value is TemplateId {
  return TEMPLATES.some((t) => t.id === value);
}

/** `Database outage: EU (primary)` → `database-outage-eu-primary`; never empty, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'postmortem';
}

/** The local date as YYYY-MM-DD: the same day the snippet's $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE gives. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `<date>-<slug>.md`, or `<date>-<slug>-2.md` and so on when `taken` says the name is in use. */
export function postmortemFileName(now: Date, title: string, taken: (name: string) => boolean): string {
  const base = `${localDate(now)}-${slugify(title)}`;
  let name = `${base}.md`;
  for (let n = 2; taken(name); n++) name = `${base}-${n}.md`;
  return name;
}

/**
 * Puts a known title into a template body: the frontmatter's `title: ${1:Incident title}` becomes a YAML scalar
 * and every mirror `$1` the title itself, so the first tab stop is the next one (the severity choice).
 */
export function fillTitle(body: string, title: string): string {
  const snippetText = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  const filled = body.replace(/\$\{1:[^}]*\}/g, snippetText(yamlScalar(title)));
  return filled.replace(/\$1(?!\d)|\$\{1\}/g, snippetText(title.replace(/\s+/g, ' ').trim()));
}

/** A title as a YAML plain scalar when that reads back the same, else double-quoted (JSON is valid YAML). */
export function yamlScalar(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  const plain = /^[A-Za-z0-9][^:#'"{}[\],&*!|>%@`]*$/.test(oneLine) && !/\s$/.test(oneLine);
  return plain && !/^(?:true|false|null|yes|no|on|off|~|[-+]?[\d.]+)$/i.test(oneLine)
    ? oneLine
    : JSON.stringify(oneLine);
}
