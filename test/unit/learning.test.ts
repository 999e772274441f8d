// Learning across incidents: the records read from the model, the ranking of related postmortems (on fixtures
// and on the real corpus, whose organisations have several incidents each), repeats with open actions, the CLI's
// `related` and markdown list parsed back, and the editor's related part and root-cause hover.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { RelatedOutput } from '../../server/src/cli/commands/related';
import { buildModel, createHeadingMatcher } from '../../server/src/core';
import {
  categoriesOf,
  DEFAULT_TAXONOMY,
  digestOf,
  findRepeats,
  incidentRecord,
  normaliseService,
  taxonomyOf,
  WorkspaceIndex,
} from '../../server/src/core/learning';
import { postmortemSummary } from '../../server/src/lsp/postmortem-view';
import { relatedRefs, withSimilarCauses } from '../../server/src/lsp/related';
import { nodeFiles } from '../../server/src/node/platform';
import { analyzeText } from '../helpers/analyze';
import { cli } from '../helpers/cli';
import { tempTree } from '../helpers/tmp';

const matcher = createHeadingMatcher({});
const record = (text: string, id: string) => incidentRecord(buildModel(text, matcher), id);
const FIXTURES = join(__dirname, '..', 'fixtures', 'learning', 'repeat-incident');
const CORPUS = join(__dirname, '..', 'corpus', 'real');
const read = (path: string) => readFileSync(path, 'utf8');
const CURRENT = read(join(FIXTURES, 'repeat.md'));
const EARLIER = read(join(FIXTURES, 'repeat.workspace', '2023-11-02-dns-records.md'));
const ELSEWHERE = read(join(FIXTURES, 'other-service.workspace', '2023-11-02-queue-records.md'));

describe('learning: records', () => {
  it('reads title, date, severity, services, cause categories and actions from the model', () => {
    const r = record(EARLIER, 'postmortems/2023-11-02-dns-records.md');
    assert.equal(r.title, 'DNS records removed by a Terraform apply');
    assert.equal(r.date, '2023-11-02');
    assert.equal(r.severity, 'SEV2');
    assert.deepEqual(r.declaredServices, ['dns']);
    assert.ok(r.services.includes('dns'));
    assert.ok(r.categories.includes('config'), r.categories.join());
    assert.deepEqual(r.actions, {
      total: 2,
      open: 1,
      done: 1,
      openTitles: ['Add a plan check that refuses deleting DNS records (owner: SRE, OPS-12)'],
    });
    assert.match(r.rootCause, /renamed the Terraform resource/);
  });

  it('takes the date from the file name when the document does not say it', () => {
    const r = record('# Outage\n\n## Root cause\n\nA bad deploy.\n', 'incidents/2022-03-04-outage.md');
    assert.equal(r.date, '2022-03-04');
  });

  it('normalises service names and finds components in the text', () => {
    assert.equal(normaliseService('K8s'), 'kubernetes');
    assert.equal(normaliseService(' Postgres '), 'postgresql');
    const r = record(
      '# Redis outage\n\n## Root cause\n\nRedis ran out of memory; the Redis eviction policy and static.crates.io were fine.\n',
      'x.md',
    );
    assert.ok(r.services.includes('redis'));
  });

  it('puts causes into categories by their wording', () => {
    assert.deepEqual(
      categoriesOf('The disk filled up: the queue backlog exhausted capacity.').map((c) => c.category),
      ['capacity'],
    );
    assert.ok(
      categoriesOf('A leaked token let an attacker publish a malicious release.').some(
        (c) => c.category === 'security',
      ),
    );
  });

  it("sorts causes by the config's taxonomy: added, replaced and dropped categories, RE2 patterns", () => {
    const config = {
      categories: {
        network: ['bgp', 'packet loss'],
        security: false as const,
        capacity: { title: 'Capacity', patterns: ['\\bp9\\d latency'] },
      },
    };
    const taxonomy = taxonomyOf(config);
    assert.deepEqual(
      taxonomy.categories.map((c) => c.name),
      ['change', 'config', 'dependency', 'capacity', 'hardware', 'process', 'network'],
    );
    assert.equal(taxonomyOf(config), taxonomy, 'cached per config object');
    const cats = (text: string, t = taxonomy) => categoriesOf(text, t).map((c) => c.category);
    assert.deepEqual(cats('A BGP session flapped, with packet loss.'), ['network']);
    assert.deepEqual(cats('A BGP session flapped, with packet loss.', DEFAULT_TAXONOMY), []);
    // Capacity's cues are now the pattern only: "queue backlog" no longer counts, "P99 latency" does.
    assert.deepEqual(cats('The queue backlog grew.'), []);
    assert.deepEqual(cats('P99 latency doubled.'), ['capacity']);
    assert.deepEqual(cats('A leaked token let an attacker in.'), []);
    // In an untrusted workspace the patterns are ignored (cue words still count).
    const untrusted = taxonomyOf({ ...config, untrusted: true });
    assert.deepEqual(cats('P99 latency doubled.', untrusted), []);
    assert.deepEqual(cats('A BGP route leak.', untrusted), ['network']);
    // A frontmatter tag counts when the taxonomy has it.
    const doc = '---\ncategories: [network]\n---\n# Outage\n\n## Root cause\n\nA cable was cut.\n';
    assert.deepEqual(incidentRecord(buildModel(doc, matcher), 'a.md', taxonomy).categories, ['network']);
    assert.deepEqual(incidentRecord(buildModel(doc, matcher), 'a.md').categories, []);
  });
});

