import { isEarlier } from './index-search';
import type { IncidentDigest } from './record';

/** An earlier postmortem with the same service and cause category whose follow-up actions are still open. */
export interface Repeat {
  incident: IncidentDigest;
  services: string[];
  categories: string[];
}

/**
 * The earlier incidents `current` repeats: dated before it, sharing at least one service (the declared ones when
 * both declare) and one cause category, with follow-up actions still open, of the same organisation when both
 * declare one (another organisation's same-named service is another system: its incident is related, not a
 * repeat). Most recent first. Documents without a date are never "earlier".
 */
export function findRepeats(
  current: Pick<IncidentDigest, 'id' | 'date' | 'services' | 'declaredServices' | 'categories' | 'organisation'>,
  incidents: readonly IncidentDigest[],
): Repeat[] {
  if (!current.date || current.services.length === 0 || current.categories.length === 0) return [];
  const categories = new Set(current.categories);
  const out: Repeat[] = [];
  for (const incident of incidents) {
    if (incident.id === current.id || incident.actions.open === 0 || !isEarlier(incident, current)) continue;
    if (current.organisation && incident.organisation && current.organisation !== incident.organisation) continue;
    // Declared on both sides: the declarations decide (a passing mention in the text is not the service).
    const both = current.declaredServices.length > 0 && incident.declaredServices.length > 0;
    const mine = new Set(both ? current.declaredServices : current.services);
    const sharedServices = (both ? incident.declaredServices : incident.services).filter((s) => mine.has(s));
    const sharedCategories = incident.categories.filter((c) => categories.has(c));
    if (sharedServices.length > 0 && sharedCategories.length > 0) {
      out.push({ incident, services: sharedServices, categories: sharedCategories });
    }
  }
  out.sort(
    (a, b) =>
      (b.incident.date ?? '').localeCompare(a.incident.date ?? '') || a.incident.id.localeCompare(b.incident.id),
  );
  return out;
}
