import { useState, type ReactNode } from 'react';
import { asTicker } from '../../../../shared/brand';
import {
  benchmarkExchanges,
  DEFAULT_APP_SETTINGS,
  MAX_DEFAULT_WINDOWS,
  type AppSettings,
  type AppSettingsPatch,
  type BenchmarkExchange,
} from '../../../../shared/domain/app-settings';
import { defaultBenchmark, parseWindow, type SessionWindow } from '../../../../shared/domain/event-study';
import { useCommand } from '../../app/commands-context';
import { useSettings } from '../../app/settings-context';
import { ModalDialog } from '../../ui/modal-dialog';
import { backUpNow } from '../data-backup/use-backup-command';
import './settings.css';

const EXCHANGE_SAMPLE: Record<BenchmarkExchange, string> = {
  'Asia/Hong_Kong': '0700.HK',
  'Asia/Shanghai': '600519.SS',
  'America/New_York': 'BABA',
};

const windowsText = (ws: readonly SessionWindow[]) => ws.map(([a, b]) => `${a}:${b}`).join(', ');

/** Windows from `-5:-1, 0:1`; a sentence when a part does not parse. */
function parseWindows(text: string): { windows: SessionWindow[] } | { error: string } {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { error: 'Give at least one window, e.g. 0:5.' };
  if (parts.length > MAX_DEFAULT_WINDOWS) return { error: `At most ${MAX_DEFAULT_WINDOWS} windows.` };
  const windows: SessionWindow[] = [];
  for (const p of parts) {
    const w = parseWindow(p);
    if (!w) return { error: `“${p.slice(0, 20)}” is not a window a:b with a ≤ b, both within ±250 sessions.` };
    windows.push(w);
  }
  return { windows };
}

function Radio<T extends string | number>({
  name,
  value,
  options,
  onChange,
}: {
  name: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (v: T) => void;
}) {
  return (
    <div className="settings-radios" role="radiogroup" aria-label={name}>
      {options.map(([v, label]) => (
        <label key={String(v)}>
          <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} /> {label}
        </label>
      ))}
    </div>
  );
}

/**
 * The Settings view (Catalyst ▸ Settings… / File ▸ Settings…, Ctrl/⌘+,): theme, research
 * defaults (benchmark per exchange, event-study windows), export defaults, a backup on demand
 * (as Data ▸ Back Up Now), and the price providers' settings passed in by the app (`providers`). Each change is saved at once in the
 * database; nothing here is kept only in the window.
 */
export function SettingsDialog({ providers }: { providers: ReactNode }) {
  const [open, setOpen] = useState(false);
  useCommand('app.settings', () => setOpen(true));
  if (!open) return null;
  return <SettingsForm providers={providers} onClose={() => setOpen(false)} />;
}

