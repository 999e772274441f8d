import type { ActionTrend, CategoryTrend, RepeatCause, Trends } from '../../core/learning';
import { countAxis, esc, frame, legend, symlog, timeTicks } from './report-plots';
import { humanMinutes } from './shared';
import { humanDays } from './trends';

/**
 * The report's trend sections, drawn as SVG like the other plots (axis titles, units, legends, a <title> on each
 * mark for its tooltip, the numbers under "Show the data"): time to detect, mitigate and resolve as box and strip
 * plots; incidents per cause category and period; repeat causes; follow-up actions by age and owner.
 */

const MEASURE_TITLES = { detect: 'Time to detect', mitigate: 'Time to mitigate', resolve: 'Time to resolve' };
const MEASURE_COLOURS = { detect: '#0072B2', mitigate: '#009E73', resolve: '#D55E00' };

/** A count axis' step: 1, 2 or 5 times a power of ten, for about eight ticks up to `max`. */
export function niceStep(max: number): number {
  const raw = Math.max(1, max / 8);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}

/** The top of a count axis: `max` rounded up to a whole step, at least 2. */
function axisTop(max: number): { top: number; step: number } {
  const step = niceStep(max);
  return { top: Math.max(2, Math.ceil(max / step) * step), step };
}

const minutes = (v: number | null) => humanMinutes(v === null ? null : Math.round(v));

/** A deterministic spread in [-1, 1] for the dots of a strip plot (no randomness: the same report twice is the same). */
function jitter(i: number): number {
  return ((i * 0.618_033_988_75) % 1) * 2 - 1;
}

