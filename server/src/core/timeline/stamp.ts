import { memoizeText } from '../incremental/memo';
import { DateTime } from '../luxon';
import { parseZone, ZONE_PATTERN, type ZoneRef } from './zones';

/**
 * The time stamp at the head of a timeline entry, read from the raw Markdown (emphasis, brackets and code
 * marks around it are looked through): "09:12", "[08:47]", "**2019-10-20 00:55**", "2:54 PM PST",
 * "13:14 EDT (17:14 UTC)", "Feb 28th **01:52**", "18:30, Nov 27, 2025", "2024-05-14T09:12:00+02:00",
 * "[03-26 23:04]". luxon validates every date (no 30 February) and reads ISO 8601.
 */

export interface DateParts {
  /** Undefined when the stamp names no year ("Feb 28th"); the timeline's context supplies it. */
  year?: number;
  month: number;
  day: number;
}

export interface ClockParts {
  hour: number;
  minute: number;
  second?: number;
}

export interface Stamp {
  /** Offsets into the input of the stamp's own text (markup around it excluded). */
  start: number;
  end: number;
  /** Where the entry's text begins: after the stamp, its closing markup and a separator (":", "-", "–", "|"). */
  textStart: number;
  date?: DateParts;
  clock?: ClockParts;
  zone?: ZoneRef;
  /** Set when the head looks like a time but cannot be read ("22:XX", "[???]", "20202-01-16", "25:10"). */
  problem?: string;
  /** The clock is a compact 24-hour time ("1506 UTC", "0915Z", "1506 hrs", "Feb 7 1506"). */
  compact?: boolean;
}

export interface StampOptions {
  /**
   * The entry sits among compact times ("1506 UTC: …" above it): a bare "1512: …" or "Feb 7 2024 - …" is a time
   * of day too, not a number or a year.
   */
  compact?: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ORD = '(?:st|nd|rd|th)?';
/** Markup a stamp may sit in: emphasis, code marks, brackets. */
const MARKUP = /[*_`[(\s]*/y;
const CLOSE = /[*_`\])]*/y;
const SEPARATOR = /\s*(?:[:|]|[-–—]+(?=\s)|,(?=\s))?\s*/y;

type Reader = (
  text: string,
  at: number,
) => { end: number; date?: DateParts; clock?: ClockParts; zone?: ZoneRef; problem?: string } | undefined;

function sticky(source: string): RegExp {
  return new RegExp(source, 'iy');
}

