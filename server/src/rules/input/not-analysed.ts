import { findTooComplex, type TooComplex } from '../../core/complexity';
import type { InputRule } from '../../core/rule';

const n = (x: number) => x.toLocaleString('en-US');

/** What the message says for each shape the parser cannot take in reasonable time, and what to simplify. */
const COMPLEXITY_ADVICE: Record<TooComplex['kind'], (line: number, found: number, limit: number) => string> = {
  'table-width': (line, found, limit) =>
    `line ${line} is a table row of about ${n(found)} cells, over the ${n(limit)} the parser takes in reasonable time. Split the table, or put the data in a linked file.`,
  'bracket-depth': (line, found, limit) =>
    `line ${line} opens ${n(found)} nested "[" brackets, over the ${n(limit)} the parser takes in reasonable time. Close them, or escape them as "\\[".`,
  'nesting-depth': (line, found, limit) =>
    `line ${line} is nested ${n(found)} levels deep (block quotes or lists), over the ${n(limit)} the parser takes in reasonable time. Flatten the nesting.`,
};

/**
 * Input the analysis cannot take: binary data, a file over the size limit, Markdown shaped so that parsing it
 * would take seconds to minutes (see core/complexity.ts). It is reported once, at the top of
 * the file, instead of a crash, a hang or a wall of nonsense findings.
 */
export const notAnalysed: InputRule = {
  id: 'input/not-analysed',
  description:
    'The file can be analysed: it is text, within the size limit, and without tables, brackets or nesting too large to parse in reasonable time.',
  defaultSeverity: 'warning',
  scope: 'document',
  fixable: false,
  phase: 'input',
  check({ text, config, report }) {
    const sniff = text.slice(0, 8192);
    if (sniff.includes('\u0000')) {
      report({
        message: 'Not analysed: the file holds binary data (NUL characters), not Markdown text.',
        start: 0,
        end: 0,
        data: { reason: 'binary' },
      });
      return;
    }
    if (text.length > config.maxFileSize) {
      const size = (n: number) =>
        n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
      report({
        message: `Not analysed: the file has ${size(text.length)} of text, over the ${size(config.maxFileSize)} limit. Split it, or raise "maxFileSize" in .postmortemrc.`,
        start: 0,
        end: 0,
        data: { reason: 'too-large', size: text.length, limit: config.maxFileSize },
      });
      return;
    }
    const complex = findTooComplex(text);
    if (complex) {
      report({
        message: `Not analysed: ${COMPLEXITY_ADVICE[complex.kind](complex.line + 1, complex.found, complex.limit)}`,
        start: complex.offset,
        end: complex.offset,
        data: { reason: 'too-complex', shape: complex.kind, line: complex.line + 1, found: complex.found },
      });
    }
  },
};