/** Box (quartiles), median, whiskers (min to max), a p90 tick and one dot per incident, on one log-time axis. */
export function distributionsSection(t: Trends, links: Record<string, string>): string {
  const ds = [t.timeTo.detect, t.timeTo.mitigate, t.timeTo.resolve];
  const shown = ds.filter((d) => d.n > 0);
  const head = `<section>
  <h2 id="distributions">Time to detect, mitigate and resolve: distributions</h2>
  <p class="note">One dot per incident (hover for its postmortem), the box from the 25th to the 75th percentile, the thick line at the median, a tick at the 90th percentile, whiskers from the shortest to the longest. Medians and percentiles, not means: a few long incidents pull a mean far from what a typical or a bad incident looks like (the VOID report shows mean time to resolve misleads), so the mean is only given beside the median.</p>
`;
  if (shown.length === 0) {
    return `${head}  <p>No postmortem has a start of impact and a detection, mitigation or resolution time yet.</p>\n</section>\n`;
  }
  const W = 1000;
  const left = 150;
  const right = 24;
  const top = 12;
  const rowH = 96;
  const plotW = W - left - right;
  const H = top + ds.length * rowH + 52;
  const ticks = timeTicks(Math.max(0, ...shown.map((d) => d.max ?? 0)));
  const yTop = symlog(ticks[ticks.length - 1][0]);
  const x = (m: number) => left + (symlog(m) / yTop) * plotW;
  const grid = ticks
    .map(
      ([v, label]) =>
        `<line class="grid" x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top}" y2="${top + ds.length * rowH}"/><text class="tick" x="${x(v).toFixed(1)}" y="${top + ds.length * rowH + 18}" text-anchor="middle">${label}</text>`,
    )
    .join('');
  const rows = ds
    .map((d, r) => {
      const cy = top + r * rowH + rowH / 2;
      const colour = MEASURE_COLOURS[d.measure];
      const label = `<text class="axis-title" x="${left - 12}" y="${cy - 4}" text-anchor="end">${MEASURE_TITLES[d.measure]}</text><text class="tick" x="${left - 12}" y="${cy + 14}" text-anchor="end">n = ${d.n}${d.missing ? ` (${d.missing} unknown)` : ''}</text>`;
      if (d.n === 0 || d.min === null || d.max === null || d.median === null) {
        return `${label}<text class="tick" x="${left + 8}" y="${cy + 4}">No postmortem states it.</text>`;
      }
      const p25 = d.p25 ?? d.median;
      const p75 = d.p75 ?? d.median;
      const box = `<line x1="${x(d.min).toFixed(1)}" x2="${x(d.max).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="#57606a" stroke-width="1.5"/><line x1="${x(d.min).toFixed(1)}" x2="${x(d.min).toFixed(1)}" y1="${cy - 10}" y2="${cy + 10}" stroke="#57606a" stroke-width="1.5"/><line x1="${x(d.max).toFixed(1)}" x2="${x(d.max).toFixed(1)}" y1="${cy - 10}" y2="${cy + 10}" stroke="#57606a" stroke-width="1.5"/><rect class="box" x="${x(p25).toFixed(1)}" y="${cy - 22}" width="${Math.max(2, x(p75) - x(p25)).toFixed(1)}" height="44" fill="${colour}" fill-opacity="0.18" stroke="${colour}" stroke-width="1.5"><title>${esc(`${MEASURE_TITLES[d.measure]}: 25th–75th percentile ${minutes(p25)} – ${minutes(p75)}`)}</title></rect><line x1="${x(d.median).toFixed(1)}" x2="${x(d.median).toFixed(1)}" y1="${cy - 22}" y2="${cy + 22}" stroke="${colour}" stroke-width="4"><title>${esc(`Median ${minutes(d.median)} (mean ${minutes(d.mean)})`)}</title></line>${d.p90 === null ? '' : `<path d="M${x(d.p90).toFixed(1)} ${cy - 30} l-6 -9 h12 z" fill="#1b1f24"><title>${esc(`90th percentile ${minutes(d.p90)}`)}</title></path>`}`;
      const dots = d.incidents
        .map(
          (i, k) =>
            `<a href="${esc(links[i.id] ?? i.id)}"><circle class="dot" cx="${x(i.minutes).toFixed(1)}" cy="${(cy + jitter(k) * 16).toFixed(1)}" r="4.5" fill="${colour}" fill-opacity="0.85" stroke="#fff" stroke-width="1"><title>${esc(`${i.title}${i.date ? ` (${i.date})` : ''}: ${MEASURE_TITLES[d.measure].toLowerCase()} ${minutes(i.minutes)}`)}</title></circle></a>`,
        )
        .join('');
      return `${label}${box}${dots}`;
    })
    .join('');
  const table = ds
    .map(
      (d) =>
        `<tr><td>${MEASURE_TITLES[d.measure]}</td><td class="num">${d.n}</td><td class="num"><strong>${minutes(d.median)}</strong> <small class="muted">(mean ${minutes(d.mean)})</small></td><td class="num">${minutes(d.p75)}</td><td class="num">${minutes(d.p90)}</td><td class="num">${minutes(d.min)}</td><td class="num">${minutes(d.max)}</td></tr>`,
    )
    .join('');
  const desc = ds
    .map(
      (d) =>
        `${MEASURE_TITLES[d.measure]}: ${d.n} incidents, median ${minutes(d.median)}, 90th percentile ${minutes(d.p90)}.`,
    )
    .join(' ');
  return `${head}  <table class="stats"><thead><tr><th></th><th class="num">n</th><th class="num">Median (mean)</th><th class="num">p75</th><th class="num">p90</th><th class="num">Shortest</th><th class="num">Longest</th></tr></thead><tbody>${table}</tbody></table>
${legend([
  { label: 'Time to detect', colour: MEASURE_COLOURS.detect },
  { label: 'Time to mitigate', colour: MEASURE_COLOURS.mitigate },
  { label: 'Time to resolve', colour: MEASURE_COLOURS.resolve },
  {
    label: '90th percentile',
    colour: '',
    shape: '<svg width="14" height="14" aria-hidden="true"><path d="M7 12 l-6 -9 h12 z" fill="#1b1f24"/></svg>',
  },
])}
  <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="di-title di-desc">
    <title id="di-title">Time to detect, mitigate and resolve: distributions</title>
    <desc id="di-desc">${esc(desc)}</desc>
    ${grid}
    <line class="axis" x1="${left}" x2="${W - right}" y1="${top + ds.length * rowH}" y2="${top + ds.length * rowH}"/>
    ${rows}
    <text class="axis-title" x="${left + plotW / 2}" y="${H - 8}" text-anchor="middle">Time from the start of impact (log scale)</text>
  </svg>
  <details><summary>Show the data</summary><table><thead><tr><th>Measure</th><th>Postmortem</th><th>Date</th><th class="num">Time</th></tr></thead><tbody>${ds
    .flatMap((d) =>
      d.incidents.map(
        (i) =>
          `<tr><td>${MEASURE_TITLES[d.measure]}</td><td><a href="${esc(links[i.id] ?? i.id)}">${esc(i.title)}</a></td><td class="date">${esc(i.date ?? '–')}</td><td class="num">${minutes(i.minutes)}</td></tr>`,
      ),
    )
    .join('')}</tbody></table></details>
</section>
`;
}

