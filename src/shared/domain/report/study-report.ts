import { formatPct, type ClaimEvaluation, type ClaimMetric } from '../claims';
import type { StudyDetail } from '../study';
import { eventDateLabel } from '../study-event';
import {
  eventStudyHtml,
  eventStudyMarkdown,
  RESEARCH_CSS,
  sensitivityHtml,
  sensitivityMarkdown,
  type ReportEventStudy,
  type ReportSensitivity,
} from './report-research';

/**
 * The report of a study (or of one of its events) as Markdown or self-contained HTML: a cover
 * (source, author, link), chart images where a renderer made them, the events with the
 * article's quotes and sources, the event study (mean CARs per event and window, a heatmap per
 * event and symbol) where it was run, the claims with values, verdicts, bases and their
 * sensitivity strips, and a provenance
 * appendix per series. The app prints the HTML to PDF (A4 or Letter, page numbers from CSS
 * page-margin boxes); the CLI writes HTML or Markdown without charts and says so.
 */

/** A chart picture made by the renderer, as a `data:image/png;base64,…` URL. */
export interface ReportImage {
  readonly title: string;
  readonly dataUrl: string;
}

export interface ReportInput {
  readonly study: StudyDetail;
  readonly claims: readonly ClaimEvaluation[];
  /** Only this event (and the claims measured from it); default: the whole study. */
  readonly eventId?: string;
  /** When the report was made (ISO date), printed on the cover. */
  readonly generatedOn: string;
  /** Chart images; none: the report says charts need the app. */
  readonly images?: readonly ReportImage[];
  /** Said instead of the charts when there are none (default {@link NO_CHARTS_NOTE}). */
  readonly noChartsNote?: string;
  /** Page size the HTML asks the printer for (default A4). */
  readonly pageSize?: 'A4' | 'Letter';
  /**
   * The event study of the report's scope (the study, or the one event), as `eventStudy.run`
   * gives it; null or absent: the section says there is none.
   */
  readonly eventStudy?: ReportEventStudy | null;
  /** Each claim's sensitivity strips, by claim id (from `claims.whatIf`); absent: none shown. */
  readonly sensitivity?: ReportSensitivity;
}

/** Said where a report has no chart images. */
export const NO_CHARTS_NOTE =
  'Chart images are not included: this report was made without a renderer (command line). Export the PDF report from the app for the annotated charts.';

const VERDICT: Record<string, string> = {
  holds: 'Holds',
  borderline: 'Borderline',
  fails: 'Fails',
  'not-enough-data': 'Not enough data',
};

/** The claim's metric in words, with its thresholds. */
export function metricText(m: ClaimMetric, eventTitle: (id: string) => string): string {
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  switch (m.kind) {
    case 'ytd-return-range':
      return `Year-to-date return on any session ${m.from} … ${m.to}; holds within ${pct(m.holds.min)}–${pct(m.holds.max)}${m.borderline ? `, borderline within ${pct(m.borderline.min)}–${pct(m.borderline.max)}` : ''}`;
    case 'max-gain-within-days':
      return `Largest gain within ${m.days} days of “${eventTitle(m.event)}”; holds above ${pct(m.holds.above)}${m.borderline ? `, borderline above ${pct(m.borderline.above)}` : ''}`;
    case 'record-high':
      return `Record ${m.field === 'high' ? 'intraday high' : 'close'} on the session of “${eventTitle(m.event)}” (within the cached history)`;
    case 'gain-over-period':
      return `Gain ${m.from} → ${m.to}; holds above ${pct(m.holds.above)}${m.borderline ? `, borderline above ${pct(m.borderline.above)}` : ''}`;
    case 'not-checkable':
      return `Not checkable against prices: ${m.reason}`;
  }
}

interface Section {
  readonly events: StudyDetail['events'];
  readonly claims: readonly ClaimEvaluation[];
}

function select(input: ReportInput): Section {
  if (!input.eventId) return { events: input.study.events, claims: input.claims };
  const events = input.study.events.filter((e) => e.id === input.eventId);
  const claims = input.claims.filter(
    (c) =>
      (c.metric.kind === 'max-gain-within-days' || c.metric.kind === 'record-high') && c.metric.event === input.eventId,
  );
  return { events, claims };
}

