import MiniSearch, { type SearchResult } from 'minisearch';
import { stem } from '../stem';
import { trimEndWhere, trimStartWhere } from '../text';
import { digestOf, type IncidentDigest, type IncidentRecord } from './record';

/**
 * The workspace index: every postmortem's record, searchable by what it says. Similar incidents are ranked by
 * BM25 (MiniSearch's BM25+, with field boosts: the root cause and the trigger count most, then the title, the
 * services and the summary, the impact least) over stemmed words without stop words, combined with exact matches
 * on the services and the contributing-factor categories the two documents share. Runs in Node and in a browser.
 */

/** Field weights of the text score. */
const BOOST: Record<TextField, number> = {
  rootCause: 3,
  trigger: 2.5,
  title: 2,
  services: 2,
  summary: 1.2,
  impact: 0.5,
};
type TextField = 'title' | 'summary' | 'trigger' | 'rootCause' | 'impact' | 'services';
const FIELDS: TextField[] = ['title', 'summary', 'trigger', 'rootCause', 'impact', 'services'];

/** Weights of the final score: text similarity, shared services, shared cause categories. */
const WEIGHTS = { text: 0.55, services: 0.3, categories: 0.15 };
/** Below this final score a document is not related. */
const MIN_SCORE = 0.12;
/** The share of its own text score a close neighbour reaches. */
const SELF_SHARE = 0.2;
/** The most distinct query words: a long root cause is summed up by its most frequent words. */
const MAX_QUERY_TERMS = 120;

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours
out over own same she should so some such than that the their theirs them then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your yours
were we've we're it's that's there's was wasn't weren't isn't aren't didn't don't doesn't can't couldn't won't
however also still already then thus therefore although though since via per etc e.g i.e one two three first
second new time times minutes minute hours hour day days utc pm am incident incidents postmortem issue issues
problem problems team users user`.split(/\s+/),
);

const stems = new Map<string, string>();
/** A word as the index keeps it: lower case, stop words dropped, stemmed (Porter2). */
export function indexTerm(term: string): string | null {
  const word = term.toLowerCase();
  if (word.length < 2 || word.length > 40 || STOP_WORDS.has(word) || /^\d+$/.test(word)) return null;
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = /^[a-z]+$/.test(word) ? stem(word) : word;
    if (stems.size > 100_000) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

const isDotOrDash = (c: string) => c === '.' || c === '-';

/** Splits on anything but letters, digits, dots and hyphens inside words (`crates.io`, `x509`, `read-only`). */
function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}.-]+/u).flatMap((t) => {
    const trimmed = trimStartWhere(trimEndWhere(t, isDotOrDash), isDotOrDash);
    if (!trimmed) return [];
    // A dotted name is kept whole and in parts: `crates.io` matches `crates.io` and `crates`.
    return trimmed.includes('.') || trimmed.includes('-') ? [trimmed, ...trimmed.split(/[.-]+/)] : [trimmed];
  });
}

interface Indexed extends Record<TextField, string> {
  id: string;
}

export interface RelatedIncident {
  id: string;
  title: string;
  date?: string;
  severity?: string;
  /** The final score, from 0 to 1. */
  score: number;
  /** The text similarity alone (BM25, relative to the query document's own score), from 0 to 1. */
  textScore: number;
  sharedServices: string[];
  sharedCategories: string[];
  /** Words the two documents share that weigh most in the text score, as the query document writes them. */
  sharedTerms: string[];
  /** Whether the incident happened before the query document's (both dates known). */
  earlier: boolean;
  openActions: number;
}

export interface RelatedOptions {
  /** How many to return (default 5). */
  limit?: number;
}

export class WorkspaceIndex {
  private readonly search: MiniSearch<Indexed>;
  private readonly records = new Map<string, IncidentRecord>();
  private digestCache?: { incidents: IncidentDigest[] };
  private serviceCounts?: Map<string, number>;

  constructor() {
    this.search = new MiniSearch<Indexed>({
      fields: FIELDS,
      storeFields: [],
      tokenize,
      processTerm: indexTerm,
      searchOptions: { boost: BOOST, combineWith: 'OR' },
    });
  }

  get size(): number {
    return this.records.size;
  }

  /** Adds a record, or replaces the record of the same id. */
  set(record: IncidentRecord): void {
    const previous = this.records.get(record.id);
    if (previous) this.search.discard(record.id);
    this.records.set(record.id, record);
    this.search.add({
      id: record.id,
      title: record.title,
      summary: record.summary,
      trigger: record.trigger,
      rootCause: record.rootCause,
      impact: record.impact,
      services: record.services.join(' '),
    });
    // An edit that changes only the wording keeps the digest: the analysis worker is not sent the workspace again.
    if (!previous || JSON.stringify(digestOf(previous)) !== JSON.stringify(digestOf(record))) {
      this.digestCache = undefined;
      this.serviceCounts = undefined;
    }
  }

  delete(id: string): void {
    if (!this.records.delete(id)) return;
    this.search.discard(id);
    this.digestCache = undefined;
    this.serviceCounts = undefined;
  }

  get(id: string): IncidentRecord | undefined {
    return this.records.get(id);
  }

  all(): IncidentRecord[] {
    return [...this.records.values()];
  }

  /**
   * What the analysis' `workspace` input holds: every record without its text. The same object until the index
   * changes, so that a host sends it to its worker once per change.
   */
  workspace(): { incidents: IncidentDigest[] } {
    this.digestCache ??= { incidents: this.all().map(digestOf) };
    return this.digestCache;
  }

  /** The postmortems most similar to `query` (a record of the index or not), best first; never `query` itself. */
  related(query: IncidentRecord, options: RelatedOptions = {}): RelatedIncident[] {
    const limit = options.limit ?? 5;
    const { terms, surface } = queryTerms(query);
    const results: SearchResult[] =
      terms.length > 0 ? this.search.search(terms.join(' '), { processTerm: (t) => t }) : [];
    // Relative to the query's own score (a document shares a fifth of its weighted words with a close neighbour
    // at best), or to the best hit when the query is not in the index.
    const self = results.find((r) => r.id === query.id)?.score;
    const norm = self !== undefined ? self * SELF_SHARE : (results[0]?.score ?? 1);
    const byId = new Map(results.map((r) => [r.id as string, r]));

    // Candidates: the text's hits, and every document sharing a service (an exact match counts even without words).
    const candidates = new Set<string>(results.slice(0, 200).map((r) => r.id as string));
    const services = new Set(query.services);
    if (services.size > 0) {
      for (const r of this.records.values()) if (r.services.some((s) => services.has(s))) candidates.add(r.id);
    }
    candidates.delete(query.id);

    const categories = new Set(query.categories);
    const out: RelatedIncident[] = [];
    for (const id of candidates) {
      const other = this.records.get(id);
      if (!other) continue;
      const hit = byId.get(id);
      const textScore = hit ? Math.min(1, hit.score / norm) : 0;
      const sharedServices = other.services.filter((s) => services.has(s));
      const sharedCategories = other.categories.filter((c) => categories.has(c));
      // A shared service weighs by its rarity: one every postmortem names (the platform) says little.
      const serviceScore = Math.min(
        1,
        sharedServices.reduce((sum, s) => sum + this.rarity(s), 0),
      );
      const categoryUnion = new Set([...query.categories, ...other.categories]).size;
      const categoryScore = categoryUnion === 0 ? 0 : sharedCategories.length / categoryUnion;
      const score =
        WEIGHTS.text * Math.sqrt(textScore) + WEIGHTS.services * serviceScore + WEIGHTS.categories * categoryScore;
      if (score < MIN_SCORE) continue;
      const sharedTerms = hit
        ? [...hit.terms]
            .sort((a, b) => termWeight(hit, b) - termWeight(hit, a))
            .slice(0, 5)
            .map((t) => surface.get(t) ?? t)
        : [];
      out.push({
        id,
        title: other.title,
        date: other.date,
        severity: other.severity,
        score: round(score),
        textScore: round(textScore),
        sharedServices,
        sharedCategories,
        sharedTerms,
        earlier: isEarlier(other, query),
        openActions: other.actions.open,
      });
    }
    out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return out.slice(0, limit);
  }

  /** How rare a service is in the index, from 0 (every document names it) to 1 (one or two do). */
  private rarity(service: string): number {
    this.serviceCounts ??= countServices(this.records.values());
    const n = this.records.size;
    const df = this.serviceCounts.get(service) ?? 1;
    if (n <= 2) return 1;
    return Math.max(0, Math.min(1, Math.log(n / df) / Math.log(n / 2)));
  }

  /**
   * Earlier postmortems with a similar cause: related, before `query`, sharing a cause category, and either a
   * service or cause words (text score at least 0.2). For the hover on the root-cause heading.
   */
  similarCauses(query: IncidentRecord): RelatedIncident[] {
    return this.related(query, { limit: 50 }).filter(
      (r) => r.earlier && r.sharedCategories.length > 0 && (r.sharedServices.length > 0 || r.textScore >= 0.2),
    );
  }
}

/** Whether `a` happened before `b`: both dates known and `a`'s earlier. */
export function isEarlier(a: { date?: string }, b: { date?: string }): boolean {
  return a.date !== undefined && b.date !== undefined && a.date < b.date;
}

function termWeight(hit: SearchResult, term: string): number {
  return hit.match[term]?.reduce((sum, field) => sum + (BOOST[field as TextField] ?? 1), 0) ?? 0;
}

function countServices(records: Iterable<IncidentRecord>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) for (const s of r.services) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The query's distinct index terms, most frequent first (title words before all), with a surface form each. */
function queryTerms(query: IncidentRecord): { terms: string[]; surface: Map<string, string> } {
  const counts = new Map<string, number>();
  const surface = new Map<string, string>();
  const add = (text: string, weight: number) => {
    for (const token of tokenize(text)) {
      const term = indexTerm(token);
      if (!term) continue;
      counts.set(term, (counts.get(term) ?? 0) + weight);
      if (!surface.has(term)) surface.set(term, token.toLowerCase());
    }
  };
  add(query.title, 3);
  add(query.services.join(' '), 3);
  add(query.rootCause, 2);
  add(query.trigger, 2);
  add(query.summary, 1);
  const terms = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_QUERY_TERMS)
    .map(([t]) => t);
  return { terms, surface };
}
