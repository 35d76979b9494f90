import { BrowserWindow } from 'electron';
import type { PageSize } from '../../shared/contract/export';

/**
 * Prints a self-contained report page to PDF with Electron's `webContents.printToPDF` in a
 * hidden, sandboxed window without scripts, preload or network: the page is the renderer's own
 * report (inline CSS, charts as data-URL PNGs), its CSS sets the page size and page numbers.
 */
export async function printHtmlToPdf(html: string, pageSize: PageSize): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      offscreen: true,
    },
  });
  try {
    // Nothing on the page may load from elsewhere: every request but the page itself is refused.
    win.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*'] }, (_d, cb) =>
      cb({ cancel: true }),
    );
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await win.webContents.printToPDF({ pageSize, printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}
