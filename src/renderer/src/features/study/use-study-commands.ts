import { useCommand } from '../../app/commands-context';
import type { RangePreset } from '../chart/range-presets';

/** View ▸ Range and View ▸ Log Scale (menu and keys 1–6, L) act on the study's chart view. */
export function useStudyCommands(view: {
  readonly logScale: boolean;
  setLogScale(on: boolean): void;
  applyPreset(preset: RangePreset): void;
}): void {
  const preset = (p: RangePreset) => () => view.applyPreset(p);
  useCommand('view.range.1M', preset('1M'));
  useCommand('view.range.3M', preset('3M'));
  useCommand('view.range.6M', preset('6M'));
  useCommand('view.range.YTD', preset('YTD'));
  useCommand('view.range.1Y', preset('1Y'));
  useCommand('view.range.All', preset('All'));
  useCommand('view.logScale', () => view.setLogScale(!view.logScale));
}
