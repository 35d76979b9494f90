import type { Ticker } from '../../brand';
import type { ClaimSensitivity } from '../claim-sensitivity';
import { formatPct } from '../claims';
import { significanceMark, type CrossSection, type SessionWindow } from '../event-study';

/**
 * The research parts of a study report: the event study (a table of mean CARs per event and
 * window, a heatmap of CARs per event and symbol, and for one event its table per symbol) and
 * each claim's sensitivity strip (the verdict had the claim been checked on each admissible
 * date). Pure: the caller runs the event study and the what-ifs and hands the results in.
 */

/** One symbol × window × event measure, as `eventStudy.run` returns it (fractions). */
export interface ReportEventStudyRow {
  readonly eventId: string;
  readonly symbol: Ticker;
  readonly benchmark: Ticker | null;
  readonly window: SessionWindow;
  readonly ret: number | null;
  readonly arMarketAdjusted: number | null;
  readonly carMarketModel: number | null;
  readonly tStat: number | null;
  readonly missing: readonly string[];
}

/** The event study a report shows: the shape of `eventStudy.run`'s result it reads. */
export interface ReportEventStudy {
  readonly events: readonly string[];
  readonly symbols: readonly Ticker[];
  readonly windows: readonly SessionWindow[];
  readonly rows: readonly ReportEventStudyRow[];
  readonly byEvent: ReadonlyArray<CrossSection & { readonly key: string; readonly window: SessionWindow }>;
}

/** Sensitivity strips by claim id. */
export type ReportSensitivity = Readonly<Record<string, readonly ClaimSensitivity[]>>;

/** `[+0, +5]`-style label of a session window. */
export function windowLabel(w: SessionWindow): string {
  const s = (n: number) => `${n > 0 ? '+' : ''}${n}`;
  return `[${s(w[0])}, ${s(w[1])}]`;
}

/** The window the heatmap shows: [0, +5] when measured, else the first window starting at T0, else the first. */
export function heatmapWindow(es: ReportEventStudy): SessionWindow | null {
  return (
    es.windows.find((w) => w[0] === 0 && w[1] === 5) ?? es.windows.find((w) => w[0] === 0) ?? es.windows[0] ?? null
  );
}

const sameWindow = (a: SessionWindow, b: SessionWindow): boolean => a[0] === b[0] && a[1] === b[1];
const pctOrDash = (v: number | null): string => (v === null ? '—' : formatPct(v));
const tText = (t: number | null): string => (t === null ? '—' : `${t.toFixed(2)}${significanceMark(t)}`);

/** The event study's rows of one window, keyed `eventId|symbol`. */
function cellsOf(es: ReportEventStudy, w: SessionWindow): Map<string, ReportEventStudyRow> {
  const m = new Map<string, ReportEventStudyRow>();
  for (const r of es.rows) if (sameWindow(r.window, w)) m.set(`${r.eventId}|${r.symbol}`, r);
  return m;
}

/** Symbols of the study with at least one measured CAR (the others are listed, not drawn). */
function measuredSymbols(es: ReportEventStudy): { shown: Ticker[]; unmeasured: Ticker[] } {
  const shown = es.symbols.filter((s) => es.rows.some((r) => r.symbol === s && r.carMarketModel !== null));
  return { shown, unmeasured: es.symbols.filter((s) => !shown.includes(s)) };
}

/** A heatmap cell's background: green up, red down, stronger with size (capped at ±20 %). */
export function heatColour(car: number | null): string {
  if (car === null) return '#f4f4f4';
  const a = Math.min(1, Math.abs(car) / 0.2);
  const alpha = (0.1 + 0.65 * a).toFixed(2);
  return car >= 0 ? `rgba(22, 163, 74, ${alpha})` : `rgba(220, 38, 38, ${alpha})`;
}

const VERDICT_COLOUR: Record<string, string> = {
  holds: '#16a34a',
  borderline: '#d97706',
  fails: '#dc2626',
  'not-enough-data': '#d4d4d4',
};

