// A realistic, large postmortem for the edit-latency benchmark.

// ---------------------------------------------------------------------------------------------------------------
// The generated postmortem: frontmatter, a title, the usual sections with wrapped paragraphs, a long timeline of
// bullet entries, an action-item table, and one empty section so that the diagnostics are not empty. Deterministic.
// The table stays at a size real postmortems reach: GFM table parsing grows with the square of the cell count
// (micromark-extension-gfm-table's EditMap.add scans every earlier edit), so a huge table would measure that alone.
const TABLE_ROWS = 200;

const SYSTEMS = [
  'checkout-api',
  'payments-gateway',
  'orders-db',
  'edge-proxy',
  'session-cache',
  'search-indexer',
  'auth-service',
];
const VERBS = [
  'paged the on-call engineer',
  'rolled back the deploy',
  'raised the connection pool limit',
  'drained the node',
  'opened a bridge call',
  'posted a status page update',
  'confirmed recovery on the dashboard',
  'failed over to the replica',
  'restarted the pods',
  'scaled the deployment to 40 replicas',
];
const WORDS =
  'the a request queue latency error rate replica lag saturation alert threshold deploy canary rollout config flag traffic region cache miss retry storm timeout budget runbook dashboard customer p99 primary failover capacity shard'.split(
    ' ',
  );

export function generatePostmortem(totalLines: number): { text: string; composition: string } {
  let seed = 42;
  /** mulberry32: small, seeded, and good in the low bits too. */
  const random = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
  const pick = <T>(items: readonly T[]) => items[random(items.length)];
  const sentence = () => {
    const words = Array.from({ length: 5 + random(6) }, () => pick(WORDS));
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())} in ${pick(SYSTEMS)}.`;
  };
  const paragraph = (lines: number) => Array.from({ length: lines }, sentence);
  const prose = (paragraphs: number) => Array.from({ length: paragraphs }, () => [...paragraph(4), '']).flat();

  const head = [
    '---',
    'title: "Postmortem: checkout outage after a connection pool change"',
    'date: 2024-03-12',
    'severity: SEV-1',
    'status: final',
    'authors: [sre-team, payments-team]',
    'type: postmortem',
    '---',
    '',
    '# Postmortem: Checkout outage after a connection pool change',
    '',
    '## Summary',
    '',
    ...prose(3),
    '## Impact',
    '',
    ...prose(4),
    ...SYSTEMS.map((s) => `- ${s}: ${1 + random(40)}% of requests failed for ${5 + random(90)} minutes`),
    '',
    '## Root cause',
    '',
    ...Array.from({ length: 8 }, (_, i) => [`### Factor ${i + 1}: ${pick(SYSTEMS)}`, '', ...prose(25)]).flat(),
    '## Detection',
    '',
    ...prose(20),
    '## Mitigation',
    '',
    ...prose(20),
    '## Lessons learned',
    '',
    '### What went well',
    '',
    ...prose(10),
    '### What went wrong',
    '',
    ...prose(10),
    '### Where we got lucky',
    '',
  ];
  const actions = [
    '## Action items',
    '',
    '| Action | Owner | Priority | Ticket | Status |',
    '| ------ | ----- | -------- | ------ | ------ |',
    ...Array.from(
      { length: TABLE_ROWS },
      (_, i) =>
        `| ${sentence()} | @${pick(['ana', 'bo', 'chen', 'dev', 'eli'])} | P${random(4)} | OPS-${1000 + i} | ${pick(['open', 'in progress', 'done'])} |`,
    ),
    '',
  ];
  const timelineHead = ['## Timeline', '', 'All times are UTC.', ''];
  const entries = totalLines - head.length - actions.length - timelineHead.length - 1;
  const started = Date.UTC(2024, 2, 12, 14, 0);
  const timeline = Array.from({ length: entries }, (_, i) => {
    const at = new Date(started + i * 20_000).toISOString().slice(0, 16).replace('T', ' ');
    return `- **${at}** ${pick(SYSTEMS)}: ${pick(VERBS)}${random(4) === 0 ? `; ${sentence()}` : '.'}`;
  });
  // Timeline after the summary and impact, as most teams order it; the rest as generated above.
  const impactEnd = head.indexOf('## Root cause');
  const all = [...head.slice(0, impactEnd), ...timelineHead, ...timeline, '', ...head.slice(impactEnd), ...actions];
  const headings = all.filter((l) => l.startsWith('#')).length;
  const proseLines = all.filter((l) => /^[A-Z]/.test(l)).length;
  return {
    text: all.join('\n'),
    composition: `frontmatter, ${headings} headings, ${timeline.length} timeline bullets, ${proseLines} prose lines, a ${TABLE_ROWS}-row table`,
  };
}