const ISO_DATETIME = sticky(
  '(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(Z|[+-]\\d{2}(?::?\\d{2})?)(?![\\w]|:\\d)',
);
const NUMERIC_DATE = sticky('(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d])');
/** "14.05.2024", "14/05/2024", "14-05-2024": day and month in either order (the same separator twice). */
const DAY_MONTH_YEAR = sticky('(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})(?!\\d)');
// A year may be followed by a colon ("Feb 7, 2024: deploy") but not by a clock's minutes ("Feb 7 2024:10").
const MONTH_DAY = sticky(`${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORD}(?:,?\\s+(\\d{4})(?!\\d|:\\d)|(?![\\d:]))`);
const DAY_MONTH = sticky(`${WEEKDAY}(\\d{1,2})${ORD}\\s+${MONTH}(?:,?\\s+(\\d{4})(?!\\d|:\\d)|(?![\\d:]))`);
/** "[03-26 23:04]": a month-day pair, only when a clock time follows. */
const SHORT_DATE = sticky('(\\d{1,2})[-/](\\d{1,2})(?=\\s+\\d{1,2}:\\d{2})');
const CLOCK = sticky('(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(?:\\s*([ap])\\.?\\s?m\\.?)?(?![\\w]|:\\d)');
const HOUR_AMPM = sticky('(\\d{1,2})\\s*([ap])\\.?m\\.?(?![\\w])');
const MILITARY = sticky(`(\\d{2})(\\d{2})(?=\\s*(?:Z\\b|${ZONE_PATTERN}))`);
/** "1506 hrs", "1506h": the military way of saying a time of day. */
const MILITARY_HOURS = sticky('([01]\\d|2[0-3])([0-5]\\d)\\s?(?:hrs?|h)(?![\\w])');
/** A bare "1512" among compact times: only at the end of the head, before a separator or the end of the cell. */
const BARE_HHMM = sticky('([01]\\d|2[0-3])([0-5]\\d)(?=[*_`\\])]*\\s*(?:[:|,–—-]|$))');
/** What makes "1506" after a month and day a time of day: a zone, "Z" or "hrs" after it. */
const COMPACT_MARK = sticky(`\\s*(?:Z\\b|(?:${ZONE_PATTERN})(?![\\w])|hrs?(?![\\w])|h(?![\\w]))`);
/** A clock after the year ("Feb 7 2024 15:06", "Feb 7 2024 1506 UTC"): the four digits are the year. */
const CLOCK_NEXT = sticky('\\s*(?:(?:T|,|\\bat\\b|@|[-–])\\s*)?\\d{1,2}:\\d{2}');
const ZONE_AFTER = sticky(`\\s*\\(?(Z\\b|${ZONE_PATTERN})\\)?`);
const DATE_TIME_GLUE = sticky('[*_`]*(?:\\s*(?:T|,|\\bat\\b|@)\\s*|\\s+[-–]\\s+|\\s*)[*_`[]*');
/** Words before a stamp that qualify it: "Between 2023-07-10 and …", "~09:10", "around 14:00". */
const QUALIFIER = sticky('(?:between|from|since|around|about|approx\\.?|approximately|circa|ca\\.|~|≈)\\s*');
/** "2021-08-27: At 12:50:07 UTC, …": the time of a dated entry, said in its first words. */
const AT_CLOCK = sticky('\\s*at\\s+(?=\\d{1,2}(?::\\d{2}|\\s*[ap]\\.?m))');
/** A parenthesised second reading of the same moment: "13:14 EDT (17:14 UTC)". */
const ALSO = sticky(`\\s*\\(\\s*\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:${ZONE_PATTERN})?\\s*\\)`);

/** Heads that try to be a time and fail: placeholders and impossible values. */
const PLACEHOLDER = sticky(
  '(?:\\d{1,2}:(?:[xX?]{2}|--)|[xX?-]{2}:[xX?\\d-]{2}|\\?{2,}|[hH]{2}:[mM]{2}|\\d{4}-(?:MM|XX|\\?\\?)-(?:DD|XX|\\?\\?|\\d{2})|\\d{4}-\\d{2}-(?:DD|XX|\\?\\?)|YYYY-[\\w?]{2}-[\\w?]{2}|TBD|unknown)(?![\\w])',
);
const LONG_YEAR = sticky('\\d{5,}-\\d{1,2}-\\d{1,2}');

function toDate(year: number | undefined, month: number, day: number): DateParts | string {
  const probe = DateTime.fromObject({ year: year ?? 2000, month, day }, { zone: 'utc' });
  if (!probe.isValid) return `${year ?? ''}${year ? '-' : ''}${pad(month)}-${pad(day)} is not a date`;
  return { year, month, day };
}

function toClock(hour: number, minute: number, second?: number, meridiem?: string): ClockParts | string {
  let h = hour;
  if (meridiem) {
    if (h < 1 || h > 12) return `${hour} is not an hour on a 12-hour clock`;
    const pm = meridiem.toLowerCase() === 'p';
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || minute > 59 || (second ?? 0) > 59) {
    return `${pad(hour)}:${pad(minute)}${second !== undefined ? `:${pad(second)}` : ''} is not a time of day`;
  }
  return second === undefined ? { hour: h, minute } : { hour: h, minute, second };
}

const readIso: Reader = (text, at) => {
  ISO_DATETIME.lastIndex = at;
  const m = ISO_DATETIME.exec(text);
  if (!m) return undefined;
  const parsed = DateTime.fromISO(m[0].replace(' ', 'T'), { setZone: true });
  if (!parsed.isValid) return { end: ISO_DATETIME.lastIndex, problem: `${m[0]} is not a valid ISO 8601 time` };
  const zone = parseZone(m[7] === 'Z' ? 'UTC' : m[7]);
  return {
    end: ISO_DATETIME.lastIndex,
    date: { year: parsed.year, month: parsed.month, day: parsed.day },
    clock:
      m[6] !== undefined
        ? { hour: parsed.hour, minute: parsed.minute, second: parsed.second }
        : { hour: parsed.hour, minute: parsed.minute },
    zone,
  };
};

