import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as SarifBuilders from 'node-sarif-builder';
import type { Artifact, Region, ReportingConfiguration, Result } from 'sarif';
import { type AnyRule, ruleDocsUrl, type Severity } from '../../core';
import { VERSION } from '../../core/version';
import { RULES } from '../../rules';
import type { FileResult } from '../lint';
import { fingerprints } from './fingerprint';
import type { FormatContext } from './index';
import { findingRange, pathUri, repositoryPath } from './position';

/**
 * node-sarif-builder, loaded for a SARIF report only: with fs-extra and graceful-fs (which patches fs as it loads),
 * evaluating it cost every lint some 5 ms.
 */
function builders(): typeof SarifBuilders {
  return require('node-sarif-builder');
}

export const TOOL_NAME = 'postmortem';
export const INFORMATION_URI = 'https://github.com/postmortem-dev/postmortem';
/** The uriBaseId of every relative artifact URI: the repository root. */
export const SRCROOT = '%SRCROOT%';
/** The key of our own partial fingerprint (GitHub adds its primaryLocationLineHash on upload). */
export const FINGERPRINT_KEY = 'postmortemFinding/v1';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** "structure/required-section" → "RequiredSection": SARIF's readable rule name. */
function ruleName(id: string): string {
  const name = id.slice(id.indexOf('/') + 1);
  return name.replace(/(^|[-_])(\w)/g, (_, _sep: string, c: string) => c.toUpperCase());
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function ruleDescriptor(rule: AnyRule): SarifBuilders.SarifRuleBuilder {
  const url = ruleDocsUrl(rule.id);
  const family = rule.id.slice(0, rule.id.indexOf('/'));
  const scope =
    rule.scope === 'document'
      ? 'It reports on the whole document; the finding sits on the title.'
      : 'It reports on the text at fault.';
  const fix = rule.fixable ? ' It offers fixes; `postmortem lint --fix` applies the safe ones.' : '';
  const defaultConfiguration: ReportingConfiguration = { level: LEVEL[rule.defaultSeverity] };
  return new (builders().SarifRuleBuilder)({
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: sentence(rule.description) },
    fullDescription: { text: `${sentence(rule.description)} ${scope}${fix}` },
    helpUri: url,
    help: {
      text: `${sentence(rule.description)} Documentation: ${url}`,
      markdown: `${sentence(rule.description)}\n\n[Documentation of ${rule.id}](${url})`,
    },
    defaultConfiguration,
    properties: { tags: ['postmortem', family] },
  });
}

function snippet(text: string): { snippet?: { text: string } } {
  return text ? { snippet: { text } } : {};
}

/** The finding's lines and one line either side, so viewers can show it in context without the file. */
function contextRegion(result: FileResult, first: number, last: number): { contextRegion?: Region } {
  if (!result.text) return {};
  const lines = result.lines;
  const startLine = Math.max(1, first - 1);
  const endLine = Math.min(lines.lineCount, last + 1);
  const start = lines.lineStart(startLine - 1);
  const end = lines.lineEnd(endLine - 1);
  return {
    contextRegion: {
      startLine,
      startColumn: 1,
      endLine,
      endColumn: end - lines.lineStart(endLine - 1) + 1,
      ...snippet(result.text.slice(start, end)),
    },
  };
}

/**
 * SARIF 2.1.0, for GitHub code scanning (upload-sarif) and other SARIF viewers: the tool with every rule of the
 * registry, and one result per finding with its rule, level, message, region and a line-independent fingerprint.
 * Artifact URIs are relative to the repository root (uriBaseId %SRCROOT%); columns count UTF-16 code units.
 */
export function formatSarif(results: readonly FileResult[], { root }: FormatContext): string {
  const artifacts: Artifact[] = [];
  const { SarifBuilder, SarifResultBuilder, SarifRunBuilder } = builders();
  const run = new SarifRunBuilder({
    tool: {
      driver: {
        name: TOOL_NAME,
        fullName: 'Postmortem: a linter for blameless incident postmortems',
        version: VERSION,
        ...(/^\d+\.\d+\.\d+/.test(VERSION) ? { semanticVersion: VERSION } : {}),
        informationUri: INFORMATION_URI,
        rules: [],
      },
    },
    columnKind: 'utf16CodeUnits',
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root.endsWith(sep) ? root : `${root}${sep}`).href } },
    artifacts,
    results: [],
  });
  for (const rule of RULES) run.addRule(ruleDescriptor(rule));

  for (const result of results) {
    if (result.skipped) continue;
    const path = repositoryPath(result.path, root);
    const { uri, relative } = pathUri(path);
    const artifactLocation = relative ? { uri, uriBaseId: SRCROOT } : { uri };
    // Listed here (rather than by the builder) so the artifact keeps its uriBaseId.
    if (result.findings.length > 0) artifacts.push({ location: artifactLocation, sourceLanguage: 'markdown' });
    const prints = fingerprints(result, path);
    result.findings.forEach((finding, i) => {
      const range = findingRange(result, finding);
      run.addResult(
        new SarifResultBuilder({
          ruleId: finding.ruleId,
          level: LEVEL[finding.severity],
          message: { text: sentence(finding.message) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { ...artifactLocation },
                region: {
                  startLine: range.line,
                  startColumn: range.column,
                  endLine: range.endLine,
                  endColumn: range.endColumn,
                  ...snippet(result.text.slice(finding.start, finding.end)),
                },
                ...contextRegion(result, range.line, range.endLine),
              },
            },
          ],
          partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
        }),
      );
    });
  }
  const log = new SarifBuilder({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [],
  });
  log.addRun(run);
  return `${log.buildSarifJsonString({ indent: true })}\n`;
}