describe('learning: related postmortems', () => {
  it('ranks the postmortem of the same service and cause first, and never the query itself', () => {
    const index = new WorkspaceIndex();
    index.set(record(CURRENT, 'current.md'));
    index.set(record(EARLIER, 'earlier.md'));
    index.set(record(ELSEWHERE, 'elsewhere.md'));
    for (const file of readdirSync(CORPUS).filter((f) => f.startsWith('hachyderm--'))) {
      index.set(record(read(join(CORPUS, file)), file));
    }
    const related = index.related(index.get('current.md') ?? assert.fail(), { limit: 3 });
    assert.equal(related[0]?.id, 'earlier.md');
    assert.ok(related.every((r) => r.id !== 'current.md'));
    assert.deepEqual(related[0]?.sharedServices, ['dns']);
    assert.ok(related[0]?.sharedCategories.includes('config'));
    assert.equal(related[0]?.earlier, true);
    assert.ok(related.every((r, i) => i === 0 || related[i - 1].score >= r.score));
  });

  it('on the real corpus, finds an incident of the same organisation first for most documents', () => {
    const index = new WorkspaceIndex();
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
    for (const file of files) index.set(record(read(join(CORPUS, file)), file));
    const org = (id: string) => id.split('--')[0];
    // Organisations with at least three postmortems: their incidents share services, systems and wording.
    const big = files.filter((f) => files.filter((g) => org(g) === org(f)).length >= 3);
    const sameOrgFirst = big.filter((f) => {
      const top = index.related(index.get(f) ?? assert.fail(), { limit: 1 })[0];
      return top !== undefined && org(top.id) === org(f);
    });
    assert.ok(sameOrgFirst.length / big.length >= 0.6, `${sameOrgFirst.length}/${big.length}`);
  });

  it('lists earlier postmortems of a similar cause for the hover', () => {
    const index = new WorkspaceIndex();
    index.set(record(CURRENT, 'current.md'));
    index.set(record(EARLIER, 'earlier.md'));
    const similar = index.similarCauses(index.get('current.md') ?? assert.fail());
    assert.deepEqual(
      similar.map((r) => r.id),
      ['earlier.md'],
    );
  });

  it('keeps the digest (what the worker receives) when only the wording changes', () => {
    const index = new WorkspaceIndex();
    index.set(record(EARLIER, 'earlier.md'));
    const before = index.workspace();
    index.set(record(EARLIER.replace('For 25 minutes', 'For twenty-five minutes'), 'earlier.md'));
    assert.equal(index.workspace(), before);
    index.set(record(EARLIER.replace('- [ ] Add a plan check', '- [x] Add a plan check'), 'earlier.md'));
    assert.notEqual(index.workspace(), before);
  });
});

