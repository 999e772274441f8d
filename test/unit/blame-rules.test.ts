// The four blame rules through the whole analysis: what they flag, what they leave alone, ranges, precedence,
// options and the document context.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, findingsOf } from '../helpers/analyze';

const doc = (body: string, frontmatter = '') => `${frontmatter}# Postmortem: test\n\n## Details\n\n${body}\n`;
const blame = (body: string, file?: Parameters<typeof analyzeText>[1], frontmatter = '') =>
  analyzeText(doc(body, frontmatter), file).findings.filter((f) => f.ruleId.startsWith('blame/'));
const rulesOf = (body: string, file?: Parameters<typeof analyzeText>[1], frontmatter = '') =>
  blame(body, file, frontmatter).map((f) => f.ruleId);

describe('blame/named-individual', () => {
  it('flags a named person or @handle as the agent or cause of harm, on the name', () => {
    const text = doc('Gustavo took down the EU cluster by draining all three nodes at once.');
    const [finding] = findingsOf(text, 'blame/named-individual');
    assert.equal(text.slice(finding.start, finding.end), 'Gustavo');
    assert.match(finding.message, /names "Gustavo"/);
    assert.deepEqual(rulesOf('We lost two hours of data after @rafa.m truncated the events table.'), [
      'blame/named-individual',
    ]);
    assert.deepEqual(rulesOf("It was Rahul's deploy that introduced the memory leak."), ['blame/named-individual']);
    assert.deepEqual(rulesOf('Leila is to blame for the expired certificate.'), ['blame/named-individual']);
  });

  it('leaves names in neutral roles and products that look like names alone', () => {
    for (const body of [
      'Incident commander: Priya Patel',
      '- 14:03 Alice restarted the primary and confirmed replication had caught up.',
      'Jenkins failed to start the job because the agent pool was empty.',
      'Harvey (our Slack deploy bot) merged the release branch at 16:40 as scheduled.',
      'Thanks to Marco for the quick rollback.',
      'Sofia was paged at 02:10, but the page was routed to a removed phone number.',
      'Jonas will own the follow-up to add synthetic checks.',
      '@dependabot opened the PR that bumped the TLS library.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });

  it('finds the person through grammar: pronouns, possessive work, clauses of cause, verdicts, mentions', () => {
    for (const body of [
      // a pronoun for the one person named
      'Paulo admits he truncated the wrong table, which wiped a day of orders.',
      // a remedy verb in the clause that starts the failure
      'Checkout errors began when Ingeborg restarted the gateway during the sale.',
      // possessive work in quotes, a pseudo-cleft; hyphenated work
      "Mateus's 'small cleanup' of the DNS zone is what broke mail delivery.",
      "Olumide's clean-up of the cron table removed the backup job.",
      // what happened to the person's work, then the harm
      "Tuomas's migration was applied to the live cluster and it locked the accounts table.",
      // a fronted participle clause tells the effect
      'Dropping every index on the replica, Chidi ran the maintenance script.',
      // verdicts and cause phrases
      'The checkout outage is on Farida.',
      'The data loss is down to Henrik.',
      'Outage attributed to: @k.osei',
      'The culprit here is Dariusz.',
      // consequences after a semicolon, a change participle, a resultative "left X on"
      '| 09:12 | Priyanka restarts both brokers at once; producers lose their buffered messages |',
      'Ravi ran the reindex against the primary, evicting every cached session.',
      'Nomvula had left the debug flag on, so the API kept logging card numbers.',
      // a Slack mention by display name
      '<@Amara Okafor> deleted the audit bucket at 11:02 and the compliance export failed.',
    ]) {
      assert.deepEqual(rulesOf(body), ['blame/named-individual'], body);
    }
    for (const body of [
      'Paulo says he restarted the pods, and the errors stopped.',
      'Kofi said the deploy had caused the errors.',
      'The outage ended when Ingeborg restarted the gateway.',
      'The follow-up is on Farida.',
      'Thanks to Henrik for restoring the replica since the outage.',
      'Thanks to Henrik, the outage lasted minutes rather than hours.',
      'Nomvula left the call at 03:10.',
      "Mateus's 'small cleanup' of the runbook made the steps clearer.",
      '<@Amara Okafor> joined the bridge at 11:02.',
      'Chidi ran the drill, following the runbook step by step.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });

  it('learns systems from the document: a code span or "X (our … bot)" makes a name a product', () => {
    assert.deepEqual(rulesOf('Otto deleted the release branch, which broke every build.'), ['blame/named-individual']);
    assert.deepEqual(
      rulesOf('`otto` runs our releases. Otto deleted the release branch, which broke every build.'),
      [],
    );
  });

  it('learns people from the frontmatter and offers to replace the name with the role it gives', () => {
    const frontmatter = '---\nparticipants:\n  Kofo Adeyemi: release engineer\n---\n';
    const text = doc('Kofo shipped a bad migration that locked the orders table.', frontmatter);
    const [finding] = findingsOf(text, 'blame/named-individual');
    assert.ok(finding, 'the frontmatter makes an unknown given name a person');
    assert.equal(finding.data?.role, 'release engineer');
    assert.match(finding.message, /the release engineer/);
    const replace = finding.fixes?.find((f) => f.title.startsWith('Replace'));
    assert.deepEqual(replace?.edits, [{ start: finding.start, end: finding.end, text: 'The release engineer' }]);
    assert.equal(replace?.safe, false);
  });
});

describe('blame/human-error', () => {
  it('flags human error and its kin as a cause or a classification', () => {
    for (const body of [
      'Root cause: human error.',
      'The failover was delayed by operator error.',
      'This incident was caused by a mistake made by the operator during failover.',
      'The problem was PEBKAC, plain and simple.',
      '| Root cause | Human error |',
      "The review board classifies this outage as 'operator error'.",
    ]) {
      assert.deepEqual(rulesOf(body), ['blame/human-error'], body);
    }
  });

  it('leaves technical senses, quotes and rejections alone', () => {
    for (const body of [
      'The client library returns a user error for payloads over 1 MB.',
      'The operator error count in the reconciliation metrics climbed after the CRD upgrade.',
      'We avoid saying "human error" in postmortems because it ends the investigation.',
      'Human error is where an investigation starts, not where it ends.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });
});

describe('blame/judgment', () => {
  it('flags judgments of conduct', () => {
    for (const body of [
      'The developer recklessly disabled TLS verification.',
      "The engineer didn't even bother to check which cluster they were connected to.",
      'The admin ignored the deprecation warnings for a year.',
      'The database admin is to blame for leaving autovacuum disabled.',
      'Blame lies squarely with the release team.',
      'The on-call paid little attention to the disk alarms.',
      'The vendor showed zero urgency about the expired root certificate.',
      'The web team ignored the latency alert for a week.',
    ]) {
      assert.deepEqual(rulesOf(body), ['blame/judgment'], body);
    }
  });

  it('leaves technical senses and negations alone', () => {
    for (const body of [
      'The image service uses lazy loading for thumbnails.',
      'The sloppy quorum accepted the writes.',
      'The latency impact was negligible.',
      'The parser ignored the unknown field.',
      'Nobody is to blame for this outage.',
      'Blame lies with the retry logic, which doubled every request.',
      'The cache paid no attention to the TTL header.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });
});

describe('blame/counterfactual', () => {
  it('flags hindsight about people, with the subject in the message data', () => {
    const text = doc('The on-call should have paged the database team immediately.');
    const [finding] = findingsOf(text, 'blame/counterfactual');
    assert.equal(text.slice(finding.start, finding.end), 'should have');
    for (const body of [
      'The engineer failed to roll back the change when the alerts started.',
      'If the developer had written a test for the empty list, the bug would not have shipped.',
      'It should have been obvious that the new certificate chain would break the old clients.',
      'The change should have been tested in staging first.',
      "Why didn't the on-call escalate sooner?",
      'It would have taken the on-call ten seconds to check the replication lag.',
    ]) {
      assert.deepEqual(rulesOf(body), ['blame/counterfactual'], body);
    }
  });

  it('leaves systems, impact, action items and obligations alone', () => {
    for (const body of [
      'The load balancer should have drained the node, but the health check was misconfigured.',
      'Without the read replicas, the impact could have lasted several hours.',
      'The deploy pipeline failed to roll back after the health check timed out.',
      'We should add an alert for disk usage on the ingest nodes.',
      'Nobody should have to page three teams to get a DNS change approved.',
      'We should have alerting on config load failures.',
      'It should have been obvious to the scheduler that the node was drained.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });
});

describe('precedence, options and configuration', () => {
  it("reports one verdict per sentence, in the GUIDE's order", () => {
    assert.deepEqual(rulesOf('Paolo should have known the flag applied to every region.'), ['blame/named-individual']);
    assert.deepEqual(rulesOf('This was a negligent failure to protect customer data.'), ['blame/judgment']);
    assert.deepEqual(rulesOf('The engineer was careless; it was human error.'), ['blame/human-error']);
  });

  it('lets a lower rule report when the higher one is off', () => {
    const file = { rules: { 'blame/named-individual': 'off' as const } };
    assert.deepEqual(rulesOf('Paolo should have known the flag applied to every region.', file), [
      'blame/counterfactual',
    ]);
  });

  it("honours each rule's allow list, ignoring case", () => {
    assert.deepEqual(
      rulesOf('The engineer was careless.', { rules: { 'blame/judgment': { allow: ['CARELESS'] } } }),
      [],
    );
    assert.deepEqual(
      rulesOf('The on-call should have paged.', { rules: { 'blame/counterfactual': { allow: ['should have'] } } }),
      [],
    );
    assert.deepEqual(
      rulesOf('Otto deleted the bucket, which broke the build.', {
        rules: { 'blame/named-individual': { allow: ['otto'] } },
      }),
      [],
    );
  });

  it('is silenced by disable comments, including the same-line form', () => {
    assert.deepEqual(rulesOf('<!-- postmortem-disable-next-line blame/judgment -->\nThe engineer was careless.'), []);
    assert.deepEqual(rulesOf('- The engineer was careless. <!-- postmortem-disable-line blame/judgment -->'), []);
    assert.deepEqual(rulesOf('- The engineer was careless. <!-- postmortem-disable-line blame/counterfactual -->'), [
      'blame/judgment',
    ]);
  });

  it('skips code, inline code, URLs and HTML comments', () => {
    assert.deepEqual(rulesOf('```\nThe engineer was careless.\n```'), []);
    assert.deepEqual(rulesOf('Run `careless --human-error` now.'), []);
    assert.deepEqual(rulesOf('See https://example.com/careless-human-error for the log.'), []);
    assert.deepEqual(rulesOf('<!-- The engineer was careless. -->'), []);
  });

  it('puts the finding on the words, across lines, with CRLF and emphasis', () => {
    const text =
      '# Postmortem: test\r\n\r\n## Details\r\n\r\nIn the end the *engineer* was\r\n**careless** with the flag.\r\n';
    const [finding] = findingsOf(text, 'blame/judgment');
    assert.equal(text.slice(finding.start, finding.end), 'careless');
    assert.equal(finding.line, 6);
    assert.equal(finding.column, 3);
  });
});

describe('shapes that generalise (issue 9)', () => {
  it('finds a named person through honorifics, initials, nicknames, clefts, clauses of time and the person spoken to', () => {
    for (const body of [
      'The duplicate refunds were caused by Ms. Adebayo replaying the refund batch.',
      'The data leak resulted from an export run by contractor T. Lindqvist.',
      '| Agent: Oksana K. | Action: dropped the staging schema | Effect: 40 min of failed deploys |',
      'Root cause: the firewall rules that Teodor edited on Sunday.',
      'Orders stopped flowing the moment Kasia flipped the routing flag.',
      'It was Bruno from finance who ran the payout job twice, paying every vendor double.',
      'Everything was quiet until Lars "tidied up" the cron table.',
      'The billing errors started because Jo set the tax region to the wrong country.',
      'Search went down after Ivo pushed the new analyzer, and the index partitioned.',
      'Lukas approved his own change and rolled it to every region.',
      'Well done, Pieter — the new cache config took down the storefront in four minutes.',
      "It's on Malik — he restarted the brokers during the backfill.",
      'Rafa, you wiped the staging bucket.',
      "The migration that corrupted the ledger was Noor's.",
    ]) {
      assert.deepEqual(rulesOf(body), ['blame/named-individual'], body);
    }
  });

  it('finds human error, judgment and hindsight in new wordings', () => {
    const cases: [string, string][] = [
      ['Wrong operation by the duty engineer left the pumps off.', 'blame/human-error'],
      ['Misoperation of the console by staff stopped the line.', 'blame/human-error'],
      ['Incident category: personnel', 'blame/human-error'],
      ['The outage came down to an operator making a mistake in the VLAN table.', 'blame/human-error'],
      ['The storage team neglected their on-call duties that night.', 'blame/judgment'],
      ['The reviewers sailed past every warning in the CI output.', 'blame/judgment'],
      ['The culprits were the two admins who skipped the checklist.', 'blame/judgment'],
      ['The whole rollout was a lesson in how not to migrate a database.', 'blame/judgment'],
      ['Whoever merged it obviously never opened the diff.', 'blame/judgment'],
      ['The cutover was a rush job.', 'blame/judgment'],
      ['The finance team was supposed to freeze the ledger before the export.', 'blame/counterfactual'],
      ['The schema change needed to have been reviewed by the DBA team.', 'blame/counterfactual'],
      ['The rollout should have been held for the change board.', 'blame/counterfactual'],
      ['Customers should have been told about the maintenance window.', 'blame/counterfactual'],
      ['A dry-run deploy would have caught the typo.', 'blame/counterfactual'],
    ];
    for (const [body, rule] of cases) assert.deepEqual(rulesOf(body), [rule], body);
  });

  it('leaves the look-alikes of the issue and of the new shapes alone', () => {
    for (const body of [
      // the real look-alikes: a capability, an expectation, a safeguard, the person who fixed it
      'Anyone that possesses the validator key could have also restarted the chain.',
      'The network saw a load similar to one we would have expected to see months from now.',
      'Had we not been monitoring, the faulty validator would have advanced the chain.',
      'The solution was fast once Aron managed to fix it.',
      // praise for a remedy, duties of systems, culprits that are things, passing tests
      'Thanks, Priya, for staying on the bridge while the database crashed twice.',
      'Cheers, Tom, the rollback worked and checkout recovered.',
      "It's on Kenji to follow up with the vendor.",
      'Everything looked normal until Ana noticed the queue growing.',
      'The errors stopped the moment Ayşe toggled the flag off.',
      'The errors stopped after Ayşe toggled the flag off.',
      "The laptop that crashed was Chen's.",
      'Ana analysed the broken config.',
      '- 11:05 Fix deployed; incident resolved.',
      '14:02 @kwabena restarted the ingest workers; queue depth started dropping at 14:05.',
      'The outage started after Ops changed the firewall rules.',
      'The monitoring job neglected its duties after the upgrade.',
      'The real culprit was the retry policy.',
      'The deploy sailed through the tests.',
      'The load balancer waved traffic through to the old pool.',
      'Users were meant to see a maintenance page.',
      'Customers should have been charged once; the bug charged them twice.',
      'The user error count rose to 400 per minute.',
      'The issue manifest in our users seeing errors like this when running the CLI.',
      'What we saw was a storage controller fault, not operator action.',
      // housekeeping: removing what is no longer needed; a product named after an acronym
      'Nadia removed the old snapshots from the cache host to free space.',
      'Tomas deleted the obsolete signing keys after the rotation.',
      'AWS Lambda experienced throttling during the spike.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });

  it('finds a check a person left undone, as "failed to" says it', () => {
    assert.deepEqual(rulesOf("Marco didn't check the free disk space after the migration."), [
      'blame/named-individual',
    ]);
    assert.deepEqual(rulesOf('The platform team did not test the new retry settings.'), ['blame/counterfactual']);
    assert.deepEqual(rulesOf('We never verified the restore procedure.'), ['blame/counterfactual']);
    for (const body of [
      'We did not notice any impact on customers.',
      "The on-call engineer didn't check the replica lag because the dashboard showed it as healthy.",
      'No service uses that path outside production, so we did not catch the bug in testing.',
      'The change was not tested on ARM hosts.',
      'The load balancer did not check the health endpoint often enough.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });

  it('finds a verdict on a decision, and haste as a cause', () => {
    assert.deepEqual(rulesOf('This was the wrong call.'), ['blame/judgment']);
    assert.deepEqual(rulesOf('The decision to skip the canary was a poor decision.'), ['blame/judgment']);
    assert.deepEqual(rulesOf('Root causes: haste and unclear ownership.'), ['blame/judgment']);
    for (const body of [
      'Rolling back first was the right call.',
      'The client made a wrong call to the billing API.',
      'We merged the fix hastily, before the full audit, to close the hole.',
    ]) {
      assert.deepEqual(rulesOf(body), [], body);
    }
  });

  it('still finds a person named after their role acronym', () => {
    assert.deepEqual(rulesOf('SRE Dana deleted the production database by mistake.'), ['blame/named-individual']);
  });

  it("keeps hindsight about the team's actions and leaves a change to the system alone (issue 16)", () => {
    // The two sentences of the Rust DNS postmortem are labelled clear hindsight in real-blame-notes.md: what the team
    // could have done (deploy the changes one by one, deploy them when merged).
    assert.deepEqual(
      rulesOf(
        'The outage could have been avoided by deploying the changes to the TLS certificate and DNS records individually.',
      ),
      ['blame/counterfactual'],
    );
    assert.deepEqual(
      rulesOf(
        'If we had deployed the changes when they were merged into the main branch, we would have isolated the DNS change.',
      ),
      ['blame/counterfactual'],
    );
    // A mechanism as the means, no person as the agent: systems analysis.
    assert.deepEqual(rulesOf('The outage could have been avoided by a lock on the migration table.'), []);
    assert.deepEqual(rulesOf('The outage could have been prevented with per-record TTLs on the zone.'), []);
    assert.deepEqual(rulesOf('The outage could have been avoided with more care from the on-call.'), [
      'blame/counterfactual',
    ]);
  });
});
