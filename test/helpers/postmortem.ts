// Complete postmortems for tests that need one, or a variant of one: the shortest, and a database failover.

/** The shortest complete postmortem: the six required sections, one line each. */
export const MINIMAL_POSTMORTEM = `# Postmortem: X

## Summary

S.

## Timeline

- 10:00 UTC a

## Impact

I.

## Root cause

R.

## Mitigation

M.

## Action items

- A (OPS-1)
`;

export interface PostmortemOptions {
  /** Sections whose text is "TBD". */
  empty?: readonly string[];
  /** Sections left out. */
  drop?: readonly string[];
  /** The Timeline section's text: by default two entries. */
  timeline?: string;
}

/** A complete postmortem of a database failover titled `title`, 26 lines with the default timeline; sections can be emptied or dropped. */
export function postmortem(title: string, { empty = [], drop = [], timeline }: PostmortemOptions = {}): string {
  const sections: [string, string][] = [
    ['Summary', 'The primary database failed over at 14:03 UTC.'],
    ['Timeline', timeline ?? '- 14:03 UTC failover\n- 14:07 UTC writes recovered'],
    ['Impact', 'Writes failed for four minutes.'],
    ['Root cause', 'The health check timed out under load.'],
    ['Mitigation', 'The old primary was fenced.'],
    ['Action items', '- Tune the health check timeout (DB-12)'],
  ];
  const body = sections
    .filter(([name]) => !drop.includes(name))
    .map(([name, text]) => `## ${name}\n\n${empty.includes(name) ? 'TBD' : text}\n`)
    .join('\n');
  return `# Postmortem: ${title}\n\n${body}`;
}
