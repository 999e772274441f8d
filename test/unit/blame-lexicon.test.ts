// The generated blame lexicons at work (WordNet's person nouns, names of a slip and verbs of botching): roles no
// hand list names are people, and the technical senses of the same words stay systems.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRoleNoun, personNouns } from '../../server/src/core/blame/lexicon';
import { analyzeText } from '../helpers/analyze';

const doc = (body: string) => `# Postmortem: test\n\n## Details\n\n${body}\n`;
const rulesOf = (body: string) =>
  analyzeText(doc(body))
    .findings.filter((f) => f.ruleId.startsWith('blame/'))
    .map((f) => f.ruleId);

describe('generated person nouns', () => {
  it('know roles from WordNet and leave out the nouns whose technical sense wins', () => {
    assert.ok(personNouns().size > 4000);
    for (const w of ['contractor', 'technician', 'apprentice', 'subcontractor', 'greenhorn', 'noc', 'soc'])
      assert.ok(isRoleNoun(w), w);
    for (const w of ['server', 'worker', 'client', 'parent', 'child', 'reporter', 'listener', 'leader', 'guest'])
      assert.equal(personNouns().has(w), false, w);
  });
});

describe('blame rules with the generated lexicons', () => {
  it('flag roles, slips and botching that no hand list names', () => {
    for (const [body, rule] of [
      ['The outage was caused by a blunder by the night-shift technician.', 'blame/human-error'],
      ['A gaffe by the contractor exposed the bucket.', 'blame/human-error'],
      ["The intern's slip-up deleted the staging database.", 'blame/human-error'],
      ['The apprentice committed a howler when editing the zone file.', 'blame/human-error'],
      ['The release manager screwed it up.', 'blame/judgment'],
      ['The technician bungled the cutover.', 'blame/judgment'],
      ['The NOC should have escalated the alert sooner.', 'blame/counterfactual'],
      ['The subcontractor could have caught the expired certificate.', 'blame/counterfactual'],
    ]) {
      assert.deepEqual(rulesOf(body), [rule], body);
    }
  });

  it('leave the technical senses of the same words alone', () => {
    for (const body of [
      'The worker process was killed by the OOM killer.',
      'The parent process exited and the child was orphaned.',
      'The reporter plugin printed the test results.',
      'A rounding error in the billing service overcharged users.',
      'The trip of the circuit breaker isolated the rack.',
      'Errors from the upstream provider rose to 5%.',
      'The guest VM mishandled the interrupt.',
      'The Kafka producer fumbled the retries.',
      'Apollo Router returned partial data with errors, and the iOS client treated the response as a success.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });
});
