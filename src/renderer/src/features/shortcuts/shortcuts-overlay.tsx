import { useState } from 'react';
import { shortcutGroups } from '../../../../shared/domain/app-commands';
import { formatShortcut } from '../../app/commands';
import { useCommand } from '../../app/commands-context';
import { ModalDialog } from '../../ui/modal-dialog';
import './shortcuts.css';

const isMac = () => /Mac/.test(navigator.platform);

/** Keys the chart and lists handle themselves (not menu commands). */
const IN_VIEW_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['[  or  Alt+←', 'Previous event on the chart'],
  [']  or  Alt+→', 'Next event on the chart'],
  ['E', 'Add an event at the session under the crosshair'],
  ['Shift+F10', 'Chart menu at the crosshair (add, edit, delete, hide an event)'],
  ['?', 'This list of shortcuts'],
  ['Esc', 'Close a dialog or a menu; hide an event’s card'],
  ['Tab', 'First stop: skip to the chart'],
  ['↑ ↓ Home End', 'Move in a list or a menu'],
  ['← → Home End', 'Switch side tabs; move along the chart toolbar'],
];

/**
 * `?` (or Help ▸ Keyboard Shortcuts): every shortcut the menu declares, from the one table
 * (`shortcutGroups` in src/shared/domain/app-commands.ts), then the keys views handle themselves.
 */
export function ShortcutsOverlay() {
  const [open, setOpen] = useState(false);
  useCommand('help.shortcuts', () => setOpen((o) => !o));
  if (!open) return null;
  const groups = shortcutGroups(isMac());
  return (
    <ModalDialog
      title="Keyboard shortcuts"
      onClose={() => setOpen(false)}
      className="shortcuts"
      testId="shortcuts-overlay"
    >
      {/* Focusable so the keyboard can scroll it; the first stop of the dialog. */}
      <div className="shortcut-groups" tabIndex={0} role="group" aria-label="Shortcuts by menu">
        {groups.map(({ title, lines }) => (
          <section key={title} aria-label={title}>
            <h3>{title}</h3>
            <dl>
              {lines.map((r) => (
                <div key={r.id} className="shortcut-row" data-shortcut={r.id}>
                  <dt>{r.label}</dt>
                  <dd>
                    {[...r.accelerators.map((a) => formatShortcut(a, isMac())), ...r.keys].map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-label="On the chart">
          <h3>On the chart</h3>
          <dl>
            {IN_VIEW_KEYS.map(([k, what]) => (
              <div key={k} className="shortcut-row">
                <dt>{what}</dt>
                <dd>
                  <kbd>{k}</kbd>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