function reportTitle(input: ReportInput, s: Section): string {
  return input.eventId && s.events[0] ? `${input.study.title} — ${s.events[0].title}` : input.study.title;
}

const byline = (st: StudyDetail): string => [st.source.author, st.source.publication].filter(Boolean).join(', ');

const published = (st: StudyDetail): string | null => st.source.published ?? st.source.publishedNote;

function caveats(u: StudyDetail['universe'][number]): string {
  const c: string[] = [];
  if (!u.instrument) c.push('not cached');
  if (u.instrument?.closeOnly) c.push('close-only (no open/high/low)');
  c.push('vendor placeholder rows (volume 0, O = H = L = C) are kept but never used as a base');
  return c.join('; ');
}

// ---------- Markdown ----------

const mdCell = (s: string | null | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The report as Markdown (no images; the note says so when there are none). */
export function reportMarkdown(input: ReportInput): string {
  const st = input.study;
  const s = select(input);
  const eventTitle = (id: string) => st.events.find((e) => e.id === id)?.title ?? id;
  const out: string[] = [];
  out.push(`# ${reportTitle(input, s)}`, '');
  if (st.description) out.push(st.description, '');
  out.push(
    `- **Source:** “${st.source.title}”${byline(st) ? ` — ${byline(st)}` : ''}`,
    ...(st.source.url ? [`- **Link:** <${st.source.url}>`] : []),
    ...(published(st) ? [`- **Published:** ${published(st)}`] : []),
    `- **Universe:** ${st.universe.map((u) => `${u.symbol}${u.role === 'benchmark' ? ' (benchmark)' : ''}`).join(', ')}`,
    `- **Generated:** ${input.generatedOn} by Catalyst`,
    '',
  );
  out.push('## Charts', '');
  if (input.images?.length) for (const i of input.images) out.push(`![${i.title}](${i.dataUrl})`, '');
  else out.push(`> ${input.noChartsNote ?? NO_CHARTS_NOTE}`, '');

  out.push(`## Events (${s.events.length})`, '');
  out.push('| # | Date | Event | Symbols (T0) | Article’s words | Source |', '|---|---|---|---|---|---|');
  s.events.forEach((e, i) => {
    const t0 = e.symbols.map((sym) => `${sym} ${e.t0[sym] ?? '—'}`).join(', ');
    const src = e.source.url
      ? `[${e.source.publication ?? 'link'}](${e.source.url})`
      : (e.source.publication ?? e.source.kind);
    out.push(
      `| ${i + 1} | ${mdCell(eventDateLabel(e))} | ${mdCell(e.title)} | ${mdCell(t0)} | ${mdCell(e.source.quote ? `“${e.source.quote}”` : '')} | ${mdCell(src)} |`,
    );
  });
  out.push('');

  out.push(...eventStudyMarkdown(input.eventStudy, eventTitle, mdCell));

  out.push(`## Claims (${s.claims.length})`, '');
  for (const c of s.claims) {
    out.push(`### “${c.text}”`, '', `> ${c.quote}`, '', `*${metricText(c.metric, eventTitle)}*`, '');
    out.push('| Symbol | Value | Verdict | Window | Base → end |', '|---|---|---|---|---|');
    for (const r of c.results) {
      const base = r.base && r.end ? `${r.base.value} (${r.base.date}) → ${r.end.value} (${r.end.date})` : '—';
      out.push(
        `| ${r.symbol} | ${r.value === null ? '—' : formatPct(r.value)} | ${VERDICT[r.verdict]} | ${r.from ?? '—'} → ${r.to ?? '—'} | ${base} |`,
      );
    }
    out.push('', ...c.results.map((r) => `- ${r.symbol}: ${r.note}`), '');
    out.push(...sensitivityMarkdown(input.sensitivity?.[c.id]));
    if (c.note) out.push(`Note: ${c.note}`, '');
  }

  out.push('## Appendix: provenance', '');
  out.push('| Symbol | Role | Name | Cached range | Source | Adjustments | Caveats |', '|---|---|---|---|---|---|---|');
  for (const u of st.universe) {
    out.push(
      `| ${u.symbol} | ${u.role} | ${mdCell(u.instrument?.name)} | ${u.firstDate ?? '—'} → ${u.lastDate ?? '—'} | ${mdCell(u.instrument?.provenance ?? 'not cached')} | ${mdCell(u.instrument?.adjustmentNote)} | ${mdCell(caveats(u))} |`,
    );
  }
  out.push('', 'Charts drawn with TradingView Lightweight Charts™ (https://www.tradingview.com/).', '');
  return out.join('\n');
}

// ---------- HTML ----------

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const h = (s: string | null | undefined): string => escapeHtml(s ?? '');
const link = (url: string | null, text: string): string =>
  url && /^https?:\/\//.test(url) ? `<a href="${h(url)}">${h(text)}</a>` : h(text);

const CSS = (page: 'A4' | 'Letter') => `
@page { size: ${page}; margin: 16mm 14mm 18mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9px system-ui, sans-serif; color: #666; } }
* { box-sizing: border-box; }
body { font: 11px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 0; background: #fff; }
main { max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 22px; margin: 0 0 6px; } h2 { font-size: 15px; margin: 18px 0 6px; break-after: avoid; } h3 { font-size: 12px; margin: 12px 0 4px; break-after: avoid; }
.cover { break-after: page; padding-top: 30mm; } .cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; } .cover dt { color: #555; } .cover dd { margin: 0; }
.muted { color: #555; } .note { border-left: 3px solid #bbb; padding: 4px 8px; color: #444; background: #f6f6f6; }
figure { margin: 8px 0 14px; break-inside: avoid; } figure img { width: 100%; height: auto; border: 1px solid #ddd; } figcaption { color: #555; font-size: 10px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4px 0 10px; }
thead { display: table-header-group; } tr { break-inside: avoid; }
th, td { border: 1px solid #ccc; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #f0f0f0; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #ccc; color: #333; font-style: italic; }
.claim { break-inside: avoid-page; }
.series { break-inside: avoid; } .series dl { display: grid; grid-template-columns: 24mm 1fr; gap: 2px 8px; margin: 0 0 6px; } .series dt { color: #555; } .series dd { margin: 0; overflow-wrap: anywhere; }
.t0 { display: block; white-space: nowrap; font-size: 9.5px; } .v-holds { color: #11733b; font-weight: 600; } .v-fails { color: #b3261e; font-weight: 600; } .v-borderline { color: #8a5a00; font-weight: 600; }
a { color: #0b57d0; text-decoration: none; }
`;

/** The report as one self-contained HTML page (inline CSS, images as data URLs). */
export function reportHtml(input: ReportInput): string {
  const st = input.study;
  const s = select(input);
  const title = reportTitle(input, s);
  const eventTitle = (id: string) => st.events.find((e) => e.id === id)?.title ?? id;
  const parts: string[] = [];
  parts.push(
    `<section class="cover"><h1>${h(title)}</h1>`,
    st.description ? `<p>${h(st.description)}</p>` : '',
    '<dl>',
    `<dt>Source</dt><dd>“${link(st.source.url, st.source.title)}”</dd>`,
    byline(st) ? `<dt>Author</dt><dd>${h(byline(st))}</dd>` : '',
    st.source.url ? `<dt>Link</dt><dd>${link(st.source.url, st.source.url)}</dd>` : '',
    published(st) ? `<dt>Published</dt><dd>${h(published(st))}</dd>` : '',
    `<dt>Universe</dt><dd>${h(st.universe.map((u) => `${u.symbol}${u.role === 'benchmark' ? ' (benchmark)' : ''}`).join(', '))}</dd>`,
    `<dt>Events</dt><dd>${s.events.length}</dd><dt>Claims</dt><dd>${s.claims.length}</dd>`,
    `<dt>Generated</dt><dd>${h(input.generatedOn)} by Catalyst</dd>`,
    '</dl></section>',
  );
  parts.push('<section><h2>Charts</h2>');
  if (input.images?.length)
    for (const i of input.images)
      parts.push(
        `<figure><img src="${h(i.dataUrl)}" alt="${h(i.title)}"><figcaption>${h(i.title)}</figcaption></figure>`,
      );
  else parts.push(`<p class="note" data-testid="no-charts">${h(input.noChartsNote ?? NO_CHARTS_NOTE)}</p>`);
  parts.push('</section>');

  parts.push(
    `<section><h2>Events (${s.events.length})</h2><table class="events"><colgroup><col style="width:4%"><col style="width:12%"><col style="width:20%"><col style="width:18%"><col style="width:30%"><col style="width:16%"></colgroup>`,
    '<thead><tr><th>#</th><th>Date</th><th>Event</th><th>Symbols (T0)</th><th>Article’s words</th><th>Source</th></tr></thead><tbody>',
  );
  s.events.forEach((e, i) => {
    const t0 = e.symbols.map((sym) => `<span class="t0">${h(`${sym} ${e.t0[sym] ?? '—'}`)}</span>`).join('');
    parts.push(
      `<tr><td class="num">${i + 1}</td><td>${h(eventDateLabel(e))}</td><td>${h(e.title)}</td><td>${t0}</td><td>${e.source.quote ? `<blockquote>${h(e.source.quote)}</blockquote>` : ''}</td><td>${link(e.source.url, e.source.publication ?? (e.source.url ? new URL(e.source.url).hostname : e.source.kind))}</td></tr>`,
    );
  });
  parts.push('</tbody></table></section>');

  parts.push(eventStudyHtml(input.eventStudy, eventTitle, h, Boolean(input.eventId)));

  parts.push(`<section><h2>Claims (${s.claims.length})</h2>`);
  for (const c of s.claims) {
    parts.push(
      `<div class="claim" data-claim="${h(c.id)}"><h3>“${h(c.text)}”</h3><blockquote>${h(c.quote)}</blockquote><p class="muted">${h(metricText(c.metric, eventTitle))}</p>`,
      '<table><colgroup><col style="width:12%"><col style="width:10%"><col style="width:14%"><col style="width:20%"><col style="width:44%"></colgroup><thead><tr><th>Symbol</th><th>Value</th><th>Verdict</th><th>Window</th><th>Base → end, basis</th></tr></thead><tbody>',
    );
    for (const r of c.results) {
      const base = r.base && r.end ? `${r.base.value} (${r.base.date}) → ${r.end.value} (${r.end.date}). ` : '';
      parts.push(
        `<tr><td>${h(r.symbol)}</td><td class="num">${r.value === null ? '—' : h(formatPct(r.value))}</td><td class="v-${r.verdict}">${h(VERDICT[r.verdict] ?? r.verdict)}</td><td>${h(`${r.from ?? '—'} → ${r.to ?? '—'}`)}</td><td>${h(base + r.note)}</td></tr>`,
      );
    }
    parts.push(
      '</tbody></table>',
      sensitivityHtml(input.sensitivity?.[c.id], h),
      c.note ? `<p class="muted">Note: ${h(c.note)}</p>` : '',
      '</div>',
    );
  }
  parts.push('</section>');

  parts.push('<section class="provenance"><h2>Appendix: provenance</h2>');
  for (const u of st.universe) {
    parts.push(
      `<div class="series"><h3>${h(u.symbol)}${u.instrument?.name ? ` — ${h(u.instrument.name)}` : ''} <span class="muted">(${h(u.role)})</span></h3><dl>`,
      `<dt>Cached range</dt><dd>${h(`${u.firstDate ?? '—'} → ${u.lastDate ?? '—'}`)}</dd>`,
      `<dt>Source</dt><dd>${h(u.instrument?.provenance ?? 'not cached')}</dd>`,
      u.instrument?.adjustmentNote ? `<dt>Adjustments</dt><dd>${h(u.instrument.adjustmentNote)}</dd>` : '',
      `<dt>Caveats</dt><dd>${h(caveats(u))}</dd></dl></div>`,
    );
  }
  parts.push(
    '<p class="muted">Charts drawn with TradingView Lightweight Charts™ — <a href="https://www.tradingview.com/">https://www.tradingview.com/</a>.</p></section>',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${h(title)}</title><style>${CSS(input.pageSize ?? 'A4')}${RESEARCH_CSS}</style></head>
<body><main>${parts.filter(Boolean).join('\n')}</main></body></html>
`;
}
