/**
 * The JSON schema of a postmortem's frontmatter: the keys teams use (title, date, severity, status, authors,
 * participants with roles, services, the incident milestones) with their types and values. The `metadata/`
 * rules validate against it with ajv; the editor offers completion from its properties, descriptions and enums.
 * Keys it does not list are allowed (sites add their own: layout, tags, aliases); `metadata/unknown-key`
 * reports only those that look like a misspelt known key.
 */

import { SLO_SCHEMA } from '../slo/schema';

/** A time as the milestone keys take it: ISO 8601, a date and time, or a time of day (read on the timeline's day). */
const TIME_PATTERN =
  '^(?:\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*(?:Z|[+-]\\d{2}:?\\d{2}|[A-Za-z][A-Za-z/_+-]{1,40}))?)?|\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*(?:Z|[+-]\\d{2}:?\\d{2}|[A-Za-z][A-Za-z/_+-]{1,40}))?)$';

const milestone = (what: string) => ({
  type: 'string',
  pattern: TIME_PATTERN,
  description: `When ${what}: ISO 8601 (\`2024-05-14T09:12:00Z\`), a date and time with a zone (\`2024-05-14 09:12 UTC\`), or a time of day (\`09:12\`, read on the timeline's first day). Overrides what the timeline suggests.`,
});

const names = (what: string) => ({
  description: what,
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  ],
});

/** A person as blogs and site generators write one: `{ name, link }`, `{ name, url, title, image_url }`, … */
const PERSON = {
  type: 'object',
  required: ['name'],
  additionalProperties: true,
  properties: { name: { type: 'string', minLength: 1, description: 'The person or team.' } },
} as const;

const people = (what: string) => ({
  description: what,
  anyOf: [
    { type: 'string', minLength: 1 },
    PERSON,
    { type: 'array', items: { anyOf: [{ type: 'string', minLength: 1 }, PERSON] }, minItems: 1 },
  ],
});

export const SEVERITY_VALUES = [
  'SEV0',
  'SEV1',
  'SEV2',
  'SEV3',
  'SEV4',
  'SEV5',
  'P0',
  'P1',
  'P2',
  'P3',
  'P4',
  'critical',
  'major',
  'high',
  'medium',
  'moderate',
  'minor',
  'low',
] as const;

export const STATUS_VALUES = ['draft', 'in-review', 'reviewed', 'final', 'published', 'closed'] as const;

export const ROLE_EXAMPLES = [
  'incident commander',
  'communications lead',
  'operations lead',
  'scribe',
  'subject matter expert',
  'responder',
  'reviewer',
  'author',
  'observer',
];

/** The frontmatter schema (JSON Schema draft-07). */
export const FRONTMATTER_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/postmortem-dev/postmortem/blob/main/schemas/postmortem-frontmatter.schema.json',
  title: 'Postmortem frontmatter',
  type: 'object',
  additionalProperties: true,
  properties: {
    title: {
      type: 'string',
      minLength: 1,
      description: 'The postmortem title; used when there is no `# Title` heading.',
    },
    date: {
      description: 'The date of the incident (`2024-05-14`), or its date and time.',
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}(?:[T ].*)?$',
    },
    severity: {
      description:
        "How bad it was: SEV0–SEV5, P0–P4, critical / major / high / medium / moderate / minor / low, or a status page's words (cState's down / disrupted / notice; major outage / partial outage / degraded performance).",
      anyOf: [
        {
          type: 'string',
          pattern:
            '^(?:[Ss][Ee][Vv][- ]?[0-5]|[Pp][0-4]|[Cc]ritical|[Mm]ajor|[Hh]igh|[Mm]edium|[Mm]oderate|[Mm]inor|[Ll]ow|[Dd]own|[Dd]isrupted|[Nn]otice|(?:[Mm]ajor |[Pp]artial )?[Oo]utage|[Dd]egraded(?: [Pp]erformance)?)$',
        },
        { type: 'integer', minimum: 0, maximum: 5 },
      ],
      examples: [...SEVERITY_VALUES],
    },
    status: {
      description: 'Where the document is in its life: draft, in-review, reviewed, final, published or closed.',
      type: 'string',
      enum: [...STATUS_VALUES],
    },
    authors: people(
      'Who wrote the postmortem: a name, a list of names, or people as blogs write them (`{ name, link }`).',
    ),
    author: people('Who wrote the postmortem (also `authors`).'),
    owner: people('Who owns the postmortem: drives it to review and its actions to completion.'),
    incident_commander: people('Who led the response as incident commander.'),
    participants: {
      description: 'Who took part in the response, each with a role (`{ name: Alice, role: incident commander }`).',
      type: 'array',
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1, description: 'The person or team.' },
              role: {
                type: 'string',
                minLength: 1,
                description: 'Their role in the response.',
                examples: ROLE_EXAMPLES,
              },
              team: { type: 'string', minLength: 1, description: 'Their team.' },
            },
          },
        ],
      },
    },
    services: names('The services or systems affected: a name or a list of names.'),
    organisation: {
      type: 'string',
      minLength: 1,
      description:
        "The organisation whose incident this is, where one repository holds several organisations' postmortems: a repeat incident must be of the same organisation.",
    },
    organization: { type: 'string', minLength: 1, description: 'The same as `organisation`.' },
    started: milestone('the impact began'),
    detected: milestone('the problem was detected (alert fired, page, report)'),
    mitigated: milestone('the impact ended or a workaround took effect'),
    resolved: {
      anyOf: [
        milestone('the problem was resolved for good'),
        { type: 'boolean', description: 'Whether the incident is over, as status pages (cState) write it.' },
      ],
    },
    resolvedWhen: milestone('the problem was resolved (the key of cState status pages, with `resolved: true`)'),
    slo: {
      description:
        'The service level objective(s) the incident counts against, for the error budget it consumed: `{ target: 99.9, window: 30d, sli: availability }`, or a list of them.',
      anyOf: [SLO_SCHEMA, { type: 'array', items: SLO_SCHEMA, minItems: 1 }],
    },
    impact_share: {
      description:
        'The share of requests or users the incident affected, for the error budget it consumed: `5%`, `0.05` (a fraction) or `5` (percent). When given, it is used instead of the share the text states.',
      anyOf: [
        { type: 'number', exclusiveMinimum: 0, maximum: 100 },
        { type: 'string', pattern: '^\\s*\\d{1,3}(?:\\.\\d{1,4})?\\s?%\\s*$' },
      ],
    },
    timezone: {
      type: 'string',
      minLength: 1,
      description:
        "The timezone of the timeline's times when they do not say it: `UTC`, `CET`, `+02:00`, `Europe/Berlin`.",
    },
    type: { type: 'string', description: '`postmortem` marks the file as a postmortem wherever it lives.' },
    tags: names('Free-form tags.'),
    id: { type: ['string', 'integer'], description: 'An incident identifier (`INC-1234`).' },
    impact: { type: 'string', description: 'A one-line summary of the impact.' },
    summary: { type: 'string', description: 'A one-line summary of the incident.' },
    description: { type: 'string', description: 'A one-line description (used by site generators).' },
  },
} as const;

/** The keys the schema knows, in its order. */
export const FRONTMATTER_KEYS: readonly string[] = Object.keys(FRONTMATTER_SCHEMA.properties);