/** One line describing a strip: on how many of its sessions the claim holds. */
export function sensitivitySummary(s: ClaimSensitivity): string {
  if (!s.points.length) return s.note ?? 'no as-of range to vary';
  const first = s.points[0]!.date;
  const last = s.points.at(-1)!.date;
  const parts = [`holds on ${s.holds} of ${s.points.length} sessions`];
  if (s.borderline) parts.push(`borderline on ${s.borderline}`);
  return `${parts.join(', ')} (${first} … ${last})${s.note ? `; ${s.note}` : ''}`;
}

// ---------- Markdown ----------

/** The event-study section in Markdown (numbers only). */
export function eventStudyMarkdown(
  es: ReportEventStudy | null | undefined,
  eventTitle: (id: string) => string,
  cell: (s: string) => string,
): string[] {
  const out: string[] = ['## Event study', ''];
  if (!es || !es.events.length || !es.symbols.length) {
    out.push('> No event study: the study has no events or no subject symbols.', '');
    return out;
  }
  out.push(
    'Market-model cumulative abnormal returns (CAR), estimated over sessions −130 … −11 before T0; t: * |t| ≥ 1.96, ** |t| ≥ 2.58.',
    '',
  );
  out.push(`### Mean CAR across symbols, per event`, '');
  out.push(`| Event | ${es.windows.map(windowLabel).join(' | ')} |`, `|---|${es.windows.map(() => '---').join('|')}|`);
  for (const id of es.events) {
    const cells = es.windows.map((w) => {
      const s = es.byEvent.find((b) => b.key === id && sameWindow(b.window, w));
      return s && s.mean !== null ? `${formatPct(s.mean)} (t ${tText(s.tStat)}, n ${s.n})` : '—';
    });
    out.push(`| ${cell(eventTitle(id))} | ${cells.join(' | ')} |`);
  }
  out.push('');
  const w = heatmapWindow(es);
  if (w) {
    const m = cellsOf(es, w);
    const { shown, unmeasured } = measuredSymbols(es);
    out.push(`### Heatmap: CAR ${windowLabel(w)} per event and symbol`, '');
    if (shown.length) {
      out.push(`| Event | ${shown.join(' | ')} |`, `|---|${shown.map(() => '---').join('|')}|`);
      for (const id of es.events)
        out.push(
          `| ${cell(eventTitle(id))} | ${shown.map((s) => pctOrDash(m.get(`${id}|${s}`)?.carMarketModel ?? null)).join(' | ')} |`,
        );
      out.push('');
    }
    if (unmeasured.length) out.push(`Not measured (no cached prices or benchmark): ${unmeasured.join(', ')}.`, '');
  }
  return out;
}

/** A claim's sensitivity lines in Markdown. */
export function sensitivityMarkdown(strips: readonly ClaimSensitivity[] | undefined): string[] {
  if (!strips?.length) return [];
  return ['Sensitivity to the as-of date:', ...strips.map((s) => `- ${s.symbol}: ${sensitivitySummary(s)}`), ''];
}

// ---------- HTML ----------

/** CSS of the research parts (added to the report's). */
export const RESEARCH_CSS = `
.heatmap { table-layout: auto; font-size: 9px; } .heatmap td.num { padding: 2px 3px; } .heatmap th.sym { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; padding: 4px 2px; font-size: 9px; }
.heatmap td, .strip span { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.strip { display: flex; height: 10px; margin: 2px 0 0; border: 1px solid #ddd; } .strip span { flex: 1 1 0; min-width: 0; }
.sensitivity { margin: 4px 0 8px; } .sensitivity dt { font-weight: 600; font-size: 10px; } .sensitivity dd { margin: 0 0 6px; font-size: 10px; color: #444; }
`;

