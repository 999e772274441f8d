import { loadPostmortems } from './load';
import { reportData } from './report-data';
import { renderReport } from './report-html';
import { type CommandIo, emit, guarded, parseCommandArgs } from './shared';

export const REPORT_HELP = `Usage: postmortem report [options] [paths, folders or globs…] --out report.html

Writes one self-contained HTML page (inline CSS and SVG, no script, no network) over all the postmortems found:
incidents per month and severity, time to detect and to resolve over time, and the open follow-up actions by
owner, each plot with its data as a table.

Options:
      --out <file>          The HTML file to write (default: standard output)
  -c, --config <file>       Use this config file instead of the .postmortemrc.* files found near each file
      --all                 Read every Markdown file found, not only those that look like postmortems
  -h, --help                Show this help`;

/** `postmortem report`: exit 0, or 2 for bad usage or an unwritable file. */
export function runReport(args: readonly string[], io: CommandIo): Promise<number> {
  return guarded(io, async () => {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } });
    if (values.help) {
      io.stdout(`${REPORT_HELP}\n`);
      return 0;
    }
    const postmortems = await loadPostmortems(positionals, {
      cwd: io.cwd,
      configPath: values.config,
      all: !!values.all,
    });
    const out = (values as { out?: string }).out ?? values['output-file'];
    const html = renderReport(reportData(postmortems));
    if (!emit(io, html, out)) return 2;
    if (out) io.stderr(`Wrote ${out}: ${postmortems.length} postmortem${postmortems.length === 1 ? '' : 's'}.\n`);
    return 0;
  });
}