describe('learning: repeats', () => {
  const current = record(CURRENT, 'current.md');
  it('finds an earlier incident of the same service and cause with open actions', () => {
    const repeats = findRepeats(current, [digestOf(record(EARLIER, 'earlier.md'))]);
    assert.deepEqual(
      repeats.map((r) => [r.incident.id, r.services, r.categories.includes('config')]),
      [['earlier.md', ['dns'], true]],
    );
  });
  it('ignores later incidents, other declared services and finished actions', () => {
    const later = record(EARLIER.replace(/2023-11-02/g, '2024-09-30'), 'later.md');
    const done = record(EARLIER.replace('- [ ] Add', '- [x] Add'), 'done.md');
    const other = record(ELSEWHERE, 'other.md');
    assert.deepEqual(findRepeats(current, [later, done, other].map(digestOf)), []);
  });
  it("counts another organisation's same-named service as related, not a repeat", () => {
    const org = (text: string, name: string) =>
      text.replace('services: [dns]', `services: [dns]\norganisation: ${name}`);
    const mine = record(org(CURRENT, 'Acme Corp'), 'current.md');
    assert.equal(mine.organisation, 'acme corp');
    const theirs = record(org(EARLIER, 'Globex'), 'globex.md');
    const ours = record(org(EARLIER, 'acme  corp'), 'acme.md');
    const undeclared = record(EARLIER, 'undeclared.md');
    assert.deepEqual(
      findRepeats(mine, [theirs, ours, undeclared].map(digestOf)).map((r) => r.incident.id),
      ['acme.md', 'undeclared.md'],
    );
    const { findings } = analyzeText(org(CURRENT, 'Acme Corp').replace('organisation:', 'organization:'));
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'metadata/unknown-key'),
      [],
    );
  });
});

