/**
 * Cold start: from an empty database to the embedded study's chart painted, seeding included,
 * reported as its parts (no baseline: a report, as the issue asks). The parts are the ones this
 * machine can run: opening the database (migrations), seeding the embedded study, the calls the
 * renderer makes at start-up through the router (settings, workspace, instruments, watchlists,
 * studies, the opening symbol's bars), and the chart's first frame in Chromium with the study's
 * events (the app's chart controller and annotations, in the page of bench/chart-page-host.ts).
 * Not included: Electron creating the window and loading the renderer bundle (Electron cannot
 * run here).
 */
import { join } from 'node:path';
import { createCore, type Core } from '../src/main/app/create-core';
import { columnsToBars, type BarColumns } from '../src/shared/domain/bar-columns';
import type { StudyDetail, StudyHeader } from '../src/shared/domain/study';
import { openChartPage } from './chart-page-host';
import { median, routerCall, row, tempDir, timeMs, timeMsAsync, type BenchContext, type BenchRow } from './lib';

export const name = 'Cold start: empty database to the embedded study charted';

interface Parts {
  open: number;
  seed: number;
  calls: number;
  chart: number;
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const chart = await openChartPage();
  const reps = ctx.quick ? 1 : 5;
  const runs: Parts[] = [];
  try {
    for (let i = 0; i < reps; i++) {
      const t = tempDir();
      let core: Core | null = null;
      try {
        const dbPath = join(t.dir, 'cold.db');
        const open = timeMs(() => {
          core = createCore({ dbPath, seedOnOpen: false, isTrustedSender: () => true });
        });
        const c = core as unknown as Core;
        const seed = timeMs(() => c.services.seed.seedIfEmpty());
        let detail: StudyDetail | null = null;
        let symbol: string | null = null;
        let columns: BarColumns | null = null;
        const calls = await timeMsAsync(async () => {
          await routerCall(c.router, 'settings.get', undefined);
          await routerCall(c.router, 'workspace.get', undefined);
          await routerCall(c.router, 'instruments.list', undefined);
          await routerCall(c.router, 'watchlists.list', undefined);
          const studies = await routerCall<StudyHeader[]>(c.router, 'studies.list', undefined);
          detail = await routerCall<StudyDetail>(c.router, 'studies.get', { id: studies[0]!.id });
          symbol = chart
            ? await chart.call<string | null>('openingSymbol', detail)
            : (detail.universe.find((u) => u.role === 'subject')?.symbol ?? null);
          if (!symbol) throw new Error('cold start: the embedded study has no cached symbol to open on');
          columns = await routerCall<BarColumns>(c.router, 'bars.range', { symbol });
        });
        const chartMs = chart ? await chart.call('studyFirstFrame', symbol, columnsToBars(columns!)) : NaN;
        runs.push({ open, seed, calls, chart: chartMs });
      } finally {
        await (core as Core | null)?.close();
        t.remove();
      }
    }
  } finally {
    await chart?.close();
  }
  const m = (k: keyof Parts) => median(runs.map((r) => r[k]));
  const rows = [
    row('cold start: open an empty database (migrations)', 'ms', m('open'), null),
    row('cold start: seed the embedded study', 'ms', m('seed'), null),
    row("cold start: the renderer's start-up calls through the router", 'ms', m('calls'), null),
  ];
  if (chart)
    rows.push(row('cold start: the study chart to its first painted frame (Chromium)', 'ms', m('chart'), null));
  const total = m('open') + m('seed') + m('calls') + (chart ? m('chart') : 0);
  rows.push(
    row(`cold start: total of the parts${chart ? '' : ' (no Chromium: chart not included)'}`, 'ms', total, null),
  );
  return rows;
}
