/**
 * `clientlog review`'s outputs: text for a terminal, Markdown for the weekly team note, one self-contained HTML
 * file (inline SVG charts, no scripts) to mail or archive, and JSON (docs/REVIEW.md, schema version 1).
 */
import { formatMessage as en } from '../core/messages';
import type { Figures, Review, ReviewMoveRef, ReviewRef, TrendPoint } from '../core/review/figures';
import { REVIEW_COLUMNS, SLIP_BANDS, columnTitle, percent, reviewMarkdown, reviewRow, slipCounts } from '../core/review/report';

export type ReviewFormat = 'text' | 'md' | 'html' | 'json';
export const REVIEW_FORMATS: readonly ReviewFormat[] = ['text', 'md', 'html', 'json'];

/** The JSON schema's version: raised on any change that could break a reader (docs/REVIEW.md). */
export const REVIEW_SCHEMA_VERSION = 1;

export function reviewOutput(r: Review, format: ReviewFormat, files: readonly string[]): string {
  const where = (x: ReviewRef) => `${files[x.source]}:${x.line + 1}`;
  switch (format) {
    case 'md':
      return reviewMarkdown(r, en, 'en', where);
    case 'json':
      return reviewJson(r, files);
    case 'html':
      return reviewHtml(r, where);
    default:
      return reviewText(r, where);
  }
}

// ---------------------------------------------------------------------------------------------------
// text

/**
 * A cell's width in code points (`[...s].length`), without making an array of them for the cells that have no
 * surrogate (almost every one: with 10,000 clients, 130,000 cells, twice each).
 */
const codePoints = (s: string) => (/[\ud800-\udfff]/.test(s) ? [...s].length : s.length);

function reviewText(r: Review, where: (x: ReviewRef) => string): string {
  const weeks = r.total.trend.length;
  const rows = [...r.clients.map((c) => reviewRow(c, en, 'en')), reviewRow(r.total, en, 'en')];
  const table = [REVIEW_COLUMNS.map((c) => columnTitle(c, en, weeks)), ...rows.map((row) => REVIEW_COLUMNS.map((c) => row[c].text))];
  const widths = REVIEW_COLUMNS.map((_, k) => Math.max(...table.map((line) => codePoints(line[k]))));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - codePoints(s)) + s : s + ' '.repeat(w - codePoints(s)));
  let out = `Weekly review ${r.since} – ${r.until} (made on ${r.today}, ${r.timeZone})\n\n`;
  table.forEach((line, k) => {
    out += `${line
      .map((cell, c) => pad(cell, widths[c], c > 0 && c < REVIEW_COLUMNS.length - 2 && k > 0))
      .join('  ')
      .trimEnd()}\n`;
    if (k === 0 || k === table.length - 2) out += `${widths.map((w) => '-'.repeat(w)).join('  ')}\n`;
  });
  const section = <R extends ReviewRef>(heading: string, refs: readonly R[], extra: (x: R) => string = () => '') => {
    if (refs.length === 0) return;
    out += `\n${heading} (${refs.length})\n`;
    for (const x of refs) out += `  ${x.date ?? ''}  ${x.client || '(no client)'}: ${x.text}${extra(x)}  (${where(x)})\n`;
  };
  const p = r.total.promises;
  const days = (x: ReviewRef) => (x.days !== undefined ? ` (${x.days} d)` : '');
  section('Open and overdue', p.overdue, days);
  section('Broken', p.broken);
  section('Kept late', p.late, days);
  section('Moved', p.moves, (m: ReviewMoveRef) => ` (from ${m.from} to ${m.to}${m.who ? `, agreed by ${m.who}` : ''})`);
  section('Dropped', p.dropped);
  section('Waiting on the client', r.total.waiting.open, (x) => ` (waiting ${x.days ?? 0} d${x.who ? `, ${x.who}` : ''})`);
  section('Scope changes not confirmed yet', r.total.scope.unconfirmed, days);
  const u = r.total.urgency;
  out += `\n${en('Urgent lines: crisis {0}, request {1}, untriaged {2}. Notes written: apologies {3}, refusals {4}, escalations {5}.', u.crisis.length, u.request.length, u.untriaged.length, u.apologies.length, u.refusals.length, u.escalations.length)}\n`;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// JSON