/**
 * Whether the four digits after a month and day ("Feb 7 1506") are a time of day rather than a year: a valid
 * 24-hour time with a zone, "Z" or "hrs" after it, or no year an incident can have (before 1970, after 2099),
 * or any valid time among compact times; never when a clock follows ("Feb 7 2024 15:06").
 */
function yearIsClock(text: string, digits: string, end: number, compact: boolean): boolean {
  const hour = Number(digits.slice(0, 2));
  const minute = Number(digits.slice(2));
  if (hour > 23 || minute > 59) return false;
  CLOCK_NEXT.lastIndex = end;
  if (CLOCK_NEXT.test(text)) return false;
  MILITARY.lastIndex = end + (/^\s*/.exec(text.slice(end, end + 20))?.[0].length ?? 0);
  if (MILITARY.test(text)) return false;
  COMPACT_MARK.lastIndex = end;
  const year = Number(digits);
  return compact || COMPACT_MARK.test(text) || year < 1970 || year > 2099;
}

/** Where the date ends before the ", 1506" a month-day match ends with (at `end`). */
function beforeYear(text: string, at: number, end: number): number {
  let e = end - 4;
  while (e > at && /\s/.test(text[e - 1])) e--;
  return text[e - 1] === ',' ? e - 1 : e;
}

function readDate(
  text: string,
  at: number,
  clockFollows: boolean,
  compact = false,
): { end: number; date?: DateParts; problem?: string; yearWasClock?: boolean } | undefined {
  LONG_YEAR.lastIndex = at;
  const long = LONG_YEAR.exec(text);
  if (long)
    return { end: LONG_YEAR.lastIndex, problem: `${long[0]} has a year of ${long[0].split('-')[0].length} digits` };
  const attempts: [RegExp, (m: RegExpExecArray) => DateParts | string][] = [
    [NUMERIC_DATE, (m) => toDate(Number(m[1]), Number(m[2]), Number(m[3]))],
    [
      DAY_MONTH_YEAR,
      (m) => {
        // 14/05/2024 and 05/14/2024: a first number over 12 can only be a day.
        const a = Number(m[1]);
        const b = Number(m[3]);
        return b > 12 && a <= 12 ? toDate(Number(m[4]), a, b) : toDate(Number(m[4]), b, a);
      },
    ],
    [MONTH_DAY, (m) => toDate(m[3] ? Number(m[3]) : undefined, monthOf(m[1]), Number(m[2]))],
    [DAY_MONTH, (m) => toDate(m[3] ? Number(m[3]) : undefined, monthOf(m[2]), Number(m[1]))],
  ];
  if (clockFollows) attempts.push([SHORT_DATE, (m) => toDate(undefined, Number(m[1]), Number(m[2]))]);
  for (const [re, build] of attempts) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    const yearIndex = re === MONTH_DAY || re === DAY_MONTH ? 3 : 0;
    if (yearIndex && m[yearIndex] && yearIsClock(text, m[yearIndex], re.lastIndex, compact)) {
      // "Feb 7 1506 UTC": the date is Feb 7 and 1506 the time, read next.
      const date = build([...m.slice(0, yearIndex), undefined] as unknown as RegExpExecArray);
      const end = beforeYear(text, at, re.lastIndex);
      return typeof date === 'string' ? { end, problem: date } : { end, date, yearWasClock: true };
    }
    const date = build(m);
    return typeof date === 'string' ? { end: re.lastIndex, problem: date } : { end: re.lastIndex, date };
  }
  return undefined;
}

