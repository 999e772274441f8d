// The checkout-latency incident's timeline, from which the milestones and figures are inferred (detected after
// 8 min, mitigated after 29 min, resolved after 1 h 18 min), for the unit and the protocol tests of the timeline.
export const CHECKOUT_TIMELINE = `# Postmortem: checkout latency

## Timeline

All times are in UTC.

- 09:04 The connection pool size change is deployed.
- 09:12 Error rate on checkout begins to rise.
- 09:20 The p99 latency alert fires; the on-call engineer is paged.
- 09:33 The pool change is identified as the likely trigger.
- 09:41 The change is rolled back; error rate back to normal.
- 10:30 A fixed pool configuration is deployed; incident resolved.
`;
