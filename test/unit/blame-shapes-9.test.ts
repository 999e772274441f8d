// Shapes of blame added in the ninth session (issue 9): the grammar between a person and their verb, numbers and code
// spans as single tokens, and the effect told after a change. Every sentence is written here, in new words; none is
// from a scored set. Each positive has look-alikes that must stay quiet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectEach, NAMED, NONE, tagged } from '../helpers/blame-shapes';

describe('blame shapes (issue 9, ninth session)', () => {
  it('keeps numbers with separators and the pieces of a code span whole', () => {
    const texts = (s: string) => tagged(s).map((t) => t.text);
    assert.deepEqual(texts('about 2.1 million rows at 14:02'), ['about', '2.1', 'million', 'rows', 'at', '14:02']);
    assert.deepEqual(texts('the next 12,000 inserts'), ['the', 'next', '12,000', 'inserts']);
    // A code span's non-word pieces are one noun each; its plain words stay words.
    const code = tagged('Mirela set `fetch.max.bytes=1` and ran `DROP TABLE ledgers` on `/srv/data`.');
    const piece = code.find((t) => t.text === 'fetch.max.bytes=1');
    assert.equal(piece?.pos, 'NOUN');
    assert.ok(code.some((t) => t.text === 'DROP'));
    assert.ok(code.some((t) => t.text === '/srv/data' && t.kind === 'word'));
    // No stop inside a code span is read as the end of a clause.
    assert.equal(code.filter((t) => t.text === '.').length, 1);
    // An unclosed backtick is a character, not a span.
    assert.deepEqual(texts('a ` b'), ['a', '`', 'b']);
  });

  it('finds the verb of a person’s work past the phrases attached to it', () => {
    expectEach(NAMED, [
      "Bilal's edit to nginx.conf (`worker_connections 64`) throttled every upstream to a trickle.",
      "Ottilie's purge script, which keys on the suffix `-old`, also matched `orders-old-2` and erased it.",
      "Mr. Okafor's firewall change, applied by him at 23:40 without a peer review, disabled the office VPN.",
      "Rasmus's tweak to the `retry.backoff.ms` setting in the producer config flooded the brokers.",
    ]);
    expectEach(NONE, [
      "Bilal's edit to nginx.conf (`worker_connections 4096`) restored the upstream capacity.",
      "Ottilie's audit script, which keys on the suffix `-old`, found three orphaned buckets.",
      "Mr. Okafor's 14:05 change (log level from INFO to WARN) was reverted as a precaution, but it had no effect on the outage.",
      "Rasmus's note in the runbook, written in March, describes the retry setting.",
    ]);
  });

  it('reads what followed a person’s change as its effect, unless it tells recovery, a next step or the response', () => {
    expectEach(NAMED, [
      'Kalani renamed the bucket prefix in the sync job, and the billing import quietly read empty folders for a week.',
      'Eero set `session.timeout=0` on the gateway during the upgrade, dropping about 3.4 million sessions.',
      'Yusra switched the queue to FIFO mode; the next 8,000 orders sat unprocessed until morning.',
      'Thabo moved the cron schedule to UTC and the nightly settlement ran twelve hours late.',
    ]);
    expectEach(NONE, [
      'Kalani renamed the bucket prefix back to its old value, and the billing import recovered within minutes.',
      'Eero merged the pull request and the deploy started at 10:02.',
      'Yusra switched the queue to FIFO mode and we paged the payments on-call.',
      'Thabo ran `git log -S timeout` on the repo to see when the value changed, and it pointed at a bot commit.',
    ]);
  });

  it('reads stopping, removing or redoing what is described as the problem as the response, unless it was a slip', () => {
    expectEach(NONE, [
      'Marisol killed the runaway reindex that had locked the catalogue table.',
      'Abebe re-ran the failed invoice batch once the upstream file arrived.',
      'Linnea shut down the leaking bucket policy before any more objects were listed.',
      'Okan replayed the dropped events from the archive topic.',
      'Tuulikki rerouted orders around the flapping payment gateway, and the decline rate fell back.',
      'Sione throttled the retry storm at the edge so the login service could catch up.',
      "Hiroko's fix for the rounding bug shipped at 09:10 and the ledger balanced that night.",
      "Thanks to Wendell's quick failover, the outage lasted four minutes instead of an hour.",
      'After the outage, Yasmin added a lint rule that rejects empty CIDR lists.',
    ]);
    expectEach(NAMED, [
      'Marisol accidentally killed the healthy primary instead of the hung replica.',
      "Hiroko's hotfix to the rounding code froze every checkout in Canada.",
      '@okan.b rebooted the primary mid-backup and the cluster never recovered.',
      "When Tuulikki removed the 'stale' DNS records, every client lost the API.",
    ]);
  });

  it('reads the incident as a label for the work or a time, documents that list, and changes found unrelated', () => {
    expectEach(NONE, [
      'Ottoline, the scribe, kept notes in the incident channel.',
      'Wiremu joined the on-call rota for the first time during this outage.',
      "Aurelio's change at 09:12 was checked during the incident and turned out to be a red herring.",
      'Greta was travelling; her handover doc listed the expiring certificate.',
    ]);
    expectEach(NAMED, [
      "Aurelio's change at 09:12 caused the incident.",
      'Greta deleted the incident channel while the outage was still going on, and the timeline was lost.',
    ]);
  });

  it('finds a named cause in table cells, scare-quoted work, a step left out, a script someone wrote and ran', () => {
    expectEach(NAMED, [
      '| 09:14 | Anselm | drops the `sessions_v2` table | every user is signed out |',
      'Search was down all morning, all thanks to Ottilie\'s "tiny" mapping change.',
      'Ewan failed the database over without draining it first, and 15 minutes of orders were lost.',
      'The job that Rukmini wrote and ran on Sunday overwrote every tax rate with zero.',
      'It was Caspian who set the log level to DEBUG on the gateway, filling its disk by noon.',
      'Cheers @tove.l, the queue is stuck because you paused every consumer.',
      "Bertil's purge job deleted 900 accounts it thought were spam.",
    ]);
    expectEach(NONE, [
      '| 09:14 | Anselm | restores the `sessions_v2` table | users can sign in again |',
      'Ewan failed the database over without losing any writes.',
      "Bertil's purge job deleted 900 spam accounts.",
      'Cheers @tove.l, the queue drained as soon as you resumed the consumers.',
    ]);
  });
});
