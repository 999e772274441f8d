import { dirname, resolve } from 'node:path';
import { loadPostmortems } from './load';
import { reportData } from './report-data';
import { renderReport } from './report-html';
import { type CommandIo, emit, guarded, parseCommandArgs } from './shared';
import { parseNow } from './trends';

export const REPORT_HELP = `Usage: postmortem report [options] [paths, folders or globs…] --out report.html

Writes one self-contained HTML page (inline CSS and SVG, no script, no network) over all the postmortems found:
incidents per month and severity; time to detect, mitigate and resolve as distributions (median, p75, p90, one
dot per incident) and over time; incidents per cause category and month or quarter (the config's categories);
repeat causes (the same service and cause category more than once), linked to their postmortems; follow-up
actions open and done, the age of the open ones and who owns them. Each plot has its data as a table.

Options:
      --out <file>          The HTML file to write (default: standard output)
      --now <date>          The day follow-up actions' ages are counted to (2024-12-31; default: today)
  -c, --config <file>       Use this config file instead of the .postmortemrc.* files found near each file
      --all                 Read every Markdown file found, not only those that look like postmortems
  -h, --help                Show this help`;

/** `postmortem report`: exit 0, or 2 for bad usage or an unwritable file. */
export function runReport(args: readonly string[], io: CommandIo): Promise<number> {
  return guarded(io, async () => {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, now: { type: 'string' } });
    if (values.help) {
      io.stdout(`${REPORT_HELP}\n`);
      return 0;
    }
    const now = parseNow((values as { now?: string }).now);
    const postmortems = await loadPostmortems(positionals, {
      cwd: io.cwd,
      configPath: values.config,
      all: !!values.all,
    });
    const out = (values as { out?: string }).out ?? values['output-file'];
    const html = renderReport(reportData(postmortems, now, out ? dirname(resolve(io.cwd, out)) : io.cwd));
    if (!emit(io, html, out)) return 2;
    if (out) io.stderr(`Wrote ${out}: ${postmortems.length} postmortem${postmortems.length === 1 ? '' : 's'}.\n`);
    return 0;
  });
}
