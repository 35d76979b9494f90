import { useState } from 'react';
import { useAppState } from '../../app/app-state';
import { useFileKind } from '../../app/file-open';
import { BarsImportDialog, type BarsFileInput } from './bars-import-dialog';

/**
 * Receives price-history CSVs from the app's file route (dropped on the window, opened from
 * the OS or the File menu, or chosen with a panel's Import… button) and shows their preview.
 * Nothing is written before the user confirms in the dialog.
 */
export function BarsImportHost() {
  const { select, setStatus } = useAppState();
  const [pending, setPending] = useState<BarsFileInput | null>(null);
  useFileKind('bars-csv', (f) => {
    if ('error' in f) setStatus(f.error);
    else setPending({ fileName: f.fileName, bytesBase64: f.bytesBase64 });
  });
  if (!pending) return null;
  return (
    <BarsImportDialog
      key={`${pending.fileName}:${pending.bytesBase64.length}`}
      file={pending}
      onCancel={() => setPending(null)}
      onImported={(r) => {
        setPending(null);
        // Main announces the new bars (data.changed); the instrument list follows.
        setStatus(
          `Imported ${r.changed} session(s) of ${r.symbol} from ${pending.fileName} (${r.formatLabel}), ${r.from} → ${r.to}.`,
        );
        select(r.symbol);
      }}
    />
  );
}