/** Okabe–Ito for the default seven, then other colours; grey for the uncategorised. */
const CATEGORY_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#56B4E9',
  '#CC79A7',
  '#D55E00',
  '#F0E442',
  '#1b1f24',
  '#8c6d31',
  '#6b4c9a',
];
const UNCATEGORISED = '#bdbdbd';

function periodLabel(period: string): [string, string] {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (/^\d{4}-Q\d$/.test(period)) return [period.slice(5), period.slice(0, 4)];
  if (/^\d{4}-\d{2}$/.test(period)) return [MONTHS[Number(period.slice(5)) - 1], period.slice(0, 4)];
  return [period, ''];
}

/** Stacked bars: incidents per period and cause category (an incident counts once in each of its categories). */
export function categoriesSection(c: CategoryTrend): string {
  const unit = c.period === 'quarter' ? 'quarter' : c.period;
  const head = `<section>
  <h2 id="categories">Incidents per cause category, by ${unit}</h2>
  <p class="note">Contributing-factor categories read from each postmortem's trigger and root cause (or its frontmatter <code>categories</code>), in the taxonomy of the config (<code>categories</code> in <code>.postmortemrc</code>). An incident with several categories counts once in each, so a bar can be taller than the number of incidents; the table gives both.${c.totals.undated ? ` ${c.totals.undated} undated postmortem${c.totals.undated === 1 ? ' is' : 's are'} not shown.` : ''}</p>
`;
  if (c.periods.length === 0) return `${head}  <p>No postmortem has a date.</p>\n</section>\n`;
  const series = [
    ...c.categories.map((k, i) => ({
      key: k.name,
      title: k.title,
      colour: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length],
    })),
    { key: '', title: 'no category found', colour: UNCATEGORISED },
  ].filter((s) => (s.key ? c.totals.byCategory[s.key] > 0 : c.totals.uncategorised > 0));
  const count = (p: CategoryTrend['periods'][number], key: string) => (key ? p.byCategory[key] : p.uncategorised);
  const stack = (p: CategoryTrend['periods'][number]) => series.reduce((n, s) => n + count(p, s.key), 0);
  const max = Math.max(...c.periods.map(stack));
  const { top: yMax, step } = axisTop(max);
  const f = frame(1000, 340, { left: 56, right: 16, top: 16, bottom: 64 });
  const { W, H, left, right, top, plotW, plotH } = f;
  const band = plotW / c.periods.length;
  const barW = Math.max(2, Math.min(40, band * 0.8));
  const { y, grid } = countAxis(f, yMax, step);
  const labelEvery = Math.max(1, Math.ceil(c.periods.length / 16));
  const bars: string[] = [];
  const labels: string[] = [];
  c.periods.forEach((p, idx) => {
    const bx = left + idx * band + (band - barW) / 2;
    let acc = 0;
    for (const s of series) {
      const n = count(p, s.key);
      if (n === 0) continue;
      bars.push(
        `<rect x="${bx.toFixed(1)}" y="${y(acc + n).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(acc) - y(acc + n)).toFixed(1)}" fill="${s.colour}" stroke="#fff" stroke-width="0.5"><title>${esc(`${p.period}: ${n} incident${n === 1 ? '' : 's'} with ${s.key ? `a cause in ${s.key}` : 'no category found'} (${p.incidents} incident${p.incidents === 1 ? '' : 's'} in all)`)}</title></rect>`,
      );
      acc += n;
    }
    if (idx % labelEvery === 0) {
      const [a, b] = periodLabel(p.period);
      const cx = (left + idx * band + band / 2).toFixed(1);
      labels.push(
        `<text class="tick" x="${cx}" y="${top + plotH + 18}" text-anchor="middle">${a}</text><text class="tick" x="${cx}" y="${top + plotH + 33}" text-anchor="middle">${b}</text>`,
      );
    }
  });
  const rows = c.periods
    .filter((p) => p.incidents > 0)
    .map(
      (p) =>
        `<tr><td>${esc(p.period)}</td><td class="num">${p.incidents}</td>${series.map((s) => `<td class="num">${count(p, s.key) || ''}</td>`).join('')}</tr>`,
    )
    .join('');
  const totalRow = `<tr><th>Total</th><th class="num">${c.totals.incidents - c.totals.undated}</th>${series.map((s) => `<th class="num">${s.key ? c.totals.byCategory[s.key] : c.totals.uncategorised}</th>`).join('')}</tr>`;
  const ranked = series
    .filter((s) => s.key)
    .sort((a, b) => c.totals.byCategory[b.key] - c.totals.byCategory[a.key])
    .slice(0, 3)
    .map((s) => `${s.key} (${c.totals.byCategory[s.key]})`);
  return `${head}${legend(series.map((s) => ({ label: s.key || s.title, colour: s.colour })))}
  <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="ca-title ca-desc">
    <title id="ca-title">Incidents per cause category, by ${unit}</title>
    <desc id="ca-desc">${esc(`Stacked bars, one per ${unit} from ${c.periods[0].period} to ${c.periods[c.periods.length - 1].period}. Most frequent categories: ${ranked.join(', ') || 'none'}.`)}</desc>
    ${grid}
    <line class="axis" x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}"/>
    ${bars.join('')}
    ${labels.join('')}
    <text class="axis-title" transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">Incidents per category (count)</text>
    <text class="axis-title" x="${left + plotW / 2}" y="${H - 6}" text-anchor="middle">${unit[0].toUpperCase()}${unit.slice(1)} of the incident</text>
  </svg>
  <details><summary>Show the data</summary><table><thead><tr><th>${esc(unit)}</th><th class="num">Incidents</th>${series.map((s) => `<th class="num" title="${esc(s.title)}">${esc(s.key || 'none')}</th>`).join('')}</tr></thead><tbody>${rows}${totalRow}</tbody></table></details>
</section>
`;
}

