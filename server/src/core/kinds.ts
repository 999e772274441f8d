/**
 * The canonical parts of a postmortem, the names real teams give them, and what belongs in each.
 * The synonym lists come from the headings of the real postmortems and public templates in test/corpus/.
 */

export const SECTION_KINDS = [
  'summary',
  'timeline',
  'impact',
  'trigger',
  'root-cause',
  'detection',
  'mitigation',
  'action-items',
  'lessons-learned',
  'what-went-well',
  'what-went-wrong',
  'where-we-got-lucky',
  'supporting-information',
] as const;

export type SectionKind = (typeof SECTION_KINDS)[number];

export const DEFAULT_REQUIRED: readonly SectionKind[] = [
  'summary',
  'timeline',
  'impact',
  'root-cause',
  'mitigation',
  'action-items',
];

export interface SectionKindInfo {
  /** The heading the quick fix inserts. */
  title: string;
  /** One line of guidance, inserted as an HTML comment and shown on hover. */
  guidance: string;
  /** Names teams use for this part, matched on normalised words (see headings.ts). */
  synonyms: string[];
  /** Kinds that are nested under another kind when inserted (the lessons-learned family). */
  parent?: SectionKind;
}

export const SECTION_KIND_INFO: Record<SectionKind, SectionKindInfo> = {
  summary: {
    title: 'Summary',
    guidance: 'Two or three sentences: what happened, how long it lasted, who was affected, and how it ended.',
    synonyms: [
      'summary',
      'overview',
      'incident details',
      'incident detail',
      'what happened',
      'description',
      'incident description',
      'outage description',
      'issue summary',
      'incident summary',
      'executive summary',
      'summary of impact',
      'background',
      'synopsis',
      'abstract',
      'tldr',
      'tl dr',
      'introduction',
      'about the incident',
    ],
  },
  timeline: {
    title: 'Timeline',
    guidance: 'Timestamped events with a timezone: first impact, detection, key decisions, mitigation and resolution.',
    synonyms: [
      'timeline',
      'timeline of events',
      'incident timeline',
      'detailed timeline',
      'chronology',
      'chain of events',
      'sequence of events',
      'events',
      'what happened when',
    ],
  },
  impact: {
    title: 'Impact',
    guidance: 'Who and what was affected, for how long, and how much: users, requests, revenue, error budget, data.',
    synonyms: [
      'impact',
      'customer impact',
      'user impact',
      'end user impact',
      'business impact',
      'impact analysis',
      'impact assessment',
      'what was impacted',
      'what was affected',
      'who was affected',
      'affected',
      'affected user',
      'affected service',
      'summary of impact',
      'blast radius',
      'severity and impact',
    ],
  },
  trigger: {
    title: 'Trigger',
    guidance: 'The event that set the failure off: a deploy, a config change, a traffic spike, an expiry.',
    synonyms: ['trigger', 'triggering event', 'what triggered the incident', 'leadup', 'lead up', 'exploit'],
  },
  'root-cause': {
    title: 'Root cause',
    guidance: 'Why the system allowed this to happen: the contributing factors in systems and processes, not people.',
    synonyms: [
      'root cause',
      'root cause analysis',
      'rca',
      'cause',
      'contributing factor',
      'contributing condition',
      'contributing conditions analysis',
      'contributing cause',
      'underlying cause',
      'five why',
      '5 why',
      'why did this happen',
      'why it happened',
      'how did this happen',
      'how this happened',
      'how it happened',
      'what caused the incident',
      'what caused the outage',
      'what caused it',
      'fault',
      'technical detail',
      'working theory',
      'the error',
      'the bug',
      'the problem',
      'underlying issue',
      'underlying problem',
    ],
  },
  detection: {
    title: 'Detection',
    guidance: 'How the problem was noticed (alert, customer report, dashboard) and how long that took.',
    synonyms: ['detection', 'how was it detected', 'how it was detected', 'how we noticed', 'discovery', 'alerting'],
  },
  mitigation: {
    title: 'Mitigation',
    guidance: 'What was done to stop the impact and restore service, and when each step took effect.',
    synonyms: [
      'mitigation',
      'resolution',
      'recovery',
      'remediation',
      'response',
      'incident response',
      'action taken',
      'action taken to mitigate',
      'action taken to resolve',
      'fix implemented',
      'the fix',
      'fix',
      'workaround',
      'handling',
      'incident handling',
      'repair',
      'restoration',
      'how it was resolved',
      'how we fixed it',
      'resolution and recovery',
      'mitigation and resolution',
    ],
  },
  'action-items': {
    title: 'Action items',
    guidance: 'Follow-up actions that prevent recurrence or improve detection, each with an owner and a ticket.',
    synonyms: [
      'action item',
      'action items and followup',
      'action point',
      'follow up action',
      'followup action',
      'follow up',
      'followup',
      'corrective action',
      'corrective measure',
      'preventive action',
      'preventative action',
      'preventive measure',
      'preventative measure',
      'corrective and preventative measure',
      'corrective and preventive measure',
      'next step',
      'prevention',
      'resulting action',
      'future action',
      'future measure',
      'recommendation',
      'improvement',
      'and improve',
      'what we are doing about it',
      'what we re doing about it',
      'takeaway',
      'todo',
      'remediation item',
      'planned action',
      'action plan',
      'long term solution',
      'long term fix',
      'long term improvement',
      'permanent fix',
    ],
  },
  'lessons-learned': {
    title: 'Lessons learned',
    guidance: 'What this incident taught the team about its systems and processes.',
    synonyms: [
      'lesson learned',
      'lesson learnt',
      'lesson',
      'learning',
      'what we learned',
      'learn',
      'retrospective',
      'reflection',
      'how did we do',
    ],
  },
  'what-went-well': {
    title: 'What went well',
    guidance: 'Things that limited the impact or sped up the response.',
    synonyms: ['what went well', 'thing that went well', 'went well', 'what went right', 'went right'],
    parent: 'lessons-learned',
  },
  'what-went-wrong': {
    title: 'What went wrong',
    guidance: 'Where systems and processes made the incident worse or the response slower.',
    synonyms: [
      'what went wrong',
      'went wrong',
      'what went poorly',
      'thing that went poorly',
      'went poorly',
      'what went badly',
      'went badly',
      'what did not go well',
      'what didn t go well',
      'what could have gone better',
      'could have gone better',
      'opportunity',
    ],
    parent: 'lessons-learned',
  },
  'where-we-got-lucky': {
    title: 'Where we got lucky',
    guidance: 'Things that helped by chance and will not help next time.',
    synonyms: ['where we got lucky', 'where did we get lucky', 'got lucky', 'lucky'],
    parent: 'lessons-learned',
  },
  'supporting-information': {
    title: 'Supporting information',
    guidance: 'Links to dashboards, logs, chat transcripts, tickets and related documents.',
    synonyms: [
      'supporting information',
      'supporting document',
      'supporting material',
      'appendix',
      'appendice',
      'reference',
      'link',
      'related link',
      'attachment',
      'additional information',
      'further reading',
    ],
  },
};

/** Display name of a kind, for messages. */
export function kindTitle(kind: SectionKind): string {
  return SECTION_KIND_INFO[kind].title;
}

export function isSectionKind(value: string): value is SectionKind {
  return (SECTION_KINDS as readonly string[]).includes(value);
}