function readClock(
  text: string,
  at: number,
  bare = false,
): { end: number; clock?: ClockParts; problem?: string; compact?: boolean } | undefined {
  for (const re of bare ? CLOCKS_AND_BARE : CLOCKS) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    const clock =
      re === CLOCK
        ? toClock(Number(m[1]), Number(m[2]), m[3] !== undefined ? Number(m[3]) : undefined, m[4])
        : re === HOUR_AMPM
          ? toClock(Number(m[1]), 0, undefined, m[2])
          : toClock(Number(m[1]), Number(m[2]));
    const compact = re !== CLOCK && re !== HOUR_AMPM;
    if (typeof clock === 'string') return { end: re.lastIndex, problem: clock };
    return compact ? { end: re.lastIndex, clock, compact } : { end: re.lastIndex, clock };
  }
  return undefined;
}

const CLOCKS = [CLOCK, HOUR_AMPM, MILITARY, MILITARY_HOURS];
const CLOCKS_AND_BARE = [...CLOCKS, BARE_HHMM];

function readZone(text: string, at: number): { end: number; zone: ZoneRef } | undefined {
  ZONE_AFTER.lastIndex = at;
  const m = ZONE_AFTER.exec(text);
  if (!m) return undefined;
  // A lowercase word after a time is prose ("at 9:00 est. time" aside), not a zone abbreviation.
  if (/^[a-z]{2,4}$/.test(m[1])) return undefined;
  const zone = parseZone(m[1] === 'Z' || m[1] === 'z' ? 'UTC' : m[1]);
  return zone ? { end: ZONE_AFTER.lastIndex, zone } : undefined;
}

/**
 * Reads the stamp at the head of `text`. Returns undefined when the text does not start with anything
 * time-like, and a stamp with `problem` set when it does but cannot be read. Cached per text (the entries of a
 * timeline come back unchanged after an edit): the stamp is shared, callers copy it before changing it.
 */
const readOrdinary = memoizeText((text: string) => readStampOf(text, false));
const readCompact = memoizeText((text: string) => readStampOf(text, true));

export function readStamp(text: string, options: StampOptions = {}): Stamp | undefined {
  return options.compact === true ? readCompact(text) : readOrdinary(text);
}

function readStampOf(text: string, compactMode: boolean): Stamp | undefined {
  MARKUP.lastIndex = 0;
  MARKUP.exec(text);
  QUALIFIER.lastIndex = MARKUP.lastIndex;
  const start = QUALIFIER.exec(text) ? QUALIFIER.lastIndex : MARKUP.lastIndex;

  PLACEHOLDER.lastIndex = start;
  const placeholder = PLACEHOLDER.exec(text);
  if (placeholder) {
    const end = PLACEHOLDER.lastIndex;
    return finish(text, { start, end, textStart: end, problem: `"${placeholder[0]}" is a placeholder, not a time` });
  }

  const iso = readIso(text, start);
  if (iso) {
    return finish(text, { start, end: iso.end, textStart: iso.end, ...pick(iso) });
  }

  let at = start;
  let date: DateParts | undefined;
  let clock: ClockParts | undefined;
  let zone: ZoneRef | undefined;
  let compact = false;
  const clockAhead = /^[^\n]{0,14}?\d{1,2}:\d{2}/.test(text.slice(start, start + 40));
  const dateRead = readDate(text, at, clockAhead, compactMode);
  if (dateRead) {
    if (dateRead.problem)
      return finish(text, { start, end: dateRead.end, textStart: dateRead.end, problem: dateRead.problem });
    date = dateRead.date;
    at = dateRead.end;
    DATE_TIME_GLUE.lastIndex = at;
    DATE_TIME_GLUE.exec(text);
    const glued = DATE_TIME_GLUE.lastIndex;
    const clockRead: { end: number; clock?: ClockParts; problem?: string; compact?: boolean } | undefined =
      readClock(text, glued, compactMode || dateRead.yearWasClock) ?? placeholderClock(text, glued);
    if (clockRead) {
      if (clockRead.problem)
        return finish(text, { start, end: clockRead.end, textStart: clockRead.end, date, problem: clockRead.problem });
      clock = clockRead.clock;
      compact = clockRead.compact === true;
      at = clockRead.end;
    } else {
      // "2021-08-27: At 12:50:07 UTC, issue exploited"
      SEPARATOR.lastIndex = at;
      SEPARATOR.exec(text);
      AT_CLOCK.lastIndex = SEPARATOR.lastIndex;
      const inText = AT_CLOCK.exec(text) ? readClock(text, AT_CLOCK.lastIndex) : undefined;
      if (inText?.clock) {
        clock = inText.clock;
        at = inText.end;
      }
    }
  } else {
    const clockRead = readClock(text, at, compactMode);
    if (!clockRead) return undefined;
    if (clockRead.problem)
      return finish(text, { start, end: clockRead.end, textStart: clockRead.end, problem: clockRead.problem });
    clock = clockRead.clock;
    compact = clockRead.compact === true;
    at = clockRead.end;
  }
  if (clock) {
    const z = readZone(text, at);
    if (z) {
      zone = z.zone;
      at = z.end;
    }
    if (!date) {
      // "18:30, Nov 27, 2025": the date after the time.
      const after = /^[*_`]*,?\s*/.exec(text.slice(at));
      const trailing = readDate(text, at + (after?.[0].length ?? 0), false);
      if (trailing?.date && (trailing.date.year !== undefined || /^[*_`]*,/.test(text.slice(at)))) {
        date = trailing.date;
        at = trailing.end;
      }
    }
    ALSO.lastIndex = at;
    if (ALSO.exec(text)) at = ALSO.lastIndex;
  }
  const stamp: Stamp = { start, end: at, textStart: at, date, clock, zone };
  if (compact) stamp.compact = true;
  return finish(text, stamp);
}