/** The event-study section in HTML: mean CARs per event, the heatmap, and one event's rows. */
export function eventStudyHtml(
  es: ReportEventStudy | null | undefined,
  eventTitle: (id: string) => string,
  h: (s: string) => string,
  oneEvent: boolean,
): string {
  const parts: string[] = ['<section class="event-study" data-testid="report-event-study"><h2>Event study</h2>'];
  if (!es || !es.events.length || !es.symbols.length) {
    parts.push('<p class="note">No event study: the study has no events or no subject symbols.</p></section>');
    return parts.join('\n');
  }
  parts.push(
    '<p class="muted">Market-model cumulative abnormal returns (CAR), alpha and beta estimated over sessions −130 … −11 before T0; t: * |t| ≥ 1.96 (5 %), ** |t| ≥ 2.58 (1 %).</p>',
  );
  if (oneEvent) {
    const id = es.events[0]!;
    parts.push(
      `<h3>${h(eventTitle(id))}</h3><table class="es-rows"><thead><tr><th>Symbol</th><th>Window</th><th>Return</th><th>AR (market-adj.)</th><th>CAR (market model)</th><th>t</th><th>Missing</th></tr></thead><tbody>`,
    );
    for (const r of es.rows.filter((x) => x.eventId === id))
      parts.push(
        `<tr><td>${h(r.symbol)}</td><td>${h(windowLabel(r.window))}</td><td class="num">${h(pctOrDash(r.ret))}</td><td class="num">${h(pctOrDash(r.arMarketAdjusted))}</td><td class="num">${h(pctOrDash(r.carMarketModel))}</td><td class="num">${h(tText(r.tStat))}</td><td>${h(r.missing.join('; '))}</td></tr>`,
      );
    parts.push('</tbody></table>');
  }
  parts.push(
    `<h3>Mean CAR across symbols, per event</h3><table class="es-means"><thead><tr><th style="width:34%">Event</th>${es.windows.map((w) => `<th>${h(windowLabel(w))}</th>`).join('')}</tr></thead><tbody>`,
  );
  for (const id of es.events) {
    const cells = es.windows.map((w) => {
      const s = es.byEvent.find((b) => b.key === id && sameWindow(b.window, w));
      return s && s.mean !== null
        ? `<td class="num">${h(formatPct(s.mean))}<br><span class="muted">t ${h(tText(s.tStat))}, n ${s.n}</span></td>`
        : '<td class="num">—</td>';
    });
    parts.push(`<tr><td>${h(eventTitle(id))}</td>${cells.join('')}</tr>`);
  }
  parts.push('</tbody></table>');

  const w = heatmapWindow(es);
  if (w && !oneEvent) {
    const m = cellsOf(es, w);
    const { shown, unmeasured } = measuredSymbols(es);
    if (shown.length) {
      parts.push(
        `<h3>Heatmap: CAR ${h(windowLabel(w))} per event and symbol</h3><table class="heatmap" data-testid="report-heatmap"><thead><tr><th>Event</th>${shown.map((s) => `<th class="sym">${h(s)}</th>`).join('')}</tr></thead><tbody>`,
      );
      for (const id of es.events) {
        const cells = shown.map((s) => {
          const car = m.get(`${id}|${s}`)?.carMarketModel ?? null;
          return `<td class="num" style="background:${heatColour(car)}">${h(car === null ? '—' : formatPct(car))}</td>`;
        });
        parts.push(`<tr><td>${h(eventTitle(id))}</td>${cells.join('')}</tr>`);
      }
      parts.push('</tbody></table>');
    }
    if (unmeasured.length)
      parts.push(`<p class="muted">Not measured (no cached prices or benchmark): ${h(unmeasured.join(', '))}.</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** A claim's sensitivity strips in HTML: one coloured cell per admissible session, by verdict. */
export function sensitivityHtml(strips: readonly ClaimSensitivity[] | undefined, h: (s: string) => string): string {
  if (!strips?.length) return '';
  const parts = ['<dl class="sensitivity" data-testid="report-sensitivity">'];
  for (const s of strips) {
    parts.push(`<dt>${h(s.symbol)} — sensitivity to the as-of date</dt><dd>${h(sensitivitySummary(s))}`);
    if (s.points.length)
      parts.push(
        `<div class="strip" role="img" aria-label="${h(`${s.symbol}: ${sensitivitySummary(s)}`)}">${s.points
          .map(
            (p) =>
              `<span style="background:${VERDICT_COLOUR[p.verdict] ?? '#d4d4d4'}" title="${h(`${p.date}: ${pctOrDash(p.value)} ${p.verdict}`)}"></span>`,
          )
          .join('')}</div>`,
      );
    parts.push('</dd>');
  }
  parts.push('</dl>');
  return parts.join('');
}
