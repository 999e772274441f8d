import { getActionItems } from '../actions';
import { severityLevel, severityText } from '../metadata/severity';
import { type PostmortemModel, type Section, sectionsOfKind } from '../model';
import { getTimeline, plainText } from '../timeline';
import { categoriesOf, DEFAULT_TAXONOMY, inTaxonomy, type Taxonomy } from './categories';
import { declaredServices, normaliseService, servicesNamed } from './services';

/**
 * What the workspace index knows of one postmortem, read from the same model the rules see. Plain data (it
 * crosses to the analysis worker and back), no offsets: it describes a document that may not be open.
 */
export interface IncidentRecord {
  /** The document's identity: its path (CLI) or URI (server), as the caller gave it. */
  id: string;
  title: string;
  /** `2024-05-14`: the incident's date (frontmatter, the timeline's first dated entry, the title or file name). */
  date?: string;
  /** As written (`SEV1`, `P2`, `major`), and as a level from 0 (the worst). */
  severity?: string;
  severityLevel?: number;
  /** Normalised service and component names: declared in frontmatter first, then those the text names. */
  services: string[];
  /** The services the frontmatter declares (a subset of `services`): when both documents declare, these decide. */
  declaredServices: string[];
  /**
   * The organisation the frontmatter declares (`organisation` or `organization`), lower case: in a
   * collection of several organisations' postmortems, a service of one is not the same-named service of another.
   */
  organisation?: string;
  /** Contributing-factor categories of the cause (names of the taxonomy), strongest first. */
  categories: string[];
  /** Plain text of the parts a similar incident is found by (each shortened to MAX_FIELD characters). */
  summary: string;
  trigger: string;
  rootCause: string;
  impact: string;
  actions: { total: number; open: number; done: number; openTitles: string[] };
}

/** The digest of a record that the repeat-incident rule needs (no text): what the analysis worker receives. */
export type IncidentDigest = Omit<IncidentRecord, 'summary' | 'trigger' | 'rootCause' | 'impact'>;

const MAX_FIELD = 6000;
const MAX_OPEN_TITLES = 5;

function sectionText(model: PostmortemModel, sections: readonly Section[]): string {
  const parts: string[] = [];
  let length = 0;
  for (const s of sections) {
    const raw = model.text.slice(s.headingEnd, s.end);
    const plain = plainText(raw.slice(0, MAX_FIELD * 2));
    parts.push(plain);
    length += plain.length;
    if (length > MAX_FIELD) break;
  }
  return parts.join(' ').slice(0, MAX_FIELD);
}

function leadText(model: PostmortemModel): string {
  const first = model.lead[0]?.position?.start.offset;
  const last = model.lead.at(-1)?.position?.end.offset;
  return first === undefined || last === undefined ? '' : plainText(model.text.slice(first, last).slice(0, MAX_FIELD));
}

const ISO_DATE = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/;

/** The incident's date: frontmatter, else the title, else the file name, else the timeline's first dated entry. */
export function incidentDate(model: PostmortemModel, id: string): string | undefined {
  const data = model.frontmatter?.data ?? {};
  for (const key of ['date', 'started', 'detected', 'resolved']) {
    const value = data[key];
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    const m = typeof value === 'string' ? ISO_DATE.exec(value) : undefined;
    if (m) return m[0];
  }
  const fromTitle = ISO_DATE.exec(model.title?.text ?? '');
  if (fromTitle) return fromTitle[0];
  const name = id.split(/[\\/]/).at(-1) ?? id;
  const fromName = ISO_DATE.exec(name);
  if (fromName) return fromName[0];
  // The timeline's first dated entry may be background (when a bug was introduced): the file's date wins.
  for (const entry of getTimeline(model).entries) {
    if (entry.instant?.dateKnown && entry.instant.date) return entry.instant.date;
  }
  return undefined;
}

const ORGANISATION_KEYS = ['organisation', 'organization'];

/** The organisation the frontmatter declares, trimmed and in lower case. */
export function declaredOrganisation(data: Record<string, unknown> | undefined): string | undefined {
  for (const key of ORGANISATION_KEYS) {
    const value = data?.[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().toLowerCase().replace(/\s+/g, ' ');
  }
  return undefined;
}

/**
 * The record of one analysed postmortem. Its cause categories are those of `taxonomy` (the config's, from
 * `taxonomyOf(config)`; the default seven without one).
 */
export function incidentRecord(
  model: PostmortemModel,
  id: string,
  taxonomy: Taxonomy = DEFAULT_TAXONOMY,
): IncidentRecord {
  const of = (kind: Parameters<typeof sectionsOfKind>[1]) => sectionText(model, sectionsOfKind(model, kind));
  const title = model.title?.text || (id.split(/[\\/]/).at(-1) ?? id).replace(/\.(?:md|markdown|mdx)$/i, '');
  const data = model.frontmatter?.data;
  const summary = of('summary') || leadText(model) || (typeof data?.summary === 'string' ? data.summary : '');
  const trigger = of('trigger');
  const rootCause = of('root-cause') || of('what-went-wrong');
  const impact = of('impact') || (typeof data?.impact === 'string' ? data.impact : '');

  const declared = declaredServices(data);
  const named = servicesNamed(`${title} ${summary} ${trigger} ${rootCause}`);
  // Named in the text: those named more than once, or in the title (a passing mention is not what it is about).
  const titleNamed = servicesNamed(title);
  const fromText = [...named]
    .filter(([name, count]) => count > 1 || titleNamed.has(name))
    .sort((a, b) => b[1] - a[1])
    .map(([name]) => name);
  const services = [...new Set([...declared, ...fromText])].slice(0, 12);

  const causeText = `${trigger} ${rootCause}`.trim() || `${title} ${summary}`;
  const tags = Array.isArray(data?.categories) ? data.categories : [];
  const categories = [
    ...new Set([
      ...tags.map((t) => (typeof t === 'string' ? t.toLowerCase() : t)).filter((t) => inTaxonomy(t, taxonomy)),
      ...categoriesOf(causeText, taxonomy).map((h) => h.category),
    ]),
  ];

  const actions = getActionItems(model);
  const open = actions.filter((a) => a.status === 'open');
  const level = severityLevel(model);
  return {
    id,
    title,
    date: incidentDate(model, id),
    severity: severityText(model) ?? (level === undefined ? undefined : `SEV${level}`),
    severityLevel: level,
    services,
    declaredServices: declared,
    ...(declaredOrganisation(data) ? { organisation: declaredOrganisation(data) } : {}),
    categories,
    summary,
    trigger,
    rootCause,
    impact,
    actions: {
      total: actions.length,
      open: open.length,
      done: actions.length - open.length,
      openTitles: open.slice(0, MAX_OPEN_TITLES).map((a) => a.text.slice(0, 120)),
    },
  };
}

/** The digest the analysis worker receives (no text). */
export function digestOf(record: IncidentRecord): IncidentDigest {
  const { summary: _s, trigger: _t, rootCause: _r, impact: _i, ...digest } = record;
  return digest;
}

export { normaliseService };
