/** The timeline of a postmortem as the core reads it. Offsets are UTF-16 offsets into the analysed text. */

export const MILESTONE_KINDS = ['started', 'detected', 'mitigated', 'resolved'] as const;

/** started: impact began; detected: someone or something noticed; mitigated: impact ended; resolved: fixed for good. */
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MILESTONE_TITLES: Record<MilestoneKind, string> = {
  started: 'start of impact',
  detected: 'detection',
  mitigated: 'mitigation',
  resolved: 'resolution',
};

export interface Range {
  start: number;
  end: number;
}

/** One point in time on the timeline's axis. */
export interface TimelineInstant {
  /**
   * Milliseconds on one axis shared by every entry of the document: the real epoch time when the date and
   * zone are known; otherwise a stand-in day (2000-01-01 plus the midnights crossed), so that only differences
   * between instants mean something.
   */
  ms: number;
  /** The year, month and day are known (from the entry, its subsection, a statement, the frontmatter). */
  dateKnown: boolean;
  /** The timezone is known; without it the wall-clock time is read as if it were UTC. */
  zoneKnown: boolean;
  /** `2024-05-14T09:12:00+02:00` (date and zone known), `2024-05-14T09:12:00` (no zone); undefined without date. */
  iso?: string;
  /** Wall-clock time as written, normalised: `09:12`, or `09:12:05` with seconds; undefined for a date only. */
  clock?: string;
  /** `2024-05-14` when the date is known. */
  date?: string;
  /** Canonical zone name ("UTC", "UTC-8", "Europe/Berlin") when known. */
  zone?: string;
  /** Whether the time is known to the day only (a date without a time), to the minute, or to the second. */
  precision: 'day' | 'minute' | 'second';
}

export type EntryShape = 'list' | 'table' | 'paragraph' | 'heading' | 'code' | 'component';

/** Where an entry's date or timezone came from. */
export type ContextSource =
  | 'entry'
  | 'column'
  | 'heading'
  | 'subsection'
  | 'statement'
  | 'date-line'
  | 'frontmatter'
  | 'previous-entry'
  | 'next-entry';

export interface TimelineEntry {
  /** Position in the document's timeline, from 0. */
  index: number;
  shape: EntryShape;
  /** The whole entry: list item, table row, paragraph line. */
  range: Range;
  /** The time stamp as written, when the entry has one. */
  stamp?: Range & { text: string };
  /** The event in plain text (markup, the stamp and milestone markers removed). */
  text: string;
  /**
   * parsed: the time was read; unparseable: the entry has a stamp that cannot be read (`problem` says why);
   * untimed: the entry has no stamp at all (a note between entries).
   */
  status: 'parsed' | 'unparseable' | 'untimed';
  problem?: string;
  instant?: TimelineInstant;
  /** Where the date and the zone came from, when they did not come from the entry itself. */
  dateSource?: ContextSource;
  zoneSource?: ContextSource;
  /** The entry is read as the next day because its time is more than 12 hours before the previous one's. */
  crossedMidnight?: boolean;
  /** Milestones an explicit marker in the entry names (`<!-- milestone: detected -->`, `[milestone: detected]`). */
  markers: { kind: MilestoneKind; range: Range }[];
  /** The heading of the (sub)section the entry sits in. */
  section: string;
  /** Index of the timeline section (in document order) the entry belongs to. */
  group: number;
}

/** A milestone of the incident and how it was found. */
export interface Milestone {
  kind: MilestoneKind;
  /** frontmatter: a `started`/`detected`/`mitigated`/`resolved` key; marker: an explicit marker; inferred: wording. */
  source: 'frontmatter' | 'marker' | 'inferred';
  instant?: TimelineInstant;
  /** The entry that states it (marker, inferred), or the frontmatter value's range. */
  range: Range;
  entryIndex?: number;
  /** Why: the phrase that matched, or the frontmatter key or marker. Shown in the editor so a person can correct it. */
  why: string;
}

export interface TimelineSection {
  heading: string;
  /** The timeline heading's range. */
  range: Range;
  headingRange: Range;
  /** The timezone stated for this section (heading, statement, column), if any. */
  zone?: { name: string; written: string; source: ContextSource; range: Range };
  /** A statement such as "all times are local time": a zone word that names no offset. */
  localTime?: Range & { text: string };
}

export interface Timeline {
  /** Every section recognised as a timeline, in document order (subsections are part of their section). */
  sections: TimelineSection[];
  entries: TimelineEntry[];
  /** The zone stated in the frontmatter (`timezone: UTC`), if any. */
  frontmatterZone?: { name: string; range: Range };
}

export interface IncidentMetrics {
  started?: TimelineInstant;
  detected?: TimelineInstant;
  mitigated?: TimelineInstant;
  resolved?: TimelineInstant;
  /** Minutes from the start of impact to detection; null when either is unknown or known only to the day. */
  timeToDetectMinutes: number | null;
  /** Minutes from the start of impact to mitigation. */
  timeToMitigateMinutes: number | null;
  /** Minutes from the start of impact to resolution. */
  timeToResolveMinutes: number | null;
  /** Minutes of impact: from its start to mitigation (or to resolution when no mitigation is known). */
  durationMinutes: number | null;
}
