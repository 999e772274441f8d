import type { ReportIncident } from './report-data';
import { humanMinutes } from './shared';

/** The report's two plots, drawn as SVG: incidents per month and severity, and time to detect/resolve over time. */

const SEVERITIES = ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'unspecified'] as const;
const SEVERITY_COLOURS: Record<string, string> = {
  SEV0: '#7a1f00',
  SEV1: '#D55E00',
  SEV2: '#E69F00',
  SEV3: '#0072B2',
  SEV4: '#56B4E9',
  SEV5: '#009E73',
  unspecified: '#9a9a9a',
};
const TTD_COLOUR = '#0072B2';
const TTR_COLOUR = '#D55E00';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthKey(date: string): string {
  return date.slice(0, 7);
}

function monthLabel(key: string): string {
  return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}

function monthRange(keys: string[]): string[] {
  const sorted = [...keys].sort();
  const out: string[] = [];
  let [y, m] = sorted[0].split('-').map(Number);
  const [ey, em] = sorted[sorted.length - 1].split('-').map(Number);
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function legend(items: { label: string; colour: string; shape?: string }[]): string {
  return `  <ul class="legend">${items
    .map((i) => `<li>${i.shape ?? `<span class="swatch" style="background:${i.colour}"></span>`}${esc(i.label)}</li>`)
    .join('')}</ul>`;
}

/** A plot's SVG size, its margins, and the size of the area inside them. */
export interface Frame {
  W: number;
  H: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  plotW: number;
  plotH: number;
}

export function frame(
  W: number,
  H: number,
  margins: { left: number; right: number; top: number; bottom: number },
): Frame {
  return { W, H, ...margins, plotW: W - margins.left - margins.right, plotH: H - margins.top - margins.bottom };
}

/** A count axis from 0 to `yMax` by `step` in a frame: the y of a value, and the grid lines labelled with their value. */
export function countAxis(f: Frame, yMax: number, step: number): { y: (v: number) => number; grid: string } {
  const y = (v: number) => f.top + f.plotH - (v / yMax) * f.plotH;
  const lines: string[] = [];
  for (let v = 0; v <= yMax; v += step) {
    lines.push(
      `<line class="grid" x1="${f.left}" x2="${f.W - f.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/><text class="tick" x="${f.left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text>`,
    );
  }
  return { y, grid: lines.join('') };
}

export function incidentsPerMonth(incidents: readonly ReportIncident[]): string {
  const dated = incidents.filter((i) => i.date);
  const undated = incidents.length - dated.length;
  if (dated.length === 0)
    return '  <p>No postmortem has a date (frontmatter <code>date</code>, a dated timeline, or a date in the title or file name).</p>';
  const months = monthRange(dated.map((i) => monthKey(i.date as string)));
  const present = SEVERITIES.filter((s) => dated.some((i) => i.severity === s));
  const counts = new Map(months.map((m) => [m, new Map<string, number>()]));
  for (const i of dated) {
    const c = counts.get(monthKey(i.date as string)) as Map<string, number>;
    c.set(i.severity, (c.get(i.severity) ?? 0) + 1);
  }
  const max = Math.max(...[...counts.values()].map((c) => [...c.values()].reduce((a, b) => a + b, 0)));
  const yMax = Math.max(2, max);
  const f = frame(1000, 320, { left: 56, right: 16, top: 16, bottom: 64 });
  const { W, H, left, right, top, plotW, plotH } = f;
  const band = plotW / months.length;
  const barW = Math.max(2, Math.min(40, band * 0.8));
  const { y, grid } = countAxis(f, yMax, yMax <= 10 ? 1 : Math.ceil(yMax / 8));
  const labelEvery = Math.max(1, Math.ceil(months.length / 14));
  const bars: string[] = [];
  const labels: string[] = [];
  months.forEach((m, idx) => {
    const x = left + idx * band + (band - barW) / 2;
    let acc = 0;
    const c = counts.get(m) as Map<string, number>;
    for (const s of present) {
      const n = c.get(s) ?? 0;
      if (n === 0) continue;
      bars.push(
        `<rect x="${x.toFixed(1)}" y="${y(acc + n).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(acc) - y(acc + n)).toFixed(1)}" fill="${SEVERITY_COLOURS[s]}" stroke="#fff" stroke-width="0.5"><title>${esc(`${monthLabel(m)}: ${n} ${s} incident${n === 1 ? '' : 's'}`)}</title></rect>`,
      );
      acc += n;
    }
    const isYearStart = m.endsWith('-01');
    if (idx % labelEvery === 0 || (labelEvery > 1 && isYearStart && idx % labelEvery !== 0 && false)) {
      labels.push(
        `<text class="tick" x="${(left + idx * band + band / 2).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">${esc(MONTHS[Number(m.slice(5)) - 1])}</text><text class="tick" x="${(left + idx * band + band / 2).toFixed(1)}" y="${top + plotH + 33}" text-anchor="middle">${m.slice(0, 4)}</text>`,
      );
    }
  });
  const desc = `Stacked bars, one per month from ${monthLabel(months[0])} to ${monthLabel(months[months.length - 1])}; the busiest month had ${max} incident${max === 1 ? '' : 's'}.`;
  const rows = months
    .filter((m) => (counts.get(m) as Map<string, number>).size > 0)
    .map((m) => {
      const c = counts.get(m) as Map<string, number>;
      return `<tr><td>${monthLabel(m)}</td>${present.map((s) => `<td class="num">${c.get(s) ?? 0}</td>`).join('')}</tr>`;
    })
    .join('');
  return `${legend(present.map((s) => ({ label: s, colour: SEVERITY_COLOURS[s] })))}
  <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="pm-title pm-desc">
    <title id="pm-title">Incidents per month, by severity</title>
    <desc id="pm-desc">${esc(desc)}</desc>
    ${grid}
    <line class="axis" x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}"/>
    ${bars.join('')}
    ${labels.join('')}
    <text class="axis-title" transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">Incidents (count)</text>
    <text class="axis-title" x="${left + plotW / 2}" y="${H - 6}" text-anchor="middle">Month of the incident</text>
  </svg>
  ${undated > 0 ? `<p class="note">${undated} postmortem${undated === 1 ? ' has' : 's have'} no date and ${undated === 1 ? 'is' : 'are'} not shown.</p>` : ''}
  <details><summary>Show the data</summary><table><thead><tr><th>Month</th>${present.map((s) => `<th class="num">${s}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></details>`;
}

/** Ticks of a time axis in minutes, from 0 to six months. */
export const TIME_TICKS: readonly [number, string][] = [
  [0, '0'],
  [5, '5 min'],
  [30, '30 min'],
  [120, '2 h'],
  [720, '12 h'],
  [2880, '2 d'],
  [10080, '1 week'],
  [43200, '30 d'],
  [259200, '6 months'],
];

/** The ticks an axis up to `max` minutes needs: up to the first at or above it. */
export function timeTicks(max: number): [number, string][] {
  const vMax = Math.max(60, max);
  return TIME_TICKS.filter(([v], i) => v <= vMax || (i > 0 && TIME_TICKS[i - 1][0] < vMax));
}

/** log10(1 + minutes): 0 stays 0, and minutes to weeks fit on one axis. */
export function symlog(minutes: number): number {
  return Math.log10(1 + Math.max(0, minutes));
}

export function metricsPlot(incidents: readonly ReportIncident[]): string {
  const points = incidents.filter((i) => i.date && (i.timeToDetectMinutes !== null || i.timeToResolveMinutes !== null));
  if (points.length === 0) {
    return '  <p>No postmortem has both a start of impact and a detection or resolution time yet. Mark them in the timelines (<code>&lt;!-- milestone: started --&gt;</code>) or set them in the frontmatter.</p>';
  }
  const { W, H, left, right, top, plotW, plotH } = frame(1000, 360, { left: 72, right: 24, top: 16, bottom: 56 });
  const times = points.map((p) => Date.parse(p.date as string));
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  const pad = Math.max((t1 - t0) * 0.04, 15 * 86400_000);
  t0 -= pad;
  t1 += pad;
  const values = points
    .flatMap((p) => [p.timeToDetectMinutes, p.timeToResolveMinutes])
    .filter((v): v is number => v !== null);
  const ticks = timeTicks(Math.max(0, ...values));
  const yTop = symlog(ticks[ticks.length - 1][0]);
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * plotW;
  const y = (m: number) => top + plotH - (symlog(m) / yTop) * plotH;
  const grid = ticks
    .map(
      ([v, label]) =>
        `<line class="grid" x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/><text class="tick" x="${left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${label}</text>`,
    )
    .join('');
  const years: string[] = [];
  const firstYear = new Date(t0).getUTCFullYear();
  const lastYear = new Date(t1).getUTCFullYear();
  const yearStep = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 10));
  for (let yr = firstYear; yr <= lastYear + 1; yr += yearStep) {
    const t = Date.UTC(yr, 0, 1);
    if (t < t0 || t > t1) continue;
    years.push(
      `<line class="grid" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${top + plotH}"/><text class="tick" x="${x(t).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">${yr}</text>`,
    );
  }
  if (years.length === 0) {
    const mid = (t0 + t1) / 2;
    years.push(
      `<text class="tick" x="${x(mid).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">${new Date(mid).toISOString().slice(0, 7)}</text>`,
    );
  }
  const marks: string[] = [];
  for (const p of points) {
    const t = Date.parse(p.date as string);
    const cx = x(t);
    const tip = (what: string, m: number) =>
      `<title>${esc(`${p.title} (${p.date}): ${what} ${humanMinutes(m)}`)}</title>`;
    if (p.timeToDetectMinutes !== null && p.timeToResolveMinutes !== null) {
      marks.push(
        `<line x1="${cx.toFixed(1)}" x2="${cx.toFixed(1)}" y1="${y(p.timeToDetectMinutes).toFixed(1)}" y2="${y(p.timeToResolveMinutes).toFixed(1)}" stroke="#8c959f" stroke-dasharray="3 3"/>`,
      );
    }
    if (p.timeToDetectMinutes !== null) {
      marks.push(
        `<circle cx="${cx.toFixed(1)}" cy="${y(p.timeToDetectMinutes).toFixed(1)}" r="6" fill="${TTD_COLOUR}" stroke="#fff" stroke-width="1.5">${tip('time to detect', p.timeToDetectMinutes)}</circle>`,
      );
    }
    if (p.timeToResolveMinutes !== null) {
      const cy = y(p.timeToResolveMinutes);
      marks.push(
        `<rect x="${(cx - 6).toFixed(1)}" y="${(cy - 6).toFixed(1)}" width="12" height="12" transform="rotate(45 ${cx.toFixed(1)} ${cy.toFixed(1)})" fill="${TTR_COLOUR}" stroke="#fff" stroke-width="1.5">${tip('time to resolve', p.timeToResolveMinutes)}</rect>`,
      );
    }
  }
  const rows = points
    .map(
      (p) =>
        `<tr><td>${esc(p.date as string)}</td><td>${esc(p.title)}</td><td class="num">${humanMinutes(p.timeToDetectMinutes)}</td><td class="num">${humanMinutes(p.timeToResolveMinutes)}</td></tr>`,
    )
    .join('');
  const desc = `${points.length} postmortems plotted by date. Median time to detect ${humanMinutes(median(points.map((p) => p.timeToDetectMinutes)))}, median time to resolve ${humanMinutes(median(points.map((p) => p.timeToResolveMinutes)))}.`;
  return `${legend([
    {
      label: 'Time to detect',
      colour: TTD_COLOUR,
      shape: `<svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill="${TTD_COLOUR}"/></svg>`,
    },
    {
      label: 'Time to resolve',
      colour: TTR_COLOUR,
      shape: `<svg width="14" height="14" aria-hidden="true"><rect x="3" y="3" width="8" height="8" transform="rotate(45 7 7)" fill="${TTR_COLOUR}"/></svg>`,
    },
    {
      label: 'same incident',
      colour: '',
      shape:
        '<svg width="14" height="14" aria-hidden="true"><line x1="7" x2="7" y1="0" y2="14" stroke="#8c959f" stroke-dasharray="3 3"/></svg>',
    },
  ])}
  <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="tt-title tt-desc">
    <title id="tt-title">Time to detect and time to resolve, by incident date</title>
    <desc id="tt-desc">${esc(desc)}</desc>
    ${grid}${years.join('')}
    <line class="axis" x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}"/>
    <line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}"/>
    ${marks.join('')}
    <text class="axis-title" transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">Time from start of impact (log scale)</text>
    <text class="axis-title" x="${left + plotW / 2}" y="${H - 6}" text-anchor="middle">Date of the incident</text>
  </svg>
  <details><summary>Show the data</summary><table><thead><tr><th>Date</th><th>Postmortem</th><th class="num">Time to detect</th><th class="num">Time to resolve</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

/** HTML-escapes text for element content and attribute values. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function median(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : Math.round((v[mid - 1] + v[mid]) / 2);
}