function reviewJson(r: Review, files: readonly string[]): string {
  const ref = (x: ReviewRef) => {
    const { source, line, ...rest } = x;
    return { file: files[source], line: line + 1, ...rest };
  };
  const refs = (xs: readonly ReviewRef[]) => xs.map(ref);
  const figures = (f: Figures) => ({
    promises: {
      due: f.promises.due,
      onTimeRate: f.promises.onTimeRate,
      firstDateRate: f.promises.firstDateRate,
      slipMedian: f.promises.slipMedian,
      slipWorst: f.promises.slipWorst,
      onTime: refs(f.promises.onTime),
      late: refs(f.promises.late),
      broken: refs(f.promises.broken),
      dropped: refs(f.promises.dropped),
      overdue: refs(f.promises.overdue),
      notYetDue: refs(f.promises.notYetDue),
      firstDate: refs(f.promises.firstDate),
      moves: refs(f.promises.moves),
    },
    waiting: {
      due: f.waiting.due,
      inTime: refs(f.waiting.inTime),
      late: refs(f.waiting.late),
      open: refs(f.waiting.open),
      pending: refs(f.waiting.pending),
      dropped: refs(f.waiting.dropped),
    },
    scope: {
      raised: f.scope.raised,
      confirmMedian: f.scope.confirmMedian,
      confirmed: refs(f.scope.confirmed),
      declined: refs(f.scope.declined),
      dropped: refs(f.scope.dropped),
      unconfirmed: refs(f.scope.unconfirmed),
    },
    urgency: Object.fromEntries(Object.entries(f.urgency).map(([k, v]) => [k, refs(v as ReviewRef[])])),
    trend: f.trend,
  });
  return (
    JSON.stringify(
      {
        schema: 'clientlog-review',
        version: REVIEW_SCHEMA_VERSION,
        now: r.now,
        today: r.today,
        timeZone: r.timeZone,
        since: r.since,
        until: r.until,
        weeks: r.total.trend.length,
        files: files.length,
        clients: r.clients.map((c) => ({
          client: c.client,
          files: c.sources.map((s) => files[s]),
          lastTouch: c.lastTouch ? { date: c.lastTouch.date, days: c.lastTouch.days, file: files[c.lastTouch.source], line: c.lastTouch.line + 1 } : null,
          ...figures(c),
        })),
        total: figures(r.total),
      },
      null,
      2,
    ) + '\n'
  );
}

