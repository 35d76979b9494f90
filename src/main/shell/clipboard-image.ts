import { clipboard, ClipboardItem } from 'electron';

/**
 * Puts a PNG on the system clipboard with Electron's clipboard module (W3C-style since
 * Electron 45: `write([ClipboardItem])`, committed atomically). The window's own
 * `navigator.clipboard` cannot: the session denies every permission request
 * (session-hardening), clipboard writes included, so the renderer asks main through
 * `export.copyImage`.
 */
export async function copyPngToClipboard(png: Uint8Array): Promise<void> {
  await clipboard.write([new ClipboardItem({ 'image/png': new Blob([new Uint8Array(png)], { type: 'image/png' }) })]);
}
