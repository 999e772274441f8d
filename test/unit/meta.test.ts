// Every rule has: a kebab-case family/name id, one file, a docs page, fixtures (with and without findings),
// a schema entry and a docs URL; and no generated file is stale.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { docsPath, generatedFiles, ROOT } from '../../scripts/generated';
import { ruleDocsUrl } from '../../server/src/core';
import { configSchema } from '../../server/src/core/config';
import { RULES } from '../../server/src/rules';

describe('every rule', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a kebab-case family/name id and its own file', () => {
        assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*\/[a-z]+(?:-[a-z]+)*$/);
        assert.ok(existsSync(join(ROOT, 'server/src/rules', `${rule.id}.ts`)), `server/src/rules/${rule.id}.ts`);
      });
      it('has a docs page with its generated block, Why and How to fix', () => {
        const path = join(ROOT, docsPath(rule));
        assert.ok(existsSync(path), `${docsPath(rule)} is missing`);
        const text = readFileSync(path, 'utf8');
        assert.ok(text.startsWith(`# ${rule.id}\n`), 'starts with "# <rule id>"');
        assert.ok(text.includes('<!-- rule-meta:start -->'), 'has the generated metadata block');
        assert.match(text, /^## Why/m);
        assert.match(text, /^## How to fix/m);
      });
      it('has fixtures with findings and clean ones', () => {
        const dir = join(ROOT, 'test/fixtures', rule.id);
        assert.ok(existsSync(dir), `test/fixtures/${rule.id}/ is missing`);
        const expected = readdirSync(dir)
          .filter((f) => f.endsWith('.expected.json'))
          .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown[]);
        assert.ok(
          expected.some((e) => e.length > 0),
          'at least one case with findings',
        );
        assert.ok(
          expected.some((e) => e.length === 0),
          'at least one clean case',
        );
      });
      it('has a config schema entry and a docs URL', () => {
        const schema = configSchema(RULES) as { properties: { rules: { properties: Record<string, unknown> } } };
        assert.ok(schema.properties.rules.properties[rule.id], 'schema entry');
        assert.equal(ruleDocsUrl(rule.id).endsWith(`${docsPath(rule)}`), true);
      });
    });
  }
});

describe('generated files', () => {
  for (const file of generatedFiles()) {
    it(`${file.path} is up to date (run npm run generate)`, () => {
      assert.equal(readFileSync(join(ROOT, file.path), 'utf8'), file.content);
    });
  }
  it('README.md has the rule table', () => {
    assert.ok(generatedFiles().some((f) => f.path === 'README.md'));
  });
});

describe('generated acronym list', () => {
  it('known.ts matches what scripts/generate-acronyms.ts makes from WordNet, dictionary-en and the cspell dictionaries', async () => {
    const { generateAcronyms } = await import('../../scripts/generate-acronyms');
    const file = join(__dirname, '..', '..', 'server', 'src', 'core', 'acronyms', 'known.ts');
    assert.equal(readFileSync(file, 'utf8'), generateAcronyms(), 'run scripts/generate-acronyms.ts');
  });
  it("english-words.ts matches the words of wink-nlp's vocabulary that isEnglishWord accepts", async () => {
    const { generateEnglishWords } = await import('../../scripts/generate-english-words');
    const file = join(__dirname, '..', '..', 'server', 'src', 'core', 'acronyms', 'english-words.ts');
    assert.equal(readFileSync(file, 'utf8'), generateEnglishWords(), 'run scripts/generate-english-words.ts');
  });
});

describe('generated blame lexicons', () => {
  it('given-names.ts, judgment-words.ts, conduct-words.ts, person-nouns.ts, products.ts and software-terms.ts match what their generators make from the installed data packages', async () => {
    const { generateGivenNames } = await import('../../scripts/generate-names');
    const { generateJudgment } = await import('../../scripts/generate-judgment');
    const { generateProducts } = await import('../../scripts/generate-products');
    const { generatePersonNouns } = await import('../../scripts/generate-person-nouns');
    const { generateConduct } = await import('../../scripts/generate-conduct');
    const dir = join(__dirname, '..', '..', 'server', 'src', 'core', 'blame', 'lexicon');
    assert.equal(
      readFileSync(join(dir, 'given-names.ts'), 'utf8'),
      generateGivenNames(),
      'run scripts/generate-names.ts',
    );
    assert.equal(
      readFileSync(join(dir, 'judgment-words.ts'), 'utf8'),
      generateJudgment(),
      'run scripts/generate-judgment.ts',
    );
    assert.equal(
      readFileSync(join(dir, 'conduct-words.ts'), 'utf8'),
      generateConduct(),
      'run scripts/generate-conduct.ts',
    );
    assert.equal(
      readFileSync(join(dir, 'person-nouns.ts'), 'utf8'),
      generatePersonNouns(),
      'run scripts/generate-person-nouns.ts',
    );
    assert.equal(
      readFileSync(join(dir, 'products.ts'), 'utf8'),
      generateProducts(),
      'run scripts/generate-products.ts',
    );
    const { generateSoftwareTerms } = await import('../../scripts/generate-software-terms');
    assert.equal(
      readFileSync(join(dir, 'software-terms.ts'), 'utf8'),
      generateSoftwareTerms(),
      'run scripts/generate-software-terms.ts',
    );
  });
});
