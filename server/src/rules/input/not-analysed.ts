import type { InputRule } from '../../core/rule';

/**
 * Input the analysis cannot take: binary data, a file over the size limit. It is reported once, at the top of
 * the file, instead of a crash, a hang or a wall of nonsense findings.
 */
export const notAnalysed: InputRule = {
  id: 'input/not-analysed',
  description: 'The file can be analysed: it is text, and within the size limit.',
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
    }
  },
};
