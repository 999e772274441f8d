import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isPostmortem } from '../../server/src/core';
import { createPostmortemService, memoryHost } from '../../server/src/core/service';
import { RULES } from '../../server/src/rules';

const ROOT = join(__dirname, '..', '..');
/** A path that says nothing: only the content decides. */
const NEUTRAL = 'blog/2024-05-14.md';

describe('which Markdown is a postmortem', () => {
  it('matches the default path globs, relative or absolute, any OS separator', () => {
    for (const path of [
      'docs/postmortems/2024-01-01.md',
      '/home/me/repo/post-mortems/x.md',
      'incidents/2024/db.markdown',
      'notes/2024-05-db-postmortem.md',
      'C:\\repo\\postmortems\\x.md',
      'team/Q3-Post-Mortem.md',
    ]) {
      assert.ok(isPostmortem(path, '# Notes\n'), path);
    }
    assert.equal(isPostmortem('docs/readme.md', '# Notes\n'), false);
  });

  it('recognises frontmatter type and titles naming a postmortem', () => {
    assert.ok(isPostmortem('a.md', '---\ntype: postmortem\n---\n# DB\n'));
    assert.ok(isPostmortem('a.md', '+++\ntype = "post-mortem"\n+++\n'));
    assert.ok(isPostmortem('a.md', '---\ntitle: "Incident report: DNS"\n---\n'));
    assert.ok(isPostmortem('a.md', '# Postmortem for v0.0.19 deployment failure\n'));
    assert.ok(isPostmortem('a.md', '\uFEFF# Incident Review: checkout\n'));
    assert.ok(isPostmortem('a.md', 'Post mortem: login\n===\n'));
    assert.equal(isPostmortem('a.md', '# Team notes\n\nWe wrote a postmortem last week.\n'), false);
    assert.equal(isPostmortem('a.md', '---\ntype: runbook\n---\n# Restart the DB\n'), false);
  });

  it('does not take an index page in a postmortems folder for a postmortem', () => {
    const index = [
      '# Postmortems',
      '',
      'Our public incident reviews, newest first.',
      '',
      '## 2024',
      '',
      '- [Search outage](2024-03-01-search.md)',
      '- [Login errors](./2024-01-12-login.md)',
      '',
      '```md',
      '## Timeline',
      '```',
    ].join('\n');
    assert.equal(isPostmortem('docs/postmortems/README.md', index), false);
    assert.equal(isPostmortem('incidents/index.md', index), false);
    // The same text under another name is still taken by its path.
    assert.ok(isPostmortem('docs/postmortems/2024-index-outage.md', index));
    // A README that is itself a postmortem (it has a postmortem's parts) stays one.
    const postmortem = `${index}\n\n## Timeline (UTC)\n\n- 10:00 Deploy.\n\n## Root cause\n\nA bad flag.\n`;
    assert.ok(isPostmortem('docs/postmortems/README.md', postmortem));
    // A README with one link is not an index; one that says it is a postmortem in its frontmatter is one.
    assert.ok(isPostmortem('postmortems/README.md', '# Notes\n\nSee [the runbook](run.md).\n'));
    assert.ok(isPostmortem('postmortems/README.md', `---\ntype: postmortem\n---\n${index}`));
  });

  it('takes custom globs', () => {
    assert.ok(isPostmortem('retros/2024-01.md', '# x', ['retros/**']));
    assert.equal(isPostmortem('docs/postmortems/x.md', '# x', ['retros/**']), false);
  });
});