/** "2019-12-03 --:--": a date whose time is a placeholder. */
function placeholderClock(text: string, at: number): { end: number; problem: string } | undefined {
  PLACEHOLDER.lastIndex = at;
  const m = PLACEHOLDER.exec(text);
  return m ? { end: PLACEHOLDER.lastIndex, problem: `"${m[0]}" is a placeholder, not a time` } : undefined;
}

function finish(text: string, stamp: Stamp): Stamp {
  // Trim trailing spaces out of the stamp's own span.
  let end = stamp.end;
  while (end > stamp.start && /\s/.test(text[end - 1])) end--;
  CLOSE.lastIndex = stamp.textStart;
  CLOSE.exec(text);
  SEPARATOR.lastIndex = CLOSE.lastIndex;
  SEPARATOR.exec(text);
  let textStart = SEPARATOR.lastIndex;
  // Footnote markers right after the stamp ("2023-03-03[^3]:") belong to it.
  const footnote = /^\[\^[^\]]+\]\s*:?\s*/.exec(text.slice(textStart));
  if (footnote) textStart += footnote[0].length;
  return { ...stamp, end, textStart };
}

function pick(r: { date?: DateParts; clock?: ClockParts; zone?: ZoneRef; problem?: string }) {
  const out: Partial<Stamp> = {};
  if (r.date) out.date = r.date;
  if (r.clock) out.clock = r.clock;
  if (r.zone) out.zone = r.zone;
  if (r.problem) out.problem = r.problem;
  return out;
}

function monthOf(name: string): number {
  return (
    MONTHS[
      name
        .toLowerCase()
        .replace(/\.$/, '')
        .slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)
    ] ?? 0
  );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A date stated on its own: a `### 2023-07-19` heading, a "2019-01-22" or "**Date: 2023-11-22**" line, or a
 * sentence such as "All times in PST, on February 5th 2019" / "all events happened on 2019-10-21".
 */
export function readDateStatement(text: string, wholeLine: boolean): DateParts | undefined {
  const plain = text.replace(/[*_`]/g, '').trim();
  if (wholeLine) {
    const label = /^date\s*:\s*/i.exec(plain);
    const body = label ? plain.slice(label[0].length) : plain;
    const d = readDate(body, 0, false);
    if (!d?.date) return undefined;
    // The rest may only be a weekday or a short title ("### 2025-07-26 Saturday", "### Day 2: 2024-05-15").
    return d.date;
  }
  const re = /\b(?:on|date[ds]?:?|from)\s+(?:the\s+)?/gi;
  for (const m of plain.matchAll(re)) {
    const d = readDate(plain, (m.index ?? 0) + m[0].length, false);
    if (d?.date) return d.date;
  }
  return undefined;
}