describe('learning: CLI', () => {
  const tree = () =>
    tempTree({
      'postmortems/2024-05-14-dns-change.md': CURRENT,
      'postmortems/2023-11-02-dns-records.md': EARLIER,
      'postmortems/2023-11-02-queue-records.md': ELSEWHERE,
    });

  it('postmortem related --format json lists the neighbours, parsed back', async () => {
    const root = tree();
    const { code, stdout } = await cli(root, ['related', 'postmortems/2024-05-14-dns-change.md', '--format', 'json']);
    assert.equal(code, 0);
    const out = JSON.parse(stdout) as RelatedOutput;
    assert.equal(out.filePath, 'postmortems/2024-05-14-dns-change.md');
    assert.equal(out.indexed, 3);
    assert.equal(out.related[0]?.filePath, 'postmortems/2023-11-02-dns-records.md');
    assert.deepEqual(out.related[0]?.sharedServices, ['dns']);
    assert.equal(out.related[0]?.openActions, 1);
    assert.ok(out.related.every((r) => r.filePath !== out.filePath));
  });

  it('postmortem related prints a table, one row per related postmortem', async () => {
    const root = tree();
    const { code, stdout } = await cli(root, ['related', 'postmortems/2024-05-14-dns-change.md']);
    assert.equal(code, 0);
    const rows = stdout.split('\n').filter((l) => /^\d+\s/.test(l));
    assert.ok(rows.length >= 1);
    assert.match(
      rows[0],
      /DNS records removed by a Terraform apply.*service dns.*postmortems\/2023-11-02-dns-records\.md$/,
    );
  });

  it('postmortem related: a missing file is exit code 2', async () => {
    const { code, stderr } = await cli(tree(), ['related', 'nope.md']);
    assert.equal(code, 2);
    assert.match(stderr, /nope\.md/);
  });

  it('lint reports the repeat, and the markdown report lists related past incidents', async () => {
    const root = tree();
    const json = await cli(root, ['lint', '--format', 'json']);
    const results = JSON.parse(json.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    const current = results.find((r) => r.filePath.endsWith('2024-05-14-dns-change.md'));
    assert.deepEqual(
      current?.messages.filter((m) => m.ruleId === 'learning/repeat-incident').map((m) => m.line),
      [24],
    );
    const md = await cli(root, ['lint', '--format', 'markdown']);
    const section = md.stdout.split('### `postmortems/2024-05-14-dns-change.md`')[1]?.split('### ')[0] ?? '';
    const list = section.split('**Related past incidents**')[1]?.split('\n\n')[1] ?? '';
    const items = list.split('\n').filter((l) => l.startsWith('- '));
    assert.ok(items.length >= 1, section);
    assert.match(
      items[0],
      /DNS records removed by a Terraform apply \(2023-11-02, `postmortems\/2023-11-02-dns-records\.md`\): service `dns`/,
    );
  });
});

describe('learning: editor', () => {
  it("the summary's related part names the shared service or cause and the date", () => {
    const index = new WorkspaceIndex();
    const folder = '/work/space';
    const uri = (name: string) => URI.file(`${folder}/postmortems/${name}`).toString();
    index.set(record(CURRENT, uri('current.md')));
    index.set(record(EARLIER, uri('earlier.md')));
    const summary = postmortemSummary(uri('current.md'), 1, analyzeText(CURRENT), ['summary']);
    summary.related = relatedRefs(index.related(index.get(uri('current.md')) ?? assert.fail()), [folder], nodeFiles);
    const first = summary.related[0];
    assert.equal(first?.uri, uri('earlier.md'));
    assert.equal(first?.relativePath, 'postmortems/earlier.md');
    assert.equal(first?.date, '2023-11-02');
    assert.match(first?.reason ?? '', /service dns · cause: configuration/);
    // The shape crosses JSON-RPC as it is.
    assert.deepEqual(JSON.parse(JSON.stringify(summary.related)), summary.related);
  });

  it('the root-cause hover says "Similar cause in N earlier postmortems"', () => {
    const index = new WorkspaceIndex();
    index.set(record(CURRENT, 'file:///c.md'));
    index.set(record(EARLIER, 'file:///e.md'));
    const analysis = analyzeText(CURRENT);
    const model = analysis.model ?? assert.fail();
    const heading = model.allSections.find((s) => s.kinds.includes('root-cause')) ?? assert.fail();
    const hover = withSimilarCauses(
      null,
      index.similarCauses(index.get('file:///c.md') ?? assert.fail()),
      model.lines,
      heading,
    );
    assert.ok(hover);
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Similar cause in 1 earlier postmortem\*\*/);
    assert.match(value, /\[DNS records removed by a Terraform apply\]\(file:\/\/\/e\.md\) \(2023-11-02\)/);
    assert.equal(hover.range?.start.line, 23);
  });
});

describe('learning: the server index sorts causes by the config of each file', () => {
  it('reads records from disk with the taxonomy the host gives for their path', async () => {
    const { WorkspaceIncidents } = await import('../../server/src/lsp/workspace-incidents');
    const { nodeServerPlatform } = await import('../../server/src/node/platform');
    const root = tempTree({
      'postmortems/a.md': '# Edge outage\n\n## Root cause\n\nA BGP session flapped.\n',
    });
    const network = taxonomyOf({ categories: { network: ['bgp'] } });
    const incidents = new WorkspaceIncidents({
      folders: [root],
      files: nodeServerPlatform(),
      analyse: (_path, text) => buildModel(text, matcher),
      taxonomyFor: () => network,
      isOpen: () => false,
    });
    const index = await incidents.ready();
    const uri = URI.file(join(root, 'postmortems', 'a.md')).toString();
    assert.deepEqual(index.get(uri)?.categories, ['network']);
  });
});