describe('which Markdown is a postmortem by its content', () => {
  it('takes a document with three parts, a timeline or cause among them, whatever its name and title', () => {
    // The shape of DFDS's postmortems: an ordinary title, parts under the team's own headings.
    const dfds = [
      '# Bad node image',
      '',
      '## Summary',
      '',
      'Nodes became unhealthy after the daily rollover.',
      '',
      '## Timeline',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 09:00 | Rollover starts |',
      '',
      '## Contributing Factors',
      '',
      '- A recalled image was picked up.',
      '',
      '## Action Items',
      '',
      '- Pin the image.',
    ].join('\n');
    assert.ok(isPostmortem(NEUTRAL, dfds));
    assert.ok(isPostmortem(undefined, dfds));
    assert.ok(isPostmortem('README.md', dfds), 'a README that is a postmortem');
  });

  it('finds parts under bold labels as the rules do', () => {
    const bold = [
      '# Friday night',
      '',
      '**What happened?**',
      '',
      'Queues backed up.',
      '',
      '**Timeline:** 22:00 queues grow; 23:10 workers added.',
      '',
      '**Root Cause**: one worker pool served every queue.',
      '',
      '**Impact:** notifications were an hour late.',
    ].join('\n');
    assert.ok(isPostmortem(NEUTRAL, bold));
  });

  it("does not count the timeline's time headings as headings about something else", () => {
    const text = [
      '# Postmortem: search outage',
      '',
      '## Timeline',
      '',
      '### 09:12 UTC Index rebuild starts',
      '',
      'Latency rises.',
      '',
      '### 09:30 UTC Alert fires',
      '',
      '### 09:55 UTC Rebuild paused, latency recovers',
      '',
    ].join('\n');
    assert.ok(isPostmortem(NEUTRAL, text));
  });

  it('takes two parts when the title or description names an incident, or a severity is given', () => {
    // The shape of Homebrew's security incident disclosures.
    const parts = "\n\n### What was impacted\n\nOne cask.\n\n### What we're doing about it\n\nReviewing CI.\n";
    assert.ok(isPostmortem(NEUTRAL, `---\ntitle: Security Incident Disclosure\n---\n${parts}`));
    assert.ok(isPostmortem(NEUTRAL, `# Global outage: 504 timeouts${parts}`));
    assert.ok(
      isPostmortem(NEUTRAL, `---\ntitle: Queues\ndescription: "A minor unplanned degradation."\n---\n${parts}`),
    );
    assert.ok(isPostmortem(NEUTRAL, `---\nseverity: SEV2\n---\n# Queues${parts}`));
    assert.equal(isPostmortem(NEUTRAL, `# Release 2.0${parts}`), false);
    // An identifier is not a word: a rule's docs page named learning/repeat-incident.
    assert.equal(isPostmortem(NEUTRAL, `# learning/repeat-incident${parts}`), false);
  });

  it("takes frontmatter with an incident's milestones or commander", () => {
    assert.ok(isPostmortem(NEUTRAL, '---\nstarted: 2024-05-14T09:00Z\n---\n# Checkout\n'));
    assert.ok(isPostmortem(NEUTRAL, '---\nincident_commander: Alice\n---\n# Checkout\n'));
    assert.equal(isPostmortem(NEUTRAL, '---\nauthor: Alice\ndate: 2024-05-14\n---\n# Checkout\n'), false);
  });

  it('leaves out runbooks, design documents, guides and READMEs', () => {
    const runbook =
      '# Disk full alert\n\n## Impact\n\nWrites fail.\n\n## Detection\n\nThe alert.\n\n## Mitigation\n\nPrune.\n';
    assert.equal(isPostmortem(NEUTRAL, runbook), false, 'impact, detection and mitigation tell no story');
    const design = '# Search v2\n\n## Motivation\n\nSpeed.\n\n## Timeline\n\nQ3.\n\n## Impact\n\nFaster pages.\n';
    assert.equal(isPostmortem(NEUTRAL, design), false, 'two parts and no incident named');
    // Named after a postmortem, about something else: this repository's README and its writing guide.
    const readme = [
      '# Postmortem',
      '',
      'A linter for postmortems.',
      '',
      '## Command line',
      '## Editors',
      '### Metrics, follow-up actions and a report',
      '## Configuration',
      '## Development',
    ].join('\n\n');
    assert.equal(isPostmortem('README.md', readme), false);
    const guide =
      '# Writing a blameless postmortem\n\n## Describe conditions\n\n## Hindsight\n\n## Judgment words\n\n## Action items that change the system\n';
    assert.equal(isPostmortem('docs/guide.md', guide), false);
    // A postmortem just begun, named by its title, is one.
    assert.ok(isPostmortem(NEUTRAL, '# Postmortem: checkout errors\n'));
    assert.ok(
      isPostmortem(
        NEUTRAL,
        '# Postmortem: checkout errors\n\n## Summary\n\n## Background\n\n## Notes\n\n## Timeline\n',
      ),
    );
  });

  it('does not count headings in code, or links to postmortems', () => {
    const fenced = '# Template\n\n```md\n## Timeline\n## Impact\n## Root cause\n## Action items\n```\n';
    assert.equal(isPostmortem(NEUTRAL, fenced), false);
    const index = [
      '# Incident write-ups',
      '',
      '- [Timeline of the search outage](search.md)',
      '- [Root cause of the login errors](login.md)',
      '- [Impact of the DNS change](dns.md)',
    ].join('\n');
    assert.equal(isPostmortem('docs/incidents.md', index), false);
    assert.equal(isPostmortem('docs/README.md', index), false);
  });

  it("reads the parts with the config's synonyms and respects its ignores (the service)", () => {
    const text = '# Friday\n\n## Chronik\n\n- 10:00 x\n\n## Ursache\n\nA bug.\n\n## Massnahmen\n\n- Fix it.\n';
    const files = new Map<string, string>([['/repo/notes/friday.md', text]]);
    const service = createPostmortemService({ host: memoryHost(files), rules: RULES });
    assert.equal(
      service.isPostmortem('/repo/notes/friday.md', text, service.configFor('/repo/notes/friday.md')),
      false,
    );
    files.set(
      '/repo/.postmortemrc.json',
      JSON.stringify({
        sections: { synonyms: { timeline: ['chronik'], 'root-cause': ['ursache'], 'action-items': ['massnahmen'] } },
      }),
    );
    service.configChanged();
    const config = service.configFor('/repo/notes/friday.md');
    assert.ok(service.isPostmortem('/repo/notes/friday.md', text, config));
    files.set('/repo/.postmortemrc.json', JSON.stringify({ ignores: ['notes/**'] }));
    service.configChanged();
    const dfds = readFileSync(join(ROOT, 'test/corpus/real/dfds--pm2022-009-bad-eks-ami.md'), 'utf8');
    assert.equal(service.isPostmortem('/repo/notes/x.md', dfds, service.configFor('/repo/notes/x.md')), false);
    assert.ok(service.isPostmortem('/repo/other/x.md', dfds, service.configFor('/repo/other/x.md')));
  });

  it("takes every real postmortem and template by its content alone, and none of this repository's own Markdown", () => {
    const service = createPostmortemService({ host: memoryHost(), rules: RULES });
    const config = service.defaultConfig();
    const markdown = (dir: string): string[] =>
      readdirSync(dir)
        .sort()
        .flatMap((n) =>
          statSync(join(dir, n)).isDirectory() ? markdown(join(dir, n)) : /\.md$/.test(n) ? [join(dir, n)] : [],
        );
    const byContent = (file: string) => service.isPostmortem(NEUTRAL, readFileSync(file, 'utf8'), config);
    for (const folder of ['real', 'templates']) {
      const missed = markdown(join(ROOT, 'test/corpus', folder)).filter((f) => !byContent(f));
      assert.deepEqual(missed, [], folder);
    }
    const own = [
      ...['README.md', 'CHANGELOG.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', 'DEVELOPERS.md'].map((f) => join(ROOT, f)),
      ...markdown(join(ROOT, 'docs')),
    ];
    const taken = own.filter((f) => service.isPostmortem(f, readFileSync(f, 'utf8'), config, { roots: [ROOT] }));
    assert.deepEqual(taken, []);
  });
});
