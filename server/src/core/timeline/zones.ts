import { FixedOffsetZone, IANAZone, type Zone } from '../luxon';

/**
 * Timezones as people write them in timelines: abbreviations (UTC, CET, PST, AEST), names ("Pacific time",
 * "Central European Time"), IANA names (Europe/Copenhagen) and offsets (+02:00, UTC+2, GMT-5).
 *
 * Abbreviations name one offset (PST is UTC-8 even in July); the generic names (PT, "Pacific time") name a
 * region, whose offset luxon takes from the tz database for the entry's date. luxon does the arithmetic; this
 * file only maps the words.
 */

export interface ZoneRef {
  /** The zone as written ("PST", "+02:00", "Europe/Berlin"). */
  written: string;
  /** The luxon zone it means. */
  zone: Zone;
  /** A canonical name for display: "UTC", "UTC-8", "Europe/Berlin". */
  name: string;
}

/** Fixed-offset abbreviations, in minutes east of UTC. Ambiguous ones take their most common meaning in ops. */
const ABBREVIATIONS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  UT: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  IST: 330,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  GST: 240,
  PKT: 300,
  ICT: 420,
  WIB: 420,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  KST: 540,
  JST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  HST: -600,
  AKST: -540,
  AKDT: -480,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  BRT: -180,
  ART: -180,
};

/** Generic names that follow daylight saving time: a region, not an offset. */
const REGIONS: Record<string, string> = {
  PT: 'America/Los_Angeles',
  MT: 'America/Denver',
  CT: 'America/Chicago',
  ET: 'America/New_York',
  pacific: 'America/Los_Angeles',
  eastern: 'America/New_York',
  'pacific time': 'America/Los_Angeles',
  'pacific standard time': 'America/Los_Angeles',
  'pacific daylight time': 'America/Los_Angeles',
  'mountain time': 'America/Denver',
  'central time': 'America/Chicago',
  'eastern time': 'America/New_York',
  'eastern standard time': 'America/New_York',
  'eastern daylight time': 'America/New_York',
  'central european time': 'Europe/Paris',
  'central european summer time': 'Europe/Paris',
  'british summer time': 'Europe/London',
  'uk time': 'Europe/London',
  'australian eastern time': 'Australia/Sydney',
  'australian eastern standard time': 'Australia/Sydney',
  'japan standard time': 'Asia/Tokyo',
  'india standard time': 'Asia/Kolkata',
};

const FULL_NAMES: Record<string, string> = {
  'coordinated universal time': 'UTC',
  'universal time': 'UTC',
  'greenwich mean time': 'GMT',
  zulu: 'UTC',
};

/** Words that sound like a timezone but say nothing about the offset. */
export const NOT_A_TIMEZONE =
  /\b(?:local(?:\s+time)?|server\s+time|our\s+time|office\s+(?:hours|time)|wall[-\s]clock)\b/i;

const OFFSET = /^(?:(?:UTC|GMT)\s*)?([+-−])(\d{1,2})(?::?(\d{2}))?$/i;

/** Reads one timezone token or phrase; undefined when it is none. */
export function parseZone(written: string): ZoneRef | undefined {
  const raw = written.trim().replace(/^\(|\)$/g, '');
  if (raw === '') return undefined;
  const upper = raw.toUpperCase();
  if (upper in ABBREVIATIONS) return fixed(raw, ABBREVIATIONS[upper]);
  if (raw.length <= 3 && upper in REGIONS) return region(raw, REGIONS[upper]);
  if (/^(?:Eastern|Pacific)$/.test(raw)) return region(raw, REGIONS[raw.toLowerCase()]);
  const lower = raw.toLowerCase().replace(/\s+/g, ' ');
  if (lower in FULL_NAMES) return fixed(raw, ABBREVIATIONS[FULL_NAMES[lower]]);
  if (lower in REGIONS) return region(raw, REGIONS[lower]);
  const offset = OFFSET.exec(raw);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 14 || minutes > 59) return undefined;
    const sign = offset[1] === '+' ? 1 : -1;
    return fixed(raw, sign * (hours * 60 + minutes));
  }
  if (/^[A-Za-z]+(?:\/[A-Za-z_+-]+)+$/.test(raw) && IANAZone.isValidZone(raw)) {
    return { written: raw, zone: IANAZone.create(raw), name: raw };
  }
  return undefined;
}

function fixed(written: string, minutes: number): ZoneRef {
  const zone = FixedOffsetZone.instance(minutes);
  return { written, zone, name: minutes === 0 ? 'UTC' : zone.name };
}

function region(written: string, iana: string): ZoneRef {
  return { written, zone: IANAZone.create(iana), name: iana };
}

/** Alternation of every zone word, longest first, for building the stamp and statement patterns. */
export const ZONE_PATTERN = (() => {
  const words = [
    ...Object.keys(ABBREVIATIONS).filter((a) => a !== 'Z' && a !== 'UT'),
    ...Object.keys(REGIONS).filter((r) => r.length <= 3 || !r.includes(' ')),
  ].sort((a, b) => b.length - a.length);
  const names = [...Object.keys(REGIONS), ...Object.keys(FULL_NAMES)]
    .filter((n) => n.includes(' ') || n === 'zulu')
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/ /g, '\\s+'));
  const iana = '[A-Z][a-z]+(?:/[A-Z][A-Za-z_+-]+)+';
  const offset = '(?:UTC|GMT)\\s*[+\\-−]\\s*\\d{1,2}(?::?\\d{2})?|[+\\-−]\\d{2}:?\\d{2}';
  return `(?:${offset}|${iana}|(?:${names.join('|')})|\\b(?:${words.join('|')})\\b)`;
})();

const STATEMENT = new RegExp(ZONE_PATTERN, 'i');

/**
 * Finds a timezone stated in a phrase such as "All times in CET", "Date/Time (UTC)", "times are in Pacific time".
 * Returns the zone and where it sits in the phrase.
 */
export function findZoneIn(text: string): { ref: ZoneRef; index: number; length: number } | undefined {
  const re = new RegExp(ZONE_PATTERN, 'gi');
  // Emphasis and code marks glue to words ("_UTC_"); blank them out without moving offsets.
  for (const m of text.replace(/[*_`]/g, ' ').matchAll(re)) {
    // Lowercase abbreviations in prose ("est." "cat") are not zones; only names and offsets may be lowercase.
    const word = m[0];
    if (/^[a-z]{2,4}$/.test(word)) continue;
    const ref = parseZone(word);
    if (ref) return { ref, index: m.index ?? 0, length: word.length };
  }
  return undefined;
}

/** True when a phrase mentions a zone at all (cheap pre-check). */
export function mentionsZone(text: string): boolean {
  return STATEMENT.test(text);
}
