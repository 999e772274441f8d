// The JSON schema of one SLO: the config's `slos` and the frontmatter's `slo` share it.

/** One SLO, as the config's `slos` and the frontmatter's `slo` take it. */
export const SLO_SCHEMA = {
  type: 'object',
  required: ['target'],
  additionalProperties: false,
  properties: {
    target: {
      description: 'The objective in percent: `99.9` (or `"99.9%"`, or `0.999`).',
      anyOf: [
        { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100 },
        { type: 'string', pattern: '^\\d{1,3}(?:\\.\\d{1,6})?\\s?%?$' },
      ],
    },
    window: {
      description: 'The rolling window: `30d` (the default), `4w`, `28 days`, `month`, `quarter`, or a number of days.',
      anyOf: [
        {
          type: 'string',
          pattern:
            '^(?:\\d{1,4}\\s?(?:h|hours?|d|days?|w|weeks?|mo|months?|q|quarters?|y|years?)|day|daily|week|weekly|month|monthly|quarter|quarterly|year|yearly)$',
        },
        { type: 'number', exclusiveMinimum: 0, maximum: 3660 },
      ],
    },
    sli: { type: 'string', minLength: 1, description: 'What is measured: availability, latency, freshness, …' },
  },
} as const;