/** Repeat causes: a table, each with its postmortems linked. */
export function repeatsSection(repeats: readonly RepeatCause[], links: Record<string, string>): string {
  const head = `<section>
  <h2 id="repeats">Repeat causes</h2>
  <p class="note">The same service and the same kind of cause in two or more postmortems: a lesson that may not have been learned, most of all while the earlier incidents' follow-up actions are still open. Services are those the frontmatter declares, else those the text names more than once or in the title.</p>
`;
  if (repeats.length === 0) {
    return `${head}  <p>None: no service and cause category is shared by two postmortems.</p>\n</section>\n`;
  }
  const rows = repeats
    .map(
      (r) =>
        `<tr><td>${esc(r.services.join(', '))}</td><td>${esc(r.categories.join(', '))}</td><td class="num">${r.incidents.length}</td><td class="num">${r.openActions ? `<span class="none">${r.openActions}</span>` : '0'}</td><td><ul class="incidents">${r.incidents
          .map(
            (i) =>
              `<li><span class="date">${esc(i.date ?? 'undated')}</span> <a href="${esc(links[i.id] ?? i.id)}">${esc(i.title)}</a>${i.openActions ? ` <small class="muted">(${i.openActions} open action${i.openActions === 1 ? '' : 's'})</small>` : ''}</li>`,
          )
          .join('')}</ul></td></tr>`,
    )
    .join('');
  return `${head}  <table class="repeats"><thead><tr><th>Service</th><th>Cause</th><th class="num">Incidents</th><th class="num">Open actions</th><th>Postmortems, oldest first</th></tr></thead><tbody>${rows}</tbody></table>
</section>
`;
}

const AGE_BUCKETS: [number, string][] = [
  [30, 'under 30 days'],
  [90, '30–90 days'],
  [180, '3–6 months'],
  [365, '6–12 months'],
  [Number.POSITIVE_INFINITY, 'over a year'],
];
const OWNED = '#0072B2';
const UNOWNED = '#D55E00';
const DONE = '#009E73';