// ---------------------------------------------------------------------------------------------------
// HTML: one file, no scripts, no remote content; inline SVG; prints on white paper.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A line chart of the weekly on-time rate: one point per week, a gap where a week has nothing to rate. */
export function trendSvg(trend: readonly TrendPoint[], width: number, height: number, { axes = true, label = '' } = {}): string {
  const padL = axes ? 36 : 2;
  const padB = axes ? 20 : 2;
  const padT = axes ? 8 : 2;
  const w = width - padL - 4;
  const h = height - padB - padT;
  const x = (k: number) => padL + (trend.length > 1 ? (k * w) / (trend.length - 1) : w / 2);
  const y = (rate: number) => padT + h - rate * h;
  let path = '';
  let pen = false;
  trend.forEach((p, k) => {
    if (p.rate === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(k).toFixed(1)},${y(p.rate).toFixed(1)}`;
    pen = true;
  });
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}">`;
  if (axes) {
    for (const g of [0, 0.5, 1]) {
      svg += `<line x1="${padL}" x2="${padL + w}" y1="${y(g)}" y2="${y(g)}" class="grid"/><text x="${padL - 4}" y="${y(g) + 4}" text-anchor="end" class="tick">${g * 100}%</text>`;
    }
    trend.forEach((p, k) => {
      if (k % 2 === trend.length % 2 || trend.length <= 6)
        svg += `<text x="${x(k)}" y="${height - 4}" text-anchor="middle" class="tick">${esc(p.week.slice(5))}</text>`;
    });
  }
  svg += `<path d="${path}" class="line"/>`;
  trend.forEach((p, k) => {
    if (p.rate !== null)
      svg += `<circle cx="${x(k).toFixed(1)}" cy="${y(p.rate).toFixed(1)}" r="${axes ? 3 : 1.5}" class="dot"><title>${esc(`${p.week}: ${percent(p.rate, 'en')} (${p.onTime}/${p.counted})`)}</title></circle>`;
  });
  return svg + '</svg>';
}

function barsSvg(bars: ReadonlyArray<{ label: string; value: number }>, width: number, label: string): string {
  const row = 20;
  const labelW = 150;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = width - labelW - 40;
  const height = Math.max(row, bars.length * row) + 4;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}">`;
  bars.forEach((b, k) => {
    const y = k * row + 2;
    const bw = (b.value / max) * w;
    svg += `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" class="tick">${esc(b.label)}</text><rect x="${labelW}" y="${y + 3}" width="${bw.toFixed(1)}" height="${row - 6}" class="bar"/><text x="${labelW + bw + 4}" y="${y + 14}" class="tick">${b.value}</text>`;
  });
  return svg + '</svg>';
}

function reviewHtml(r: Review, where: (x: ReviewRef) => string): string {
  const weeks = r.total.trend.length;
  const head = REVIEW_COLUMNS.map((c) => `<th scope="col">${esc(columnTitle(c, en, weeks))}</th>`).join('');
  const row = (f: Figures & { client?: string; lastTouch?: { date: string; days: number } }, total: boolean) => {
    const cells = reviewRow(f, en, 'en');
    return `<tr${total ? ' class="total"' : ''}>${REVIEW_COLUMNS.map((c) => {
      if (c === 'client') return `<th scope="row">${esc(cells.client.text)}</th>`;
      if (c === 'trend') return `<td>${trendSvg(f.trend, 120, 24, { axes: false, label: `${cells.client.text}: ${en('Trend ({0} weeks)', weeks)}` })}</td>`;
      return `<td class="${c === 'lastTouch' ? 'd' : 'n'}">${esc(cells[c].text)}</td>`;
    }).join('')}</tr>`;
  };
  const list = <R extends ReviewRef>(heading: string, refs: readonly R[], extra: (x: R) => string = () => '') =>
    refs.length === 0
      ? ''
      : `<h3>${esc(heading)} (${refs.length})</h3><ul>${refs.map((x) => `<li><span class="d">${esc(x.date ?? '')}</span> <b>${esc(x.client || '(no client)')}</b>: ${esc(x.text)}${esc(extra(x))} <code>${esc(where(x))}</code></li>`).join('')}</ul>`;
  const p = r.total.promises;
  const days = (x: ReviewRef) => (x.days !== undefined ? ` (${x.days} d)` : '');
  const slipValues = slipCounts(p.late.map((x) => x.days ?? 0));
  const slips = SLIP_BANDS.map(([label], k) => ({ label: `${label} d`, value: slipValues[k] }));
  const overdueBy = r.clients.filter((c) => c.promises.overdue.length > 0).map((c) => ({ label: c.client || '(no client)', value: c.promises.overdue.length }));
  const u = r.total.urgency;
  const title = `Weekly review ${r.since} – ${r.until}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fff; margin: 2em; }
h1 { font-size: 1.5em; margin: 0 0 .2em; } h2 { font-size: 1.15em; margin-top: 1.6em; } h3 { font-size: 1em; margin: 1.2em 0 .3em; }
.meta { color: #555; margin: 0 0 1.2em; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: middle; }
thead th { border-bottom: 2px solid #888; font-weight: 600; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } td.d { white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #888; }
.charts { display: flex; flex-wrap: wrap; gap: 2em; } .chart h2 { margin-top: 1em; }
svg .line { fill: none; stroke: #1f6feb; stroke-width: 2; } svg .dot { fill: #1f6feb; } svg .bar { fill: #d4761c; }
svg .grid { stroke: #ddd; } svg .tick { font-size: 10px; fill: #555; }
ul { margin: 0; padding-left: 1.2em; } li { margin: 2px 0; } .d { font-variant-numeric: tabular-nums; color: #555; } code { font-size: .85em; color: #555; }
@media print { body { margin: 0; font-size: 11pt; } .charts { break-inside: avoid; } tr, li { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">${esc(`Made on ${r.today} (${r.timeZone}). Promises due in the period; on time = kept on time / (kept on time + kept late + broken + open overdue).`)}</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${r.clients.map((c) => row(c, false)).join('\n')}
${row(r.total, true)}
</tbody>
</table>
<div class="charts">
<div class="chart"><h2>${esc(`On time, week by week (${weeks} weeks)`)}</h2>${trendSvg(r.total.trend, 520, 180, { label: `On time, week by week (${weeks} weeks)` })}</div>
<div class="chart"><h2>Slip of the promises kept late</h2>${barsSvg(slips, 360, 'Slip of the promises kept late')}</div>
<div class="chart"><h2>Open and overdue, by client</h2>${overdueBy.length ? barsSvg(overdueBy, 360, 'Open and overdue, by client') : '<p>None.</p>'}</div>
</div>
<h2>What needs attention</h2>
${list('Open and overdue', p.overdue, days)}
${list('Broken', p.broken)}
${list('Kept late', p.late, days)}
${list('Moved', p.moves, (m: ReviewMoveRef) => ` (from ${m.from} to ${m.to}${m.who ? `, agreed by ${m.who}` : ''})`)}
${list('Dropped', p.dropped)}
${list('Waiting on the client', r.total.waiting.open, (x) => ` (waiting ${x.days ?? 0} d${x.who ? `, ${x.who}` : ''})`)}
${list('Scope changes not confirmed yet', r.total.scope.unconfirmed, days)}
<p>${esc(en('Urgent lines: crisis {0}, request {1}, untriaged {2}. Notes written: apologies {3}, refusals {4}, escalations {5}.', u.crisis.length, u.request.length, u.untriaged.length, u.apologies.length, u.refusals.length, u.escalations.length))}</p>
</body>
</html>
`;
}
