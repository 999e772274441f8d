import { trimEndWhere } from '../text';

/**
 * What an action item's text says about its owner, its tracking and its type. Each reader returns the matched
 * text and its offset in the given string, so callers can point at it.
 */

export interface Found {
  text: string;
  index: number;
}

/** `owner: Platform team`, `Owner - @alice`, `assignee: SRE`, `DRI: Jane Doe`. */
const OWNER_LABEL =
  /\b(?:owners?|assignees?|assigned\s+to|responsible|dri|lead|who)\s*[:=–—-]\s*([@\w][\w .&/@'-]{0,60}?)(?=\s*(?:[),;|\]]|$|\n|\s[-–—]\s|\.\s))/i;
/** `@alice`, `@platform-team`, `@org/team` (not an e-mail address). */
const HANDLE = /(?<![\w.+-])@[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9_-]+)?/;
/** Words that name a team or a role. */
export const TEAM_OR_ROLE =
  /\b(?:team|squad|crew|guild|group|tribe|chapter|department|org|sre|sres|ops|devops|dev\s*ops|on-?call|oncall|infra(?:structure)?|platform|security|secops|netops|dba|dbas|network(?:ing)?|backend|frontend|mobile|qa|support|ic|incident\s+commander|engineering|eng|product|pm|em|manager|lead|owner|maintainers?|admins?|administrators?|architects?|moderators?)\b/i;
/** "Nóva to send the list", "Alice will add the alert", "SRE: add the alert", "[Platform] add the alert". */
const LEADING_OWNER =
  /^\s*(?:\[([^\]\n]{2,40})\]\s*|([A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+)?)\s+(?:to|will|is\s+going\s+to|owns)\s+(?=[a-z])|([A-Z][\w&/ -]{1,30}?)\s*:\s+(?=\S))/u;
/** A short parenthesised or bracketed tail: "… (SRE team)", "… (Alice)", "… [@bob]", "… — Platform team". */
const TRAILING_OWNER = /(?:\(([^()\n]{2,40})\)|\[([^[\]\n]{2,40})\]|\s[–—-]\s+([^–—\n]{2,40}))\s*[.!]?\s*$/u;

/** Capitalised first words of an action that are verbs or modals, not a person: "Continue to …", "Need to …". */
const NOT_A_NAME =
  /^(?:continue|need|needs|try|plan|want|have|going|remember|ensure|make|start|begin|decide|agree|propose|aim|move|switch|migrate|add|set|change|update|upgrade|return|reach|refer|go|how|what|who|when|where|why|ask|work|help|learn|prefer|choose|wait|consider|expect|intend|hope|used|able|unable|due|also|still|please|time|nothing|everyone|someone|nobody|team|we|they|it|this|that)$/i;

/** Words a parenthesis may hold that are not owners. */
const NOT_OWNER =
  /^(?:done|todo|to do|wip|open|closed|complete[d]?|in progress|blocked|p[0-4]|sev\s*[0-5]|high|medium|low|optional|ongoing|tbd|n\/a|none|e\.g\..*|i\.e\..*|see .*|optional|for example.*|etc\.?)$/i;

/** Finds who owns an action: a label, an @handle, a leading "Name to …", or a trailing "(Team)". */
export function findOwner(raw: string, plain: string): Found | undefined {
  const label = OWNER_LABEL.exec(raw);
  if (label && !/^(?:tbd|none|n\/a|\?+|-+|unknown|unassigned)$/i.test(label[1].trim())) {
    return { text: label[1].trim(), index: (label.index ?? 0) + label[0].indexOf(label[1]) };
  }
  const handle = HANDLE.exec(raw);
  if (handle) return { text: handle[0], index: handle.index ?? 0 };
  const bare = stripReferences(plain);
  const leading = LEADING_OWNER.exec(bare);
  let lead = leading?.[1] ?? leading?.[2] ?? leading?.[3];
  if (lead && leading?.[2] !== undefined && NOT_A_NAME.test(lead.split(/\s+/)[0])) lead = undefined;
  if (lead && isOwnerLike(lead, leading?.[2] !== undefined)) return locate(raw, lead.trim());
  const trailing = TRAILING_OWNER.exec(bare);
  const tail = trailing?.[1] ?? trailing?.[2] ?? trailing?.[3];
  if (tail && isOwnerLike(tail, false)) return locate(raw, tail.trim());
  return undefined;
}

