import type { PostmortemModel } from '../model';

/**
 * Who owns the postmortem and who led the response, as teams write it: frontmatter keys (`owner`, `authors`,
 * `incident_commander`, `participants` with a role), an "Author(s)" or "Owner" heading, or a labelled line
 * ("Owner: Platform team", "Written by Alice", "Incident commander: Bob") anywhere in the text.
 */
export interface Mention {
  source: 'frontmatter' | 'heading' | 'text';
  text: string;
}

const OWNER_KEYS = ['owner', 'owners', 'authors', 'author', 'editor', 'editors', 'created_by', 'written_by'];
const OWNER_LINE =
  /^[^\w\n]{0,4}(?:owners?|authors?|author\(s\)|postmortem[ \t]+owner|document[ \t]+owner|written[ \t]+by|prepared[ \t]+by|editors?)[^\w\n]{0,4}[ \t]*[:–—-][ \t]*\S|^[^\w\n]{0,4}(?:written|prepared|authored|created)[ \t]+by[^\w\n]{0,8}[\w@]/im;
const OWNER_HEADING = /^(?:owners?|authors?|author\(s\)|written by|postmortem owner)$/i;

const COMMANDER_KEYS = ['incident_commander', 'incident-commander', 'commander', 'ic'];
const COMMANDER_TEXT = /\bincident\s+(?:commander|manager|lead)\b|\bIC\s*[:=(]|\b(?:as|the)\s+IC\b|\bcommander\s*:/;

export function findOwner(model: PostmortemModel): Mention | undefined {
  const data = model.frontmatter?.data ?? {};
  for (const key of OWNER_KEYS) if (present(data[key])) return { source: 'frontmatter', text: key };
  // Site generators' own spellings: authorName, author_name, authorEmail, owner_team.
  const other = Object.keys(data).find((k) => /^(?:authors?|owners?)[_-]?[a-z]*$/i.test(k) && present(data[k]));
  if (other) return { source: 'frontmatter', text: other };
  const heading = model.allSections.find((s) => OWNER_HEADING.test(s.heading.trim()));
  if (heading) return { source: 'heading', text: heading.heading };
  const line = OWNER_LINE.exec(model.text.slice(model.frontmatter?.end ?? 0));
  return line ? { source: 'text', text: line[0].trim() } : undefined;
}

export function findIncidentCommander(model: PostmortemModel): Mention | undefined {
  const data = model.frontmatter?.data ?? {};
  for (const key of COMMANDER_KEYS) if (present(data[key])) return { source: 'frontmatter', text: key };
  const participants = data.participants;
  if (Array.isArray(participants)) {
    for (const p of participants) {
      const role = p && typeof p === 'object' ? (p as { role?: unknown }).role : undefined;
      if (typeof role === 'string' && /\b(?:incident\s+commander|ic|incident\s+(?:manager|lead))\b/i.test(role)) {
        return { source: 'frontmatter', text: `participants: ${role}` };
      }
    }
  }
  const text = COMMANDER_TEXT.exec(model.text.slice(model.frontmatter?.end ?? 0));
  return text ? { source: 'text', text: text[0] } : undefined;
}

function present(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false;
}
