import { memoizeText } from './incremental/memo';
import { SECTION_KIND_INFO, SECTION_KINDS } from './kinds';
import { trimEndWhere } from './text';

/**
 * The text the templates ship with (snippets/postmortem.code-snippets: the New Postmortem templates and the `pm-`
 * snippets): instruction sentences, example timeline rows and field placeholders. A part that still holds it is
 * still to write, and an action item made of it is not an action. test/unit/template-text.test.ts checks that
 * every placeholder of the snippet file is listed here.
 */
const TEMPLATE_TEXTS = [
  // Fields.
  'Incident title',
  'Your name',
  '@owner',
  'PROJ-123',
  'Describe the follow-up action',
  'Incident commander: name',
  'Incident commander',
  'Subject matter experts: names',
  // Default template. Its timezone line alone holds no event, so a timeline of it and example rows is unwritten.
  'All times are in UTC.',
  'What happened, how long it lasted, who was affected, and how it ended, in two or three sentences.',
  'Error rates begin to rise: the first sign of impact.',
  'An alert fires and the incident is declared.',
  'Mitigation takes effect and errors stop.',
  'The incident is resolved.',
  'Who and what was affected, for how long, and how much: users, requests, revenue, error budget, data.',
  'For how long (e.g. for 38 minutes), who and how many were affected (users, requests), and what stopped working; revenue, error budget, data.',
  'Why the system allowed this to happen: the contributing factors in systems and processes.',
  'What was done to stop the impact and restore service, and when each step took effect.',
  'Things that limited the impact or sped up the response.',
  'Where systems and processes made the incident worse or the response slower.',
  'Things that helped by chance and will not help next time.',
  // Google SRE.
  'One paragraph: what happened, for how long, and the outcome.',
  'Users, queries and revenue affected; error budget consumed.',
  'The chain of contributing factors that made the outage possible.',
  'The change or event that set the failure off: a deploy, a config push, a traffic spike.',
  'The steps that restored service.',
  'How the problem was noticed and how long that took.',
  'Practices and tools that helped.',
  'Gaps in systems and processes that the incident exposed.',
  'Near misses and fortunate coincidences.',
  'Outage begins.',
  'On-call is paged.',
  'Outage ends.',
  'Links to dashboards, logs, chat transcripts and related documents.',
  // PagerDuty.
  'A short description of the incident and its resolution, for someone outside the team.',
  'The conditions in systems and processes that combined to cause the incident.',
  'How service was restored and how the resolution was verified.',
  'Who was affected, for how long, and how much: customers, requests, revenue, error budget.',
  'Error rates begin to rise.',
  'The first alert fires.',
  'The incident commander takes charge.',
  'Errors stop and the service is back to normal.',
  'What helped the response.',
  'What slowed the response down or made the impact worse.',
  'The message shared with the rest of the company.',
  'The message shared with customers, if any.',
  // Atlassian.
  'Between the start and the end of the incident, a number of customers experienced a problem. The event was triggered by a change; it was detected by a monitor and mitigated by a fix.',
  'The circumstances that led up to the incident, such as earlier changes that introduced latent faults.',
  'How the change behaved differently than expected.',
  'Who and what was affected, for how long, and how much: customers, requests, support cases, error budget.',
  'When and how the team detected the incident, and how time to detection could improve.',
  'Who responded, when, and how; any delays or obstacles to the response.',
  'How and when service was restored, and how the team knew it had recovered.',
  'Impact begins.',
  'The incident is detected.',
  'Service is restored.',
  'The service went down because the database was locked.',
  'The database was locked because of too many writes.',
  'Continue until the systemic reason is clear.',
  'What went well, what could have gone better, and what the team learned about its systems.',
  // Section snippets.
  'What happened, and who or what noticed.',
  'The event that set the failure off: a deploy, a config change, a traffic spike, an expiry.',
  'How the problem was noticed (alert, customer report, dashboard) and how long that took.',
  'Dashboards, logs, chat transcripts, tickets and related documents.',
];

const squeeze = (text: string) =>
  text
    .toLowerCase()
    .replace(/[*_`"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const normalise = (text: string) => trimEndWhere(squeeze(text), (c) => '.!:;,'.includes(c)).trim();

const KNOWN = new Set([...TEMPLATE_TEXTS, ...SECTION_KINDS.map((k) => SECTION_KIND_INFO[k].guidance)].map(normalise));

/** A timeline row's stamp ("2026-12-06 09:00 UTC:", "09:00 -", "1. 09:05 UTC —"), before its text. */
const LEADING_STAMP =
  /^(?:[-*+]|\d+[.)])?\s*(?:\d{4}-\d{2}-\d{2}[ T]?)?(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:utc|z|gmt)?\s*(?:[:|–—-]\s*)?/i;

/** Whether `text` is, whole, a text the templates ship with (ignoring case, emphasis and end punctuation). */
export const isTemplateText: (text: string) => boolean = memoizeText(isTemplateTextOf);

function isTemplateTextOf(text: string): boolean {
  const t = normalise(text);
  if (t === '') return false;
  if (KNOWN.has(t)) return true;
  const withoutStamp = normalise(t.replace(LEADING_STAMP, ''));
  return withoutStamp !== t && withoutStamp !== '' && KNOWN.has(withoutStamp);
}

/**
 * `text` without the fields note the templates put after an example action ("(type: prevent, owner: @owner,
 * ticket: PROJ-123)"); read from the end, in linear time.
 */
export function withoutFieldNote(text: string): string {
  const t = text.trimEnd();
  if (!t.endsWith(')')) return text;
  const open = t.lastIndexOf('(');
  if (open < 0 || !/^\((?:type|owner|ticket):[^)]*\)$/i.test(t.slice(open))) return text;
  return t.slice(0, open).trimEnd();
}