function SettingsForm({ providers, onClose }: { providers: ReactNode; onClose: () => void }) {
  const { settings, update, error } = useSettings();
  const [windows, setWindows] = useState(() => windowsText(settings.eventWindows));
  const [windowsError, setWindowsError] = useState<string | null>(null);
  const [benchmarks, setBenchmarks] = useState<Record<string, string>>(() => ({ ...settings.benchmarks }));
  const [saved, setSaved] = useState<string | null>(null);
  const [backingUp, setBackingUp] = useState(false);

  const save = (patch: AppSettingsPatch, what: string) =>
    void update(patch).then(
      () => setSaved(`${what} saved.`),
      () => setSaved(null),
    );

  const commitWindows = () => {
    const r = parseWindows(windows);
    if ('error' in r) {
      setWindowsError(r.error);
      return;
    }
    setWindowsError(null);
    if (windowsText(r.windows) !== windowsText(settings.eventWindows))
      save({ eventWindows: r.windows.map(([a, b]) => [a, b] as [number, number]) }, 'Event-study windows');
  };
  const commitBenchmark = (zone: BenchmarkExchange) => {
    const text = (benchmarks[zone] ?? '').trim().toUpperCase();
    const next: AppSettings['benchmarks'] = { ...settings.benchmarks };
    if (text) next[zone] = asTicker(text);
    else delete next[zone];
    if ((settings.benchmarks[zone] ?? '') !== (next[zone] ?? ''))
      save({ benchmarks: next }, `Benchmark for ${benchmarkExchanges[zone]}`);
  };

  return (
    <ModalDialog title="Settings" onClose={onClose} className="settings-dialog" testId="settings-dialog">
      <div className="settings-body">
        <section aria-labelledby="settings-appearance">
          <h3 id="settings-appearance">Appearance</h3>
          <Radio
            name="Theme"
            value={settings.theme}
            options={[
              ['system', 'Same as the system'],
              ['light', 'Light'],
              ['dark', 'Dark'],
            ]}
            onChange={(theme) => save({ theme }, 'Theme')}
          />
        </section>

        <section aria-labelledby="settings-research">
          <h3 id="settings-research">Event study</h3>
          <p className="muted">
            Used when a study names no benchmark of its own. Leave empty for the built-in default.
          </p>
          {(Object.keys(benchmarkExchanges) as BenchmarkExchange[]).map((zone) => (
            <label key={zone} className="settings-row">
              <span>Benchmark, {benchmarkExchanges[zone]}</span>
              <input
                value={benchmarks[zone] ?? ''}
                placeholder={defaultBenchmark(asTicker(EXCHANGE_SAMPLE[zone]), zone) ?? ''}
                maxLength={32}
                spellCheck={false}
                onChange={(e) => setBenchmarks((b) => ({ ...b, [zone]: e.target.value }))}
                onBlur={() => commitBenchmark(zone)}
                onKeyDown={(e) => e.key === 'Enter' && commitBenchmark(zone)}
              />
            </label>
          ))}
          <label className="settings-row">
            <span>Windows (sessions around T0)</span>
            <input
              value={windows}
              aria-invalid={windowsError !== null}
              aria-describedby="settings-windows-help"
              spellCheck={false}
              onChange={(e) => setWindows(e.target.value)}
              onBlur={commitWindows}
              onKeyDown={(e) => e.key === 'Enter' && commitWindows()}
            />
          </label>
          <p id="settings-windows-help" className={windowsError ? 'settings-error' : 'muted'}>
            {windowsError ?? `For example ${windowsText(DEFAULT_APP_SETTINGS.eventWindows)} (the default).`}
          </p>
        </section>

        <section aria-labelledby="settings-export">
          <h3 id="settings-export">Export</h3>
          <div className="settings-row">
            <span>Chart picture</span>
            <Radio
              name="Picture resolution"
              value={settings.pngScale}
              options={[
                [2, '2× (sharp)'],
                [1, '1×'],
              ]}
              onChange={(pngScale) => save({ pngScale }, 'Picture resolution')}
            />
          </div>
          <div className="settings-row">
            <span>Picture colours</span>
            <Radio
              name="Picture colours"
              value={settings.pngTheme}
              options={[
                ['as-shown', 'As shown'],
                ['light', 'Always light (print)'],
              ]}
              onChange={(pngTheme) => save({ pngTheme }, 'Picture colours')}
            />
          </div>
          <div className="settings-row">
            <span>Report paper</span>
            <Radio
              name="Paper size"
              value={settings.paperSize}
              options={[
                ['A4', 'A4'],
                ['Letter', 'US Letter'],
              ]}
              onChange={(paperSize) => save({ paperSize }, 'Paper size')}
            />
          </div>
          <div className="settings-row">
            <span>CSV files</span>
            <Radio
              name="CSV byte order mark"
              value={settings.csvBom ? 'bom' : 'none'}
              options={[
                ['bom', 'With BOM (Excel)'],
                ['none', 'Without BOM'],
              ]}
              onChange={(v) => save({ csvBom: v === 'bom' }, 'CSV byte order mark')}
            />
          </div>
        </section>

        <section aria-labelledby="settings-data">
          <h3 id="settings-data">Data</h3>
          <p className="muted">
            Catalyst backs up its database every day and before an upgrade, into backups/ in the data folder.
          </p>
          <div className="settings-row">
            <span>Your studies, events, watchlists and settings</span>
            <button
              type="button"
              className="button"
              disabled={backingUp}
              onClick={() => {
                setBackingUp(true);
                setSaved('Backing up the database…');
                void backUpNow()
                  .then(setSaved)
                  .finally(() => setBackingUp(false));
              }}
              data-testid="settings-backup"
            >
              Back up now
            </button>
          </div>
        </section>

        <section aria-label="Price providers">{providers}</section>
      </div>
      <div className="settings-footer modal-actions">
        <p className="settings-status" role="status" aria-live="polite">
          {error ? <span className="settings-error">{error}</span> : saved}
        </p>
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </ModalDialog>
  );
}