/** Ticket keys, issue numbers and links removed, with the punctuation they leave behind. */
function stripReferences(plain: string): string {
  const stripped = plain
    .replace(/\b[A-Z][A-Z0-9]{1,9}-\d+\b|(?<![\w])#\d+\b|https?:\/\/\S+/g, ' ')
    .replace(/\(\s*\)/g, ' ');
  return trimEndWhere(stripped, (c) => c === ',' || c === ';' || /\s/.test(c))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A short phrase that names a team, a role or a person. */
export function isOwnerLike(phrase: string, personPattern: boolean): boolean {
  const p = phrase.trim().replace(/^owner\s*:\s*/i, '');
  if (p === '' || NOT_OWNER.test(p) || /https?:|\d{3,}|#\d/.test(p)) return false;
  if (HANDLE.test(p)) return true;
  const words = p.split(/\s+/);
  if (words.length > 4) return false;
  if (TEAM_OR_ROLE.test(p)) return true;
  // A person: one to three capitalised words ("Alice", "Jane Doe"); with "X to <verb>" one is enough.
  const capitalised = words.every((w) => /^\p{Lu}[\p{L}'.-]*$/u.test(w));
  if (!capitalised) return false;
  if (words.length === 1 && !personPattern && /^[A-Z]{2,}$/.test(p) && !TEAM_OR_ROLE.test(p)) return true;
  return personPattern || words.length <= 3;
}

function locate(raw: string, text: string): Found {
  const index = raw.indexOf(text);
  return { text, index: index === -1 ? 0 : index };
}

/** Ticket keys (ABC-123), issue numbers (#123, GH-12, org/repo#123) and links. Keys that name standards are not tickets. */
const TICKET_KEY =
  /\b(?!(?:UTF|SHA|ISO|RFC|HTTP|TLS|SSL|IPV|CVE|GHSA|PYSEC|COVID|MD|AES|RSA|EC|X|TCP|UDP|PM|SEV|P|V|PR)-)[A-Z][A-Z0-9]{1,9}-\d{1,7}\b/;
const ISSUE_NUMBER = /(?:^|[\s([{,;:])(?:[\w.-]+\/[\w.-]+)?#\d{1,7}\b|\bGH-\d+\b/;
const LINK = /\]\((?:https?:\/\/|\/|\.\.?\/)[^)]*\)|<https?:\/\/[^>]+>|(?<![(<])\bhttps?:\/\/[^\s)>\]]+|\]\[[^\]]+\]/;

/** Every tracking reference in an action's raw text: ticket keys, issue numbers and links. */
export function findTracking(raw: string): Found[] {
  const out: Found[] = [];
  const seen = new Set<string>();
  for (const re of [TICKET_KEY, ISSUE_NUMBER, LINK]) {
    const global = new RegExp(re.source, `${re.flags}g`);
    for (const m of raw.matchAll(global)) {
      const text = m[0].replace(/^[\s([{,;:]+/, '');
      const index = (m.index ?? 0) + m[0].indexOf(text);
      const clean = text.replace(/^\]\(|^<|[)>]$/g, '').replace(/^\]\[/, '[');
      const at = index + text.indexOf(clean);
      if (seen.has(`${at}`) || out.some((o) => at < o.index + o.text.length + 3 && o.index < at + clean.length))
        continue;
      seen.add(`${at}`);
      out.push({ text: clean, index: at });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

export type ActionType = 'prevent' | 'detect' | 'mitigate' | 'process' | 'investigate' | 'other';

const TYPE_TAGS: Record<string, ActionType> = {
  prevent: 'prevent',
  prevention: 'prevent',
  preventive: 'prevent',
  preventative: 'prevent',
  detect: 'detect',
  detection: 'detect',
  monitoring: 'detect',
  mitigate: 'mitigate',
  mitigation: 'mitigate',
  repair: 'mitigate',
  fix: 'mitigate',
  process: 'process',
  documentation: 'process',
  docs: 'process',
  investigate: 'investigate',
  investigation: 'investigate',
};

/** A type tag in the text (`[detect]`, `[repair]`), or a type column's value. */
export function typeFromTag(raw: string): ActionType | undefined {
  const m = /\[(\w+)\]|\btype\s*:\s*(\w+)/i.exec(raw);
  const word = (m?.[1] ?? m?.[2])?.toLowerCase();
  return word ? TYPE_TAGS[word] : undefined;
}

export function typeFromWord(word: string): ActionType | undefined {
  return TYPE_TAGS[word.trim().toLowerCase()];
}

/** The type the wording suggests: alerts and dashboards detect, runbooks and docs are process, and so on. */
export function inferType(plain: string): ActionType {
  const t = plain.toLowerCase();
  if (/^(?:investigate|look into|explore|evaluate|research|find out|figure out|assess|consider)\b/.test(t))
    return 'investigate';
  if (
    /\b(?:alert(?:s|ing)?|monitor(?:s|ing)?|dashboards?|page|paging|observability|metrics?|slo|probes?|detect(?:ion)?|log(?:s|ging)?|exporter)\b/.test(
      t,
    )
  )
    return 'detect';
  if (
    /\b(?:runbooks?|playbooks?|document(?:ation)?|docs?|process|training|train|teach|guidelines?|policy|policies|on-?call rotation|postmortem|communicat\w*|wiki|checklist)\b/.test(
      t,
    )
  )
    return 'process';
  if (
    /\b(?:rollback|roll back|fail-?over|restore|backup|circuit breaker|rate limit(?:ing)?|throttl\w*|automate \w* recovery|self-heal\w*|capacity|scale|autoscal\w*|redundan\w*)\b/.test(
      t,
    )
  )
    return 'mitigate';
  if (
    /\b(?:tests?|testing|validat\w*|guards?|prevent\w*|lint\w*|review|least-privilege|permissions?|2fa|mfa|staging|canary|fix|remove|disable|enforce|block|limit|upgrade|patch|replace|migrate|implement|add|create|update)\b/.test(
      t,
    )
  )
    return 'prevent';
  return 'other';
}