/** Follow-up actions: open vs done by owner (unassigned called out), the age of the open ones, the list. */
export function actionsSection(a: ActionTrend, links: Record<string, string>): string {
  const summary =
    a.open === 0
      ? `No open follow-up actions (${a.done} done).`
      : `${a.open} open, ${a.done} done; <strong class="${a.unassignedOpen ? 'none' : ''}">${a.unassignedOpen} open without an owner</strong>. An open action's age counts from its postmortem's date to ${esc(a.asOf)}: median ${humanDays(a.openAge.median)}, 90th percentile ${humanDays(a.openAge.p90)}, oldest ${humanDays(a.openAge.max)}; ${a.openAge.over90} older than 90 days.${a.openAge.undated ? ` ${a.openAge.undated} belong to undated postmortems and have no age.` : ''}`;
  const head = `<section>
  <h2 id="actions">Follow-up actions: open and done, age, owner</h2>
  <p class="note">${summary}</p>
`;
  if (a.total === 0) return `${head}  <p>No follow-up actions found.</p>\n</section>\n`;
  // By owner: open (owned blue, unassigned vermillion) and done (green), side by side in one bar.
  const shown = a.byOwner.slice(0, 15);
  const rest = a.byOwner.slice(15);
  const rowsData = shown.map((o) => ({
    owner: o.owner,
    label: o.owner ?? '(no owner)',
    open: o.open,
    done: o.done,
    oldest: o.oldestOpenDays,
  }));
  if (rest.length > 0) {
    rowsData.push({
      owner: 'other',
      label: `${rest.length} other owners`,
      open: rest.reduce((n, o) => n + o.open, 0),
      done: rest.reduce((n, o) => n + o.done, 0),
      oldest: null,
    });
  }
  const W = 1000;
  const rowH = 28;
  const left = 220;
  const right = 150;
  const top = 8;
  const H = top + rowsData.length * rowH + 44;
  const max = Math.max(1, ...rowsData.map((r) => r.open + r.done));
  const x = (n: number) => left + (n / max) * (W - left - right);
  const bars = rowsData
    .map((r, idx) => {
      const yy = top + idx * rowH;
      const none = r.owner === null;
      const openColour = none ? UNOWNED : OWNED;
      const tip = `${r.label}: ${r.open} open${r.oldest !== null ? ` (oldest ${humanDays(r.oldest)})` : ''}, ${r.done} done`;
      return `<text class="tick" x="${left - 10}" y="${yy + rowH / 2 + 4}" text-anchor="end"${none ? ' style="font-weight:600;fill:#b35900"' : ''}>${esc(r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label)}</text>${r.open ? `<rect x="${left}" y="${yy + 4}" width="${(x(r.open) - left).toFixed(1)}" height="${rowH - 8}" fill="${openColour}"><title>${esc(tip)}</title></rect>` : ''}${r.done ? `<rect x="${x(r.open).toFixed(1)}" y="${yy + 4}" width="${(x(r.open + r.done) - x(r.open)).toFixed(1)}" height="${rowH - 8}" fill="${DONE}" fill-opacity="0.55"><title>${esc(tip)}</title></rect>` : ''}<text x="${(x(r.open + r.done) + 6).toFixed(1)}" y="${yy + rowH / 2 + 4}" class="tick">${r.open} open · ${r.done} done</text>`;
    })
    .join('');
  const ownerPlot = `${legend([
    { label: 'Open, owned', colour: OWNED },
    { label: 'Open, no owner', colour: UNOWNED },
    { label: 'Done', colour: DONE },
  ])}
  <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="ow-title ow-desc">
    <title id="ow-title">Follow-up actions by owner, open and done</title>
    <desc id="ow-desc">${esc(`${a.open} open and ${a.done} done actions over ${a.byOwner.length} owners; ${a.unassignedOpen} open actions have no owner.`)}</desc>
    ${bars}
    <line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${top + rowsData.length * rowH}"/>
    <text class="axis-title" x="${left + (W - left - right) / 2}" y="${H - 8}" text-anchor="middle">Actions (count)</text>
  </svg>`;

  // Age of the open actions: a histogram by age band, owned and unassigned stacked.
  const buckets = AGE_BUCKETS.map(([limit, label], i) => {
    const low = i === 0 ? -1 : AGE_BUCKETS[i - 1][0];
    const inBucket = a.openActions.filter((o) => o.ageDays !== null && o.ageDays > low && o.ageDays <= limit);
    return { label, owned: inBucket.filter((o) => o.owner).length, unowned: inBucket.filter((o) => !o.owner).length };
  });
  const af = frame(1000, 280, { left: 56, right: 16, top: 16, bottom: 56 });
  const { W: AW, H: AH, left: aLeft, right: aRight, top: aTop, plotW: aPlotW, plotH: aPlotH } = af;
  const { top: aMax, step: aStep } = axisTop(Math.max(...buckets.map((b) => b.owned + b.unowned)));
  const { y: ay, grid: aGrid } = countAxis(af, aMax, aStep);
  const aBand = aPlotW / buckets.length;
  const aBarW = aBand * 0.6;
  const aBars = buckets
    .map((b, i) => {
      const bx = aLeft + i * aBand + (aBand - aBarW) / 2;
      const cx = aLeft + i * aBand + aBand / 2;
      const owned = b.owned
        ? `<rect x="${bx.toFixed(1)}" y="${ay(b.owned).toFixed(1)}" width="${aBarW.toFixed(1)}" height="${(ay(0) - ay(b.owned)).toFixed(1)}" fill="${OWNED}"><title>${esc(`${b.label}: ${b.owned} open with an owner`)}</title></rect>`
        : '';
      const unowned = b.unowned
        ? `<rect x="${bx.toFixed(1)}" y="${ay(b.owned + b.unowned).toFixed(1)}" width="${aBarW.toFixed(1)}" height="${(ay(b.owned) - ay(b.owned + b.unowned)).toFixed(1)}" fill="${UNOWNED}"><title>${esc(`${b.label}: ${b.unowned} open without an owner`)}</title></rect>`
        : '';
      const total = b.owned + b.unowned;
      return `${owned}${unowned}${total ? `<text class="tick" x="${cx.toFixed(1)}" y="${(ay(total) - 6).toFixed(1)}" text-anchor="middle">${total}</text>` : ''}<text class="tick" x="${cx.toFixed(1)}" y="${aTop + aPlotH + 18}" text-anchor="middle">${esc(b.label)}</text>`;
    })
    .join('');
  const agePlot = `
  <h3>Age of the open actions</h3>
  <svg viewBox="0 0 ${AW} ${AH}" role="img" aria-labelledby="ag-title ag-desc">
    <title id="ag-title">Open follow-up actions by age</title>
    <desc id="ag-desc">${esc(buckets.map((b) => `${b.label}: ${b.owned + b.unowned} (${b.unowned} without an owner)`).join('; '))}</desc>
    ${aGrid}
    <line class="axis" x1="${aLeft}" x2="${AW - aRight}" y1="${aTop + aPlotH}" y2="${aTop + aPlotH}"/>
    ${aBars}
    <text class="axis-title" transform="translate(16 ${aTop + aPlotH / 2}) rotate(-90)" text-anchor="middle">Open actions (count)</text>
    <text class="axis-title" x="${aLeft + aPlotW / 2}" y="${AH - 8}" text-anchor="middle">Age: days since the postmortem's incident</text>
  </svg>`;
  const list = a.openActions
    .map(
      (o) =>
        `<tr><td class="num">${esc(humanDays(o.ageDays))}</td><td>${o.owner ? esc(o.owner) : '<span class="none">no owner</span>'}</td><td>${esc(o.text.length > 140 ? `${o.text.slice(0, 139)}…` : o.text)}</td><td>${o.tracking.length ? esc(o.tracking.join(' ')) : '<span class="none">none</span>'}</td><td><a href="${esc(links[o.id] ?? o.id)}">${esc(o.title)}</a></td></tr>`,
    )
    .join('');
  return `${head}${ownerPlot}${a.open ? agePlot : ''}
  <details><summary>Show the ${a.open} open actions, oldest first</summary><table><thead><tr><th class="num">Age</th><th>Owner</th><th>Action</th><th>Tracking</th><th>Postmortem</th></tr></thead><tbody>${list}</tbody></table></details>
</section>
`;
}
