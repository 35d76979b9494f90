import { useCallback, useEffect } from 'react';
import type { Ticker } from '../../../../shared/brand';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { useCommand } from '../../app/commands-context';
import { syncStore, useSyncView } from './sync-store';

/**
 * Data ▸ Update Prices / Cancel Update and the run's summary in the status bar. Mounted by the
 * layout, not the toolbar, so they keep working while the user hides the toolbar.
 * `startUpdate` is the one way the window starts a run (the toolbar's menu uses it too).
 */
export function useSyncCommands(): { startUpdate(symbols?: readonly Ticker[]): Promise<void> } {
  const view = useSyncView();
  const { setStatus } = useAppState();

  // The run's one-line summary goes to the status bar. Views re-read on their own: the
  // app's data.changed subscriber bumps the versions they depend on.
  useEffect(() => syncStore.onFinished(setStatus), [setStatus]);

  const startUpdate = useCallback(
    async (symbols?: readonly Ticker[]) => {
      if (symbols && symbols.length === 0) {
        setStatus('Nothing to update: the list has no symbols.');
        return;
      }
      try {
        const run = await syncStore.start(symbols);
        setStatus(`Updating prices of ${run.total} symbol${run.total === 1 ? '' : 's'}…`);
      } catch (e) {
        setStatus(describeError(e));
      }
    },
    [setStatus],
  );

  const r = view.running;
  // Data ▸ Update Prices updates every cached symbol, like the toolbar menu's last item.
  useCommand('data.update', () => void startUpdate(), !r);
  useCommand(
    'data.cancelUpdate',
    () => void syncStore.cancel().catch((e: unknown) => setStatus(describeError(e))),
    !!r,
  );
  return { startUpdate };
}
