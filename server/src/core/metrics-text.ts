// How the front ends write incident figures, so that the CLI, the report and the editor say the same thing.
import type { TimelineInstant } from './timeline';

/** An instant as the metrics output shows it: ISO 8601 with the date, else the wall clock HH:MM, else null. */
export function instantText(instant: TimelineInstant | undefined): string | null {
  if (!instant) return null;
  return (
    instant.iso ?? (instant.precision === 'day' ? (instant.date ?? null) : (instant.clock ?? instant.date ?? null))
  );
}

/** Minutes as a person reads them: "47 min", "1 h 46 min", "2 d 3 h". */
export function humanMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  const sign = minutes < 0 ? '−' : '';
  let m = Math.abs(minutes);
  if (m < 60) return `${sign}${m} min`;
  const days = Math.floor(m / 1440);
  m -= days * 1440;
  const hours = Math.floor(m / 60);
  const mins = m - hours * 60;
  if (days > 0) return `${sign}${days} d${hours ? ` ${hours} h` : ''}`;
  return `${sign}${hours} h${mins ? ` ${mins} min` : ''}`;
}
