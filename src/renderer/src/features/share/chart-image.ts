/**
 * Composes the chart picture for a report: a title and subtitle (study, symbols, range), the
 * price legend, the chart as lightweight-charts draws it (markers and primitives, no
 * crosshair), a numbered legend of the events shown with their dates and titles, the data
 * source and provenance lines, and the attribution lightweight-charts' licence asks for.
 * Drawn at `scale` × CSS pixels (2 by default) on a canvas of its own.
 */

/** Colours of the picture (the app's theme, or forced light for print). */
export interface ChartImageColors {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
}

export interface ChartImageLegendItem {
  readonly label: string;
  readonly color: string;
}

export interface ChartImageEvent {
  readonly number: number;
  readonly date: string;
  readonly title: string;
  readonly color: string;
}

export interface ChartImageSpec {
  /** The chart's own screenshot (device pixels). */
  readonly chart: HTMLCanvasElement;
  /** The chart's size in CSS pixels (the screenshot is this times the device pixel ratio). */
  readonly chartWidth: number;
  readonly chartHeight: number;
  readonly scale: 1 | 2;
  readonly colors: ChartImageColors;
  readonly title: string;
  readonly subtitle: string;
  readonly legend: readonly ChartImageLegendItem[];
  readonly events: readonly ChartImageEvent[];
  readonly provenance: readonly string[];
  readonly attribution: string;
}

/** Light colours for print, whatever the app shows. */
export const PRINT_COLORS: ChartImageColors = {
  background: '#ffffff',
  text: '#131722',
  muted: '#5d606b',
  border: '#d1d4dc',
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const PAD = 16;

/** Splits text into lines no wider than `width` with the context's current font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (ctx.measureText(next).width <= width || !line) line = next;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Cuts text to `width` with an ellipsis. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** Draws the picture; returns a new canvas of `scale` × its CSS size. */
export function composeChartImage(spec: ChartImageSpec): HTMLCanvasElement {
  const width = Math.max(640, Math.round(spec.chartWidth)) + 2 * PAD;
  const inner = width - 2 * PAD;
  const measure = document.createElement('canvas').getContext('2d')!;

  // Layout in CSS px first, so the canvas gets its final height before anything is drawn.
  const columns = inner >= 900 ? 3 : 2;
  const colWidth = (inner - (columns - 1) * 16) / columns;
  const eventRows = Math.ceil(spec.events.length / columns);
  measure.font = `11px ${FONT}`;
  const provLines = spec.provenance.flatMap((p) => wrap(measure, p, inner));
  // A long title (a comparison of many symbols) takes a second line rather than losing its end.
  measure.font = `600 18px ${FONT}`;
  const wrapped = wrap(measure, spec.title, inner);
  const titleLines = wrapped.length <= 2 ? wrapped : [wrapped[0]!, fit(measure, wrapped.slice(1).join(' '), inner)];
  const headerH = 24 * titleLines.length + 18 + (spec.legend.length ? 20 : 0) + 8;
  const eventsH = spec.events.length ? 22 + eventRows * 16 + 8 : 0;
  const footH = provLines.length * 14 + 6 + 14 + PAD;
  const height = PAD + headerH + spec.chartHeight + 10 + eventsH + footH;

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * spec.scale);
  canvas.height = Math.round(height * spec.scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(spec.scale, spec.scale);
  ctx.fillStyle = spec.colors.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'top';

  let y = PAD;
  ctx.fillStyle = spec.colors.text;
  ctx.font = `600 18px ${FONT}`;
  for (const line of titleLines) {
    ctx.fillText(fit(ctx, line, inner), PAD, y);
    y += 24;
  }
  ctx.fillStyle = spec.colors.muted;
  ctx.font = `12px ${FONT}`;
  ctx.fillText(fit(ctx, spec.subtitle, inner), PAD, y);
  y += 18;
  if (spec.legend.length) {
    let x = PAD;
    ctx.font = `12px ${FONT}`;
    for (const item of spec.legend) {
      ctx.fillStyle = item.color;
      ctx.fillRect(x, y + 4, 14, 3);
      ctx.fillStyle = spec.colors.text;
      ctx.fillText(item.label, x + 18, y);
      x += 18 + ctx.measureText(item.label).width + 18;
    }
    y += 20;
  }
  y += 8;

  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(spec.chart, PAD, y, spec.chartWidth, spec.chartHeight);
  ctx.strokeStyle = spec.colors.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(PAD - 0.5, y - 0.5, spec.chartWidth + 1, spec.chartHeight + 1);
  y += spec.chartHeight + 10;

  if (spec.events.length) {
    ctx.fillStyle = spec.colors.text;
    ctx.font = `600 12px ${FONT}`;
    ctx.fillText(`Events shown (${spec.events.length})`, PAD, y);
    y += 22;
    spec.events.forEach((e, i) => {
      const col = Math.floor(i / eventRows);
      const row = i % eventRows;
      const x = PAD + col * (colWidth + 16);
      const ey = y + row * 16;
      const badge = String(e.number);
      ctx.font = `600 10px ${FONT}`;
      const bw = Math.max(16, ctx.measureText(badge).width + 6);
      ctx.fillStyle = e.color;
      ctx.fillRect(x, ey, bw, 13);
      ctx.fillStyle = '#ffffff';
      ctx.fillText(badge, x + (bw - ctx.measureText(badge).width) / 2, ey + 1.5);
      ctx.fillStyle = spec.colors.text;
      ctx.font = `11px ${FONT}`;
      ctx.fillText(fit(ctx, `${e.date}  ${e.title}`, colWidth - bw - 6), x + bw + 6, ey + 1);
    });
    y += eventRows * 16 + 8;
  }

  ctx.fillStyle = spec.colors.muted;
  ctx.font = `11px ${FONT}`;
  for (const line of provLines) {
    ctx.fillText(line, PAD, y);
    y += 14;
  }
  y += 6;
  ctx.font = `10px ${FONT}`;
  ctx.fillText(spec.attribution, PAD, y);
  return canvas;
}

/** The canvas as PNG bytes. */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded as PNG'))), 'image/png'),
  );
}
