import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { asTicker, type Ticker } from '../../../../shared/brand';
import type { EventStudyResult, EventStudyRow } from '../../../../shared/contract/research';
import {
  MAX_WINDOW_OFFSET,
  MAX_WINDOWS,
  parseWindow,
  type CarPoint,
  type SessionWindow,
} from '../../../../shared/domain/event-study';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { useDataVersions } from '../../app/data-versions-context';
import { useStudy } from '../study/study-state';
import { EventHeatmap } from './event-heatmap';
import { studyPct, tText, windowLabel } from './event-study-table';
import './research.css';

/** The built-in benchmarks per exchange (the defaults when a study names none). */
const EXCHANGE_BENCHMARKS = ['^HSI', '000001.SS', '^GSPC'].map(asTicker);

/**
 * The study's benchmark: each exchange's default (the user's, from the settings, else ^HSI,
 * 000001.SS, ^GSPC) or one symbol for every member. Saved with the study at once; every
 * event-study view reruns on the change signal.
 */
function BenchmarkChoice(props: {
  studyId: string;
  current: Ticker | null;
  candidates: readonly Ticker[];
  used: readonly Ticker[];
  onError: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const options = [
    ...new Set([...props.candidates, ...EXCHANGE_BENCHMARKS, ...(props.current ? [props.current] : [])]),
  ];
  return (
    <label className="event-study-benchmark">
      Benchmark{' '}
      <select
        value={props.current ?? ''}
        disabled={busy}
        data-testid="event-study-benchmark"
        onChange={(e) => {
          setBusy(true);
          api.studies
            .setBenchmark({ studyId: props.studyId, benchmark: e.target.value ? asTicker(e.target.value) : null })
            .catch((err: unknown) => props.onError(describeError(err)))
            .finally(() => setBusy(false));
        }}
      >
        <option value="">
          each exchange’s default{props.current === null && props.used.length ? ` (${props.used.join(', ')})` : ''}
        </option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o} for every symbol
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The study's windows: one chip per window (choosing the heatmap's), each with a remove button,
 * and a field to add one (`-10:+10`). A change is checked here (a:b with a ≤ b within ±250
 * sessions, not already measured, at most 12), saved with the study (`studies.setWindows`) and
 * every event-study view reruns on the change signal; "Use the defaults" drops the study's own
 * list for the user's default windows (Settings).
 */
function WindowsEditor(props: {
  studyId: string;
  windows: readonly SessionWindow[];
  own: boolean;
  shown: SessionWindow;
  onShow: (w: SessionWindow) => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = (windows: readonly SessionWindow[] | null, then?: () => void) => {
    setBusy(true);
    api.studies
      .setWindows({ studyId: props.studyId, windows: windows?.map(([a, b]) => [a, b] as [number, number]) ?? null })
      .then(() => {
        setProblem(null);
        then?.();
      })
      .catch((err: unknown) => setProblem(describeError(err)))
      .finally(() => setBusy(false));
  };
  const add = () => {
    const w = parseWindow(text);
    if (!w) {
      setProblem(
        `“${text.trim().slice(0, 20)}” is not a window a:b with a ≤ b, both within ±${MAX_WINDOW_OFFSET} sessions.`,
      );
      return;
    }
    if (props.windows.some((x) => x[0] === w[0] && x[1] === w[1])) {
      setProblem(`${windowLabel(w)} is already measured.`);
      return;
    }
    if (props.windows.length >= MAX_WINDOWS) {
      setProblem(`At most ${MAX_WINDOWS} windows: remove one first.`);
      return;
    }
    save([...props.windows, w], () => {
      setText('');
      props.onShow(w);
    });
  };
  return (
    <div className="event-study-window-editor">
      <div className="event-study-windows" role="group" aria-label="Window">
        {props.windows.map((x) => (
          <span key={windowLabel(x)} className="window-chip" data-window={windowLabel(x)}>
            <button
              type="button"
              className="chip"
              aria-pressed={x[0] === props.shown[0] && x[1] === props.shown[1]}
              onClick={() => props.onShow(x)}
            >
              {windowLabel(x)}
            </button>
            <button
              type="button"
              className="link-button window-remove"
              aria-label={`Remove the window ${windowLabel(x)}`}
              disabled={busy || props.windows.length < 2}
              onClick={() => save(props.windows.filter((y) => y !== x))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <form
        className="event-study-window-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          value={text}
          placeholder="-10:+10"
          size={8}
          spellCheck={false}
          aria-label="Window to add (sessions around T0, a:b)"
          aria-invalid={problem !== null}
          aria-describedby="event-study-window-help"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="chip" disabled={busy || !text.trim()}>
          Add window
        </button>
        {props.own && (
          <button type="button" className="link-button" disabled={busy} onClick={() => save(null)}>
            Use the defaults
          </button>
        )}
      </form>
      <p
        id="event-study-window-help"
        className={problem ? 'window-problem' : 'hint'}
        role={problem ? 'alert' : undefined}
      >
        {problem ??
          (props.own
            ? 'This study’s own windows.'
            : 'The default windows (Settings); a change is saved with the study.')}
      </p>
    </div>
  );
}

/**
 * A column label and its short form for a narrow panel (research.css swaps them by the view's
 * width); the hidden one is display: none, so what is read is what is shown.
 */
function Label({ full, short }: { full: string; short: string }) {
  return (
    <>
      <span className="label-full">{full}</span>
      <span className="label-short">{short}</span>
    </>
  );
}

/** The heatmap's window by default: [0, +5] when measured, else the first. */
function defaultShown(windows: readonly SessionWindow[]): SessionWindow {
  return windows.find((w) => w[0] === 0 && w[1] === 5) ?? windows[0]!;
}

type SortKey = 'symbol' | 'ret' | 'arMarketAdjusted' | 'carMarketModel' | 'tStat';

/** A small line of the CAR over the window, session by session. */
function CarSpark({ path }: { path: readonly CarPoint[] | undefined }) {
  if (!path || path.length < 2) return <span className="spark-empty">—</span>;
  const w = 80;
  const h = 22;
  const ys = path.map((p) => p.car);
  const lo = Math.min(0, ...ys);
  const hi = Math.max(0, ...ys);
  const y = (v: number) => (hi === lo ? h / 2 : h - ((v - lo) / (hi - lo)) * h);
  const d = path
    .map((p, i) => `${i ? 'L' : 'M'}${((i / (path.length - 1)) * w).toFixed(1)},${y(p.car).toFixed(1)}`)
    .join('');
  return (
    <svg
      className="car-spark"
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <line x1="0" x2={w} y1={y(0)} y2={y(0)} className="spark-zero" />
      <path d={d} className={ys.at(-1)! >= 0 ? 'spark-up' : 'spark-down'} />
    </svg>
  );
}

/**
 * The whole study's event study: an event × symbol heatmap of market-model CARs for one window
 * (each cell opens the chart at that event on that symbol), and for the chosen event a table
 * sortable by column with a small CAR chart per symbol.
 */
export function EventStudyView() {
  const { study, selectEvent, selectedEventId, numbers } = useStudy();
  const { select } = useAppState();
  const versions = useDataVersions();
  const version = [versions.kinds.bars, versions.kinds.events, versions.kinds.studies, versions.kinds.settings].join(
    ',',
  );
  const [result, setResult] = useState<EventStudyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<SessionWindow | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'carMarketModel', desc: true });
  const studyId = study?.id;

  // The whole study without CAR paths: with them a 200-symbol study's answer is 2.5 times the
  // size, and the main process serialises it for the window in one go.
  useEffect(() => {
    if (!studyId) return;
    let live = true;
    api.eventStudy.run({ studyId }).then(
      (r) => live && (setResult(r), setError(null)),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [studyId, version]);

  const focus = result
    ? selectedEventId && result.events.includes(selectedEventId)
      ? selectedEventId
      : result.events[0]
    : undefined;
  // The table's CAR paths: the focused event alone, on the same symbols and windows.
  const [paths, setPaths] = useState<{ eventId: string; of: Map<string, readonly CarPoint[]> } | null>(null);
  useEffect(() => {
    if (!result || !focus) return;
    let live = true;
    const windows = result.windows.map(([a, b]) => [a, b] as [number, number]);
    api.eventStudy.run({ eventId: focus, symbols: [...result.symbols], windows, paths: true }).then(
      (r) => {
        if (!live) return;
        const of = new Map<string, readonly CarPoint[]>();
        for (const row of r.rows) if (row.path) of.set(`${row.symbol}|${row.window[0]}:${row.window[1]}`, row.path);
        setPaths({ eventId: focus, of });
      },
      // Without paths the table still shows every number; the lines stay empty.
      () => live && setPaths(null),
    );
    return () => {
      live = false;
    };
  }, [result, focus]);

  const w = result
    ? (result.windows.find((x) => shown && x[0] === shown[0] && x[1] === shown[1]) ?? defaultShown(result.windows))
    : null;
  const cells = useMemo(() => {
    const m = new Map<string, EventStudyRow>();
    if (!result || !w) return m;
    for (const r of result.rows) if (r.window[0] === w[0] && r.window[1] === w[1]) m.set(`${r.eventId}|${r.symbol}`, r);
    return m;
  }, [result, w]);

  if (!study) return <p className="empty">No study is open.</p>;
  if (error) return <p className="empty error">Could not run the event study: {error}</p>;
  if (!result || !w) return <p className="empty">Running the event study…</p>;
  const title = (id: string) => study.events.find((e) => e.id === id)?.title ?? id;
  const pathOf = (r: EventStudyRow) =>
    paths?.eventId === r.eventId ? paths.of.get(`${r.symbol}|${r.window[0]}:${r.window[1]}`) : undefined;
  const open = (r: EventStudyRow) => {
    select(r.symbol);
    selectEvent(r.eventId, { centre: true });
  };
  const rows = result.symbols
    .map((s) => cells.get(`${focus}|${s}`))
    .filter((r): r is EventStudyRow => !!r)
    .sort((a, b) => {
      const k = sort.key;
      const av = k === 'symbol' ? a.symbol : a[k];
      const bv = k === 'symbol' ? b.symbol : b[k];
      if (av === bv) return 0;
      if (av === null) return 1;
      if (bv === null) return -1;
      return (av < bv ? -1 : 1) * (sort.desc ? -1 : 1);
    });
  const header = (key: SortKey, label: ReactNode) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="link-button"
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'symbol' }))}
      >
        {label}
        {sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  );

  return (
    <div className="event-study-view" data-testid="event-study-view">
      <WindowsEditor
        studyId={study.id}
        windows={result.windows}
        own={result.studyWindows !== null}
        shown={w}
        onShow={setShown}
      />
      <BenchmarkChoice
        studyId={study.id}
        current={result.studyBenchmark}
        candidates={study.universe.filter((u) => u.role === 'benchmark').map((u) => u.symbol)}
        used={[...new Set(result.rows.map((r) => r.benchmark).filter((b): b is Ticker => b !== null))]}
        onError={setError}
      />
      <h3>What moved when: CAR {windowLabel(w)} by event and symbol</h3>
      <div className="heatmap-scroll">
        <EventHeatmap
          events={result.events}
          symbols={result.symbols}
          window={w}
          cells={cells}
          title={title}
          numbers={numbers}
          focus={focus}
          onSelectEvent={(id) => selectEvent(id)}
          onOpen={open}
        />
      </div>
      <h3>
        {numbers.get(focus ?? '') ?? ''}. {focus ? title(focus) : ''}
      </h3>
      <div className="study-rows-scroll">
        <table className="study-rows sortable" data-testid="event-study-rows">
          <thead>
            <tr>
              {header('symbol', 'Symbol')}
              {header('ret', <Label full="Return" short="Ret." />)}
              {header('arMarketAdjusted', <Label full="Abnormal" short="Abn." />)}
              {header('carMarketModel', 'CAR')}
              {header('tStat', 't')}
              <th scope="col" className="path-col">
                CAR path
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.symbol} data-symbol={r.symbol} title={r.missing.join(' ') || `T0 ${r.t0} vs ${r.benchmark}`}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => open(r)}>
                    {r.symbol}
                  </button>
                </th>
                <td className="num">{studyPct(r.ret)}</td>
                <td className="num">{studyPct(r.arMarketAdjusted)}</td>
                <td className="num">
                  {studyPct(r.carMarketModel)}
                  {/* In a narrow panel the path column goes and its line sits under the CAR. */}
                  <span className="spark-inline">
                    <CarSpark path={pathOf(r)} />
                  </span>
                </td>
                <td className="num">{tText(r.tStat)}</td>
                <td className="path-col">
                  <CarSpark path={pathOf(r)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
