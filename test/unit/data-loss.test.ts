// impact/data-loss applies to storage incidents only: a stated storage failure, not a database product's name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { STORAGE_WORDS, storageFailure } from '../../server/src/rules/impact/data-loss';
import { findingsOf } from '../helpers/analyze';

const REAL = join(__dirname, '..', 'corpus', 'real');
const words = new Set(STORAGE_WORDS);

describe('impact/data-loss on the real corpus', () => {
  it('leaves the iasql deployment failure alone: postgres functions and databases named, nothing of them failed', () => {
    const text = readFileSync(join(REAL, 'iasql--001-v0-0-19-deployment-failure.md'), 'utf8');
    assert.match(text, /postgres function/); // what made the old rule fire
    assert.deepEqual(findingsOf(text, 'impact/data-loss'), []);
  });

  it('leaves the iasql memory leak alone (Postgres databases set up and torn down, none failing)', () => {
    const text = readFileSync(join(REAL, 'iasql--003-v0-0-26-release.md'), 'utf8');
    assert.deepEqual(findingsOf(text, 'impact/data-loss'), []);
  });

  it('asks the docs.rs outage, whose disk filled up, whether data was lost', () => {
    const text = readFileSync(join(REAL, 'rust--2019-10-docsrs-outage-postmortem.md'), 'utf8');
    const found = findingsOf(text, 'impact/data-loss');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].data, { word: 'disk', where: 'summary', phrase: 'disk space' });
  });
});

describe('storageFailure', () => {
  const cases: [string, string | undefined][] = [
    ['The primary database failed over to its replica.', 'database'],
    ['The disk was full.', 'disk'],
    ['We saw disk corruption on two nodes.', 'disk'],
    ['Nightly backups were deleted by the retention job.', 'backups'],
    ['About 3,000 order rows were deleted.', 'rows'],
    ['The loss of customer data was noticed at 10:00.', 'data'],
    // Mentions without a failure, hypothetical or denied failures, other things failing.
    ['The upgrade calls a postgres function.', undefined],
    ['Locks prevent accidental corruption of the database.', undefined],
    ['The database did not fail.', undefined],
    ['The postgres functions now fail fast during upgrades.', undefined],
    ['We deleted all account data for the users as they requested.', undefined],
    ['The database was healthy; the API failed.', undefined],
  ];
  for (const [text, word] of cases) {
    it(`${word ?? 'none'}: ${text}`, () => assert.equal(storageFailure(text, words)?.word, word));
  }
});
