// Shapes of blame added in the tenth session (issue 9): a person as the maker of what a sentence names as the cause,
// a verdict on the cause of something, effects told after a semicolon, a dash or "and", dotted names and names with
// an apostrophe as single tokens. Every sentence is written here, in new words; none is from a scored set. Each
// positive has look-alikes that must stay quiet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectEach, NAMED, NONE, tagged } from '../helpers/blame-shapes';

describe('blame shapes (issue 9, tenth session)', () => {
  it('keeps dotted names, dot-files and names with an apostrophe whole, and abbreviations apart', () => {
    const texts = (s: string) => tagged(s).map((t) => t.text);
    assert.deepEqual(texts('Nadia raised kafka.consumer.max.poll to 9'), [
      'Nadia',
      'raised',
      'kafka.consumer.max.poll',
      'to',
      '9',
    ]);
    assert.equal(tagged('Nadia raised kafka.consumer.max.poll to 9')[2].pos, 'NOUN');
    assert.deepEqual(texts('the .npmrc file'), ['the', '.npmrc', 'file']);
    assert.deepEqual(texts("Declan O'Rourke replied"), ['Declan', "O'Rourke", 'replied']);
    // Initials and abbreviations keep their stops: "K.W." is a person, "e.g." an aside.
    assert.deepEqual(texts('K.W. paged, e.g. twice'), ['K', '.', 'W', '.', 'paged', ',', 'e', '.', 'g', '.', 'twice']);
    // A sentence's last word and its stop, and a number with a separator, as before.
    assert.deepEqual(texts('It ended. Then 2.5 more'), ['It', 'ended', '.', 'Then', '2.5', 'more']);
  });

  it('finds the person who made what the sentence names as the cause, in a clause on it', () => {
    expectEach(NAMED, [
      'The checkout errors were caused by a rate limit that Oksana lowered on Friday.',
      'Refunds failed for two hours owing to the retry settings Tomás edited by hand.',
      'The leaked token came from the debug log Ingrid enabled in production.',
      'The settlement batch was rejected by the bank because of the file format Kenji changed.',
      'Because of what Amara did to the routing table, the branch offices lost connectivity.',
      "The outage was caused by a firewall rule that Declan O'Rourke pushed to every site.",
    ]);
    expectEach(NONE, [
      // Remedies, looks into the failure, and work the sentence does not call a cause.
      'The outage ended thanks to the replica that Oksana promoted.',
      'The root cause was found in the logs that Oksana read.',
      'The outage was caused by a bug in the library that Oksana maintains.',
      'The incident was handled with the runbook that Oksana wrote last year.',
      'Because of what Amara found in the traces, we rolled back within minutes.',
    ]);
  });

  it('finds a verdict on the cause of something, and a change whose effect follows a semicolon, a dash or "and"', () => {
    expectEach(NAMED, [
      'The root cause of this outage is Dmitri, who disabled the health checks.',
      'The trigger for the incident was Hana.',
      'Priyanka changed the DNS TTL to zero; resolvers hammered the authoritative servers for an hour.',
      'Mateus lowered the pool size — checkout requests queued and timed out.',
      'Ruth flipped the billing flag in production and invoices doubled overnight.',
      'Jonas set consumer.session.timeout to 100 on the ledger consumers, which then rebalanced all afternoon.',
    ]);
    expectEach(NONE, [
      'The root cause of this outage is a missing health check.',
      'Priyanka changed the DNS TTL back to 300; resolvers recovered within minutes.',
      'Mateus paged the database team — they joined the bridge at 10:04.',
      'Ruth opened the incident channel and the responders joined.',
      'Jonas set up the incident channel, which then filled with responders.',
    ]);
  });

  it('finds harm said to be a person\'s doing, a cleft on "the one who", and a passive agent before a clause', () => {
    expectEach(NAMED, [
      "The corrupted price cache was Bogdan's doing: he skipped the warm-up step.",
      'Farah repointed the CDN origin at the staging bucket — the storefront went dark for an hour.',
      'The change was rolled out by Amir after the freeze and it broke the login flow.',
      'Ms. Okoye, a contractor in Lagos, was the one who truncated the ledger.',
      'Tariq restarted the primary during peak traffic, which is how the outage began.',
    ]);
    expectEach(NONE, [
      "The quick failover was Bogdan's doing.",
      'Farah repointed the CDN origin at the new bucket — the storefront went live at noon.',
      'The fix was rolled out by Amir and it stopped the errors.',
      'Okoye was the one who restored the ledger.',
      // Response work in the passive, a person the failure reached, how the failure was found, a review found sound.
      'The ticket was escalated by Amir after the error budget alarm fired.',
      'Ms. Okoye, a customer in Lagos, was charged twice because of the retry storm.',
      'Tariq posted in #ops that payments looked slow, which is how the incident was declared.',
      'Ilse reviewed the migration, which was correct as written; the failure came from a later hotfix.',
    ]);
  });

  it('reads a name as the answer to a question about the failure, and harm owned in a possessive predicate', () => {
    expectEach(NAMED, [
      'Why did checkout fail on Friday? Because of Lorenzo.',
      "It is not the load balancer. It's Lorenzo.",
      "The exposed database snapshot was Lorenzo's.",
      "The corrupted export was Lorenzo's; he ran it against the wrong schema.",
    ]);
    expectEach(NONE, [
      'Who fixed the checkout outage? Lorenzo.',
      'Why was checkout slow? Because of a cold cache. Lorenzo warmed it up.',
      "The new dashboard was Lorenzo's.",
      "The laptop that was stolen was Lorenzo's.",
    ]);
  });

  it('finds a mistake made by a role when its effect follows, not a remark about mistakes', () => {
    expectEach(
      ['blame/human-error'],
      [
        'The on-call engineer made a typo in the firewall rule and the VPN dropped for every branch.',
        'Someone made an error in the retention setting; a week of logs was purged.',
      ],
    );
    expectEach(NONE, ['The moderator who made the mistake apologised.', 'We all make mistakes and learn from them.']);
  });

  it('reads a cause label named "reason", and a past perfect of change that explains the harm told before it', () => {
    expectEach(NAMED, [
      'Outage reason: Greta rotated the signing key without updating the verifiers, and every login failed.',
      'Checkout went down at noon; Greta had lowered the connection limit to five.',
    ]);
    expectEach(NONE, [
      'Reason for the delay: Greta was on holiday.',
      'Checkout was healthy all day; Greta had lowered the connection limit to five.',
      'Checkout went down at noon; Greta had restarted the primary an hour earlier.',
    ]);
  });

  it('reads "Everything" as a word, and a thing left "messed up" as no one\'s conduct', () => {
    expectEach(NONE, [
      'Everything went down after the config change.',
      'The configuration was messed up after the migration.',
      'The load balancer config got messed up during the upgrade.',
    ]);
    expectEach(['blame/judgment'], ['The config was messed up by the contractor.']);
    // A name the lists lack, before a scare-quoted verb, after a word that opens a sentence.
    expectEach(NAMED, ["Everything worked until Radek 'tidied' the DNS zone; after that no lookup resolved."]);
  });
});
