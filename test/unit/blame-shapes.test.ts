// Shapes of blame added in the sixth session (issue 9), each with the look-alikes that must stay quiet. The
// sentences are written here, in new words; none is from a scored set.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../helpers/analyze';

const doc = (body: string) => `# Postmortem: test\n\n## Details\n\n${body}\n`;
const rulesOf = (body: string) =>
  analyzeText(doc(body))
    .findings.filter((f) => f.ruleId.startsWith('blame/'))
    .map((f) => f.ruleId);

describe('blame shapes (issue 9, sixth session)', () => {
  it('finds a named person by initials in a cleft, the narrative present, thanks and a cause "from"', () => {
    for (const body of [
      'It was KB who switched the DNS weight to the new region before the health checks were green.',
      'In the incident channel Radovan admits he truncated the sessions table.',
      'The breach came from Ilse clicking the link in the fake invoice.',
      'Thanks so much, Oskar, for the unannounced firewall change on Friday evening.',
      'The erroneous payroll file was sent by Mrs. Osei.',
    ]) {
      assert.deepEqual(rulesOf(body), ['blame/named-individual'], body);
    }
  });

  it('finds harm that has no harm word: a wrong target, a change without the usual checks, exposure, effects', () => {
    for (const body of [
      'Yannick ran the cleanup job against the healthy cluster.',
      'Without asking anyone, Leticia rotated the database password, so every worker failed to connect.',
      'Mirela copied the customer export to a public share.',
      'Joost pasted the signing secret into a shared notebook.',
      '@tomasz "just tidied up" the old DNS records, including the ones the mail relay relied on.',
      'B.K. reviewed and merged the discount rule that billed annual customers every month.',
    ]) {
      assert.deepEqual(rulesOf(body), ['blame/named-individual'], body);
    }
  });

  it('finds a miss in review told in the passive, a slip at the keyboard and shame words about conduct', () => {
    const cases: [string, string][] = [
      ['The expired certificate was overlooked during the change review.', 'blame/counterfactual'],
      ['The failing check was missed by the release manager.', 'blame/counterfactual'],
      ['A slip at the keyboard sent the purge to every region.', 'blame/human-error'],
      ['Frankly embarrassing conduct from the platform squad during the cutover.', 'blame/judgment'],
    ];
    for (const [body, rule] of cases) assert.deepEqual(rulesOf(body), [rule], body);
  });

  it('leaves their look-alikes alone', () => {
    for (const body of [
      'It was Femi who restored the replica and brought the API back.',
      'It was Sunita who first noticed the queue growing.',
      'Thanks a lot, Ingrid, for rebuilding the index overnight.',
      'Cheers, Stellan, for pairing with me on the fix.',
      'The alert was missed by the paging integration.',
      'The regression was missed in the nightly tests.',
      'Kenta failed over to the healthy replica at 10:04.',
      'Lior copied the production snapshot into the staging cluster to reproduce the bug.',
      'Dorota pushes the release tag at 09:10 and the deploy starts.',
      'The unscheduled maintenance window was announced by Priya a week ahead.',
      'Kwame rotated the API keys into the vault after the audit.',
      'The contractor, Leif Berg, updated the runbook for the new region.',
      'The SRE who was on call paged the database team.',
      'The slow response from the billing API was embarrassing for the product, not for anyone on call.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });
});
