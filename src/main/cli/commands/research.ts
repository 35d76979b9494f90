import { isoDateSchema, isIsoDate, parseTicker, tickerSchema, type Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import { compareInputSchema, type EventStudyRow } from '../../../shared/contract/research';
import { currencySchema } from '../../../shared/domain/compare-currency';
import { formatPct } from '../../../shared/domain/claims';
import { parseWindow, significanceMark } from '../../../shared/domain/event-study';
import { slugSchema } from '../../../shared/domain/study-event';
import { optionalArg } from '../args';
import { UsageError, type Command, type CommandContext } from '../command';
import { compareSpec, studySpec } from './specs';

/** `A,B,C` → validated symbols. */
function symbolsArg(ctx: CommandContext, required: boolean): Ticker[] | undefined {
  const raw = ctx.flags.symbols;
  if (raw === undefined) {
    if (required) throw new UsageError('missing --symbols A,B');
    return undefined;
  }
  if (typeof raw !== 'string') throw new UsageError('--symbols needs a value');
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new UsageError('--symbols needs at least one symbol');
  return list.map((s) => {
    const t = parseTicker(s);
    if (!t)
      throw new CatalystError('invalid-input', `--symbols: "${s}" is not a symbol (expected e.g. 9988.HK, BABA, ^HSI)`);
    return t;
  });
}

/**
 * `catalyst compare --symbols A,B --anchor EVENT_ID|YYYY-MM-DD [--from] [--to] [--currency CCY]`: each
 * symbol rebased to 100 at the anchor (in CCY when given). JSON: `[{symbol, anchorDate, points:
 * [{date, value}], missing}]`, plus `currency` and `convertedFrom` with `--currency`.
 */
export const compareCommand: Command = {
  ...compareSpec,
  async run(ctx) {
    const symbols = symbolsArg(ctx, true)!;
    const anchorRaw = ctx.flags.anchor;
    if (typeof anchorRaw !== 'string' || !anchorRaw.trim())
      throw new UsageError('missing --anchor EVENT_ID|YYYY-MM-DD');
    const a = anchorRaw.trim();
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(a);
    if (isDate && !isIsoDate(a))
      throw new CatalystError('invalid-input', '--anchor: must be a real date in YYYY-MM-DD form, or an event id');
    const anchor = isDate ? { date: a } : { eventId: a };
    const parsed = compareInputSchema.safeParse({
      symbols,
      anchor,
      from: optionalArg(ctx.flags.from, '--from', isoDateSchema),
      to: optionalArg(ctx.flags.to, '--to', isoDateSchema),
      currency: optionalArg(ctx.flags.currency, '--currency', currencySchema),
    });
    if (!parsed.success) throw new CatalystError('invalid-input', parsed.error.issues.map((i) => i.message).join('; '));
    const { services } = ctx.core();
    services.seed.seedIfEmpty();
    const series = services.compare.compare(parsed.data);
    const json = series.map((s) => ({
      symbol: s.symbol,
      anchorDate: s.anchorDate,
      points: s.points.map((p) => ({ date: p.date, value: p.value })),
      missing: s.missing,
      ...(parsed.data.currency ? { currency: s.currency, convertedFrom: s.convertedFrom } : {}),
    }));
    ctx.print(json, () =>
      series
        .map((s) => {
          if (s.missing) return `${s.symbol.padEnd(10)} ${s.missing}`;
          const last = s.points.at(-1);
          const change = last ? formatPct(last.value / 100 - 1) : '—';
          const ccy = s.convertedFrom ? ` (in ${s.currency}, from ${s.convertedFrom})` : '';
          return `${s.symbol.padEnd(10)} = 100 on ${s.anchorDate}; ${last?.date ?? '—'}: ${last ? last.value.toFixed(2) : '—'} (${change})${ccy}`;
        })
        .join('\n'),
    );
    return 0;
  },
};

/** `-5:-1,0:1` → windows. */
function windowsArg(ctx: CommandContext): Array<[number, number]> | undefined {
  const raw = ctx.flags.windows;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new UsageError('--windows needs a value');
  const parts = raw.split(',').filter((p) => p.trim());
  if (parts.length === 0 || parts.length > 12)
    throw new CatalystError('invalid-input', '--windows: give 1 to 12 windows a:b');
  return parts.map((p) => {
    const w = parseWindow(p);
    if (!w)
      throw new CatalystError(
        'invalid-input',
        `--windows: "${p}" is not a window a:b of sessions around T0 (a ≤ b, each within ±250), e.g. -5:-1`,
      );
    return [w[0], w[1]];
  });
}

/** One row of `catalyst study --json`: the issue's keys in order, then the added ones. */
function rowJson(r: EventStudyRow) {
  return {
    symbol: r.symbol,
    benchmark: r.benchmark,
    t0: r.t0,
    window: r.window,
    ret: r.ret,
    arMarketAdjusted: r.arMarketAdjusted,
    carMarketModel: r.carMarketModel,
    tStat: r.tStat,
    alpha: r.alpha,
    beta: r.beta,
    estimation: r.estimation,
    event: r.eventId,
    from: r.from,
    to: r.to,
    missing: r.missing,
  };
}

const pct = (v: number | null) => (v === null ? '—' : formatPct(v));

/**
 * `catalyst study --event ID | --study ID [--symbols A,B] [--benchmark SYM] [--windows -5:-1,0:1]`:
 * the event study. Other `study …` subcommands (export, import, from-article) are their own
 * commands; this one takes no positional argument.
 */
export const studyCommand: Command = {
  ...studySpec,
  async run(ctx) {
    if (ctx.args.length > 0) throw new UsageError(`unknown study subcommand "${ctx.args[0]}"`);
    const eventId = optionalArg(ctx.flags.event, '--event', slugSchema);
    const studyId = optionalArg(ctx.flags.study, '--study', slugSchema);
    if ((eventId === undefined) === (studyId === undefined))
      throw new UsageError('give either --event ID or --study ID');
    const symbols = symbolsArg(ctx, false);
    const benchmark = optionalArg(ctx.flags.benchmark, '--benchmark', tickerSchema);
    const windows = windowsArg(ctx);
    const { services } = ctx.core();
    services.seed.seedIfEmpty();
    const result = await services.eventStudy.run({ eventId, studyId, symbols, benchmark, windows });
    ctx.print(result.rows.map(rowJson), () =>
      [
        `${'event'.padEnd(28)} ${'symbol'.padEnd(10)} ${'bench'.padEnd(10)} ${'T0'.padEnd(10)} ${'window'.padEnd(9)} ${'ret'.padStart(8)} ${'AR(mkt)'.padStart(8)} ${'CAR'.padStart(8)} ${'t'.padStart(6)}`,
        ...result.rows.map(
          (r) =>
            `${r.eventId.slice(0, 28).padEnd(28)} ${r.symbol.padEnd(10)} ${(r.benchmark ?? '—').padEnd(10)} ${(r.t0 ?? '—').padEnd(10)} ${`[${r.window[0]},${r.window[1]}]`.padEnd(9)} ${pct(r.ret).padStart(8)} ${pct(r.arMarketAdjusted).padStart(8)} ${pct(r.carMarketModel).padStart(8)} ${(r.tStat === null ? '—' : r.tStat.toFixed(2) + significanceMark(r.tStat)).padStart(6)}${r.missing.length ? `  (${r.missing.join('; ')})` : ''}`,
        ),
      ].join('\n'),
    );
    return 0;
  },
};
