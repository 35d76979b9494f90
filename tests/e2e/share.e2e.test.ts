import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import {
  REPORTS_DIR,
  launchRendererWithMainServices,
  type RendererWithMainServices,
} from './harness/renderer-with-main-services';
import { expectNoSeriousFindings, runAxe } from './harness/axe';

const DIALOG = '[data-testid="study-import-dialog"]';

/** A PNG decoded in the page: its size and the colour of its top-left pixel (the picture's background). */
async function pngSize(page: Page, png: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const [r, g, b] = ctx.getImageData(2, 2, 1, 1).data;
    return { width: img.width, height: img.height, background: [r, g, b] };
  }, png.toString('base64'));
}
const ID = 'china-tech-rally-2025';

describe('share: study files, CSV and the report in the app', () => {
  let app: RendererWithMainServices;
  const core = () => app.core;

  // A long report, for the cancel test: printing waits until the test lets it go on.
  let printGate: Promise<void> | null = null;
  // The app prints with Electron's printToPDF; here main prints the same page with this
  // Chromium's PDF printing (the same engine), in a page of its own.
  const printPdf = async (html: string, pageSize: 'A4' | 'Letter'): Promise<Uint8Array> => {
    if (printGate) await printGate;
    const page = await app.browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return new Uint8Array(await page.pdf({ format: pageSize, preferCSSPageSize: true, printBackground: true }));
    } finally {
      await page.close();
    }
  };

  beforeAll(async () => {
    app = await launchRendererWithMainServices({ core: { seedOnOpen: true, printPdf } });
    await app.page.locator('[data-testid="study-header"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('previews a study file that differs from yours and imports it as a copy', async () => {
    const { page, core } = app;
    const file = JSON.parse(core.services.studyFiles.exportStudy(ID).content) as {
      version: number;
      events: Array<{ id: string; title: string }>;
      eventStudy?: unknown;
    };
    file.events[0]!.title = 'Their own title';
    // Their own event-study settings travel with the file (format version 2).
    file.version = 2;
    file.eventStudy = {
      windows: [
        [0, 10],
        [-2, 2],
      ],
      benchmark: '^HSI',
    };
    await page.getByTestId('share-menu-button').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Import study file…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'theirs.catalyst.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    await expect.poll(() => page.locator(`${DIALOG} tbody tr`).count()).toBe(1 + 15 + 31 + 6 + 1);
    const settingsRow = page.locator(`${DIALOG} tbody tr`, { hasText: 'Event study:' });
    expect(await settingsRow.textContent()).toMatch(
      /Settings.*Event study: windows \[-2, \+2\], \[0, \+10\]; benchmark \^HSI.*new.*add/,
    );
    const summary = await page.getByTestId('study-import-summary').textContent();
    expect(summary).toContain('will be added as a copy, “china-tech-rally-2025-copy”');
    const conflict = page.locator(`${DIALOG} tbody tr[data-status="conflict"]`, { hasText: 'Their own title' });
    expect(await conflict.textContent()).toContain('differs in title');
    await app.screenshot('share-1-import-preview');
    await settingsRow.scrollIntoViewIfNeeded();
    await app.screenshot('share-1b-import-settings');

    // Merge: the conflicting event offers "keep yours" or "add theirs as a copy".
    await dialog.getByLabel('Merge into my study (never overwrites mine)').check();
    await dialog.getByRole('combobox', { name: /Conflict: 2025-01-13 Their own title/ }).waitFor();
    await app.screenshot('share-2-import-merge');
    await dialog.getByLabel('Import as a copy').check();
    await dialog.getByRole('button', { name: /^Import \(/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('as “china-tech-rally-2025-copy”');
    expect(
      core.services.study.getStudy(`${ID}-copy`).events.find((e) => e.id === 'hstech-2025-low-imported')?.title,
    ).toBe('Their own title');
    expect(core.services.study.getStudy(ID).events.find((e) => e.id === 'hstech-2025-low')?.title).toBe(
      'Hang Seng TECH Index 2025 closing low',
    );
    expect(core.services.eventStudy.windowsOf(`${ID}-copy`)).toEqual([
      [-2, 2],
      [0, 10],
    ]);
    expect(core.services.eventStudy.benchmarkOf(`${ID}-copy`)).toBe('^HSI');
    expect(core.services.eventStudy.windowsOf(ID)).toBeNull();
    // The imported copy opens on the chart; the picker lists both.
    const picker = page.getByTestId('study-picker');
    await expect.poll(() => picker.inputValue()).toBe(`${ID}-copy`);
    expect(await picker.locator('option').allTextContents()).toEqual([
      expect.stringMatching(/^China tech rally 2025 — 31 events, 6 claims$/),
      expect.stringMatching(/^China tech rally 2025 \(copy\) — 31 events, 6 claims \(yours\)$/),
    ]);
  });

  it('creates a study from scratch through the form', async () => {
    const { page, core } = app;
    await page.getByTestId('share-menu-button').click();
    await app.screenshot('share-3-menu');
    await page.getByRole('menuitem', { name: 'New study…' }).click();
    const form = page.getByTestId('new-study-dialog');
    await form.getByLabel('Name').fill('Japan chip rally');
    await form.getByLabel('Article title').fill('Why Japanese chip stocks doubled');
    await form.getByLabel('Link').fill('https://example.com/chips');
    await form.getByLabel('Subjects').fill('8035.T, 6857.T');
    await form.getByLabel('Benchmarks').fill('^N225');
    await app.screenshot('share-4-new-study');
    await form.getByRole('button', { name: 'Create study' }).click();
    await form.waitFor({ state: 'detached' });
    expect(core.services.study.listStudies().find((s) => s.id === 'japan-chip-rally')).toMatchObject({
      subjects: 2,
      benchmarks: 1,
      origin: 'user',
    });
    // The new study opens at once; the picker switches back to the article's study.
    const picker = page.getByTestId('study-picker');
    await expect.poll(() => picker.inputValue()).toBe('japan-chip-rally');
    await expect.poll(() => page.locator('.study-source').textContent()).toContain('Why Japanese chip stocks doubled');
    // The form's result stays in the status bar once the new study has loaded.
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('Created study “Japan chip rally”');
    await picker.selectOption(ID);
    await expect.poll(() => page.locator('.study-source').textContent()).toContain('Why China tech stocks are up 30%');
    // Remembered in the workspace, in the database (the next launch opens it).
    await expect.poll(() => core.services.settings.getWorkspace().studyId).toBe(ID);
    await page.getByTestId('events-panel').getByText('Alibaba releases Qwen2.5-Max').first().waitFor();
    await app.screenshot('share-5-study-picker');
  });

  it('saves the claims as a CSV download (BOM, formula-safe, full precision)', async () => {
    const { page } = app;
    await page.getByTestId('share-menu-button').click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Claims as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${ID} claims.csv`);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFstudy,claim,text,')).toBe(true);
    expect(csv).toMatch(/alibaba-50pct-after-qwen,.*,BABA,0\.597\d{6,},holds,/);
  });

  it('saves the event study and the visible bars as CSV through the same helper', async () => {
    const { page } = app;
    await page.getByTestId('share-menu-button').click();
    let download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Event study as CSV' }).click();
    let file = await download;
    expect(file.suggestedFilename()).toBe(`${ID} event study.csv`);
    const es = readFileSync((await file.path())!, 'utf8');
    expect(es.startsWith('\uFEFFevent,event_title,symbol,benchmark,t0,window_start,window_end,')).toBe(true);
    expect(es).toMatch(/\r\nqwen25-max-release,Alibaba releases Qwen2\.5-Max,BABA,\^GSPC,2025-01-28,0,5,/);
    await expect.poll(() => page.locator('.status-bar').textContent()).toMatch(/Saved \d+ row\(s\) as/);

    await page.getByTestId('share-menu-button').click();
    download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /bars of the visible range as CSV/ }).click();
    file = await download;
    const [, from, to] = /^HSTECH\.HK (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\.csv$/.exec(file.suggestedFilename())!;
    const bars = readFileSync((await file.path())!, 'utf8')
      .replace(/\r\n$/, '')
      .split('\r\n');
    expect(bars[0]).toBe('\uFEFFdate,close,adj_close,volume');
    expect(bars[1]!.slice(0, 10)).toBe(from);
    expect(bars.at(-1)!.slice(0, 10)).toBe(to);
    // The visible range, not every cached bar.
    expect(bars.length - 1).toBeLessThan(core().services.market.getBars('HSTECH.HK' as never).length);
  });

  it('honours Settings ▸ Export ▸ CSV files: without BOM the bytes start with the header, with BOM EF BB BF', async () => {
    const { page } = app;
    const bytesOf = async (item: string | RegExp) => {
      await page.getByTestId('share-menu-button').click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: item }).click();
      return readFileSync((await (await download).path())!);
    };
    const choose = async (label: string) => {
      await page.getByTestId('settings-button').click();
      const dialog = page.getByTestId('settings-dialog');
      await dialog.getByRole('radiogroup', { name: 'CSV byte order mark' }).getByLabel(label).check();
      await expect.poll(() => dialog.textContent()).toContain('CSV byte order mark saved.');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
    };
    const BOM = [0xef, 0xbb, 0xbf];
    await choose('Without BOM');
    expect(core().services.settings.get().csvBom).toBe(false);
    for (const [item, header] of [
      ['Events as CSV', 'id,study,'],
      ['Claims as CSV', 'study,claim,text,'],
      ['Event study as CSV', 'event,event_title,'],
      [/bars of the visible range as CSV/, 'date,close,'],
    ] as const) {
      const bytes = await bytesOf(item);
      expect([...bytes.subarray(0, 3)], String(item)).not.toEqual(BOM);
      expect(bytes.subarray(0, header.length).toString('utf8'), String(item)).toBe(header);
    }
    await choose('With BOM (Excel)');
    expect([...(await bytesOf('Events as CSV')).subarray(0, 3)]).toEqual(BOM);
  });

  it('exports the study report as PDF from the Share menu: pages, page numbers, title and every claim', async () => {
    const { page, core } = app;
    await page.getByTestId('share-menu-button').click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Report as PDF (A4)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('China tech rally 2025 report.pdf');
    const pdfPath = join(REPORTS_DIR, 'share-report.pdf');
    await file.saveAs(pdfPath);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(3);
    expect(info).toMatch(/A4/);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('China tech rally 2025');
    expect(text).toMatch(/Page 1 of \d+/);
    for (const c of core.services.claims.evaluate(ID)) {
      expect(text).toContain(c.text.replace(/\s+/g, ' ').slice(0, 40));
    }
    // The event study (means per event and window, the heatmap) and each claim's sensitivity strip.
    expect(text).toContain('Event study');
    expect(text).toContain('Mean CAR across symbols, per event');
    expect(text).toMatch(/Heatmap: CAR \[0, \+5\] per event and symbol/);
    expect(text).toMatch(/9988\.HK — sensitivity to the as-of date/);
    expect(text).toMatch(/holds on \d+ of \d+ sessions/);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '6',
      pdfPath,
      join(REPORTS_DIR, 'share-report-page'),
    ]);
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('Saved the report as');
    expect(app.pageErrors).toEqual([]);
  });

  it('exports one event’s report as PDF: the event, its event study per symbol, the claim measured from it', async () => {
    const { page } = app;
    await page.getByTestId('events-panel').getByText('Alibaba releases Qwen2.5-Max').first().click();
    await page.getByTestId('share-menu-button').click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Report of “Alibaba releases Qwen2.5-Max” as PDF (A4)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('China tech rally 2025 — qwen25-max-release report.pdf');
    const pdfPath = join(REPORTS_DIR, 'share-event-report.pdf');
    await file.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('China tech rally 2025 — Alibaba releases Qwen2.5-Max');
    expect(text).toContain('Events (1)');
    // Its event study per symbol and window, and the mean across symbols.
    expect(text).toMatch(/BABA \[0, \+5\] \+\d+\.\d% \+\d+\.\d% \+\d+\.\d%/);
    expect(text).toContain('Mean CAR across symbols, per event');
    expect(text).toContain('Claims (1)');
    expect(text).toMatch(/Alibaba’s stock surged more than 50%/);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '2',
      '-l',
      '3',
      pdfPath,
      join(REPORTS_DIR, 'share-event-report-page'),
    ]);
  });

  it('saves the annotated chart as a 2x PNG: title, chart with markers, numbered event legend, provenance', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await page.getByTestId('save-chart-button').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^HSTECH\.HK \d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}\.png$/);
    const pngPath = join(REPORTS_DIR, 'share-chart.png');
    await file.saveAs(pngPath);
    const png = readFileSync(pngPath);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const chartBox = (await page.locator('.chart-area .tv-lightweight-charts').first().boundingBox())!;
    // Decoded in the page: size, and where the picture has ink.
    const stats = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const bg = [d[0], d[1], d[2]];
      const colours = new Set<string>();
      const inkRows: number[] = [];
      let purple = 0;
      for (let y = 0; y < c.height; y++) {
        let ink = 0;
        for (let x = 0; x < c.width; x++) {
          const i = (y * c.width + x) * 4;
          const r = d[i]!,
            g = d[i + 1]!,
            bl = d[i + 2]!;
          if (Math.abs(r - bg[0]!) + Math.abs(g - bg[1]!) + Math.abs(bl - bg[2]!) > 60) ink++;
          if (x % 7 === 0 && y % 7 === 0) colours.add(`${r >> 4},${g >> 4},${bl >> 4}`);
          // The AI category's violet (#7c3aed light / #a78bfa dark): markers, lines and legend badges.
          if (
            Math.abs(r - 0x7c) + Math.abs(g - 0x3a) + Math.abs(bl - 0xed) < 60 ||
            Math.abs(r - 0xa7) + Math.abs(g - 0x8b) + Math.abs(bl - 0xfa) < 60
          )
            purple++;
        }
        inkRows.push(ink);
      }
      return { width: c.width, height: c.height, colours: colours.size, inkRows, purple };
    }, png.toString('base64'));
    // 2x: twice the chart's CSS width plus the 16 px margins.
    expect(stats.width).toBe(2 * (Math.round(chartBox.width) + 32));
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.purple).toBeGreaterThan(50);
    // Below the chart: rows of ink for the event legend and the provenance lines.
    const chartBottom = Math.round(2 * (16 + 24 + 18 + 20 + 8 + chartBox.height));
    const belowInk = stats.inkRows.slice(chartBottom + 20).filter((n) => n > 20).length;
    expect(belowInk).toBeGreaterThan(60);
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('Saved the chart as HSTECH.HK');
  });

  it('remembers the opened study across a reload (the next launch)', async () => {
    const { page, core } = app;
    const picker = page.getByTestId('study-picker');
    await picker.selectOption('japan-chip-rally');
    await expect.poll(() => page.locator('.study-source').textContent()).toContain('Why Japanese chip stocks doubled');
    // The workspace is saved shortly after the change, as the next launch finds it.
    await expect.poll(() => core.services.settings.getWorkspace().studyId).toBe('japan-chip-rally');
    await page.reload();
    await page.getByTestId('study-header').waitFor();
    await expect.poll(() => page.getByTestId('study-picker').inputValue()).toBe('japan-chip-rally');
    await page.getByTestId('study-picker').selectOption(ID);
    await expect.poll(() => page.locator('.study-source').textContent()).toContain('Why China tech stocks are up 30%');
    await expect.poll(() => core.services.settings.getWorkspace().studyId).toBe(ID);
    await page.reload();
    await page.getByTestId('study-header').waitFor();
    await expect.poll(() => page.getByTestId('study-picker').inputValue()).toBe(ID);
    expect(app.pageErrors).toEqual([]);
  });

  it('copies the annotated chart to the clipboard as a 2x PNG', async () => {
    const { page } = app;
    const origin = new URL(page.url()).origin;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const chartBox = (await page.locator('.chart-area .tv-lightweight-charts').first().boundingBox())!;
    await page.getByTestId('share-menu-button').click();
    await page.getByRole('menuitem', { name: 'Copy chart picture' }).click();
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain('Copied the chart picture');
    const pasted = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('image/png'));
      if (!item) return null;
      const blob = await item.getType('image/png');
      const bitmap = await createImageBitmap(blob);
      const c = document.createElement('canvas');
      c.width = bitmap.width;
      c.height = bitmap.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<string>();
      for (let i = 0; i < d.length; i += 4 * 97) colours.add(`${d[i]! >> 4},${d[i + 1]! >> 4},${d[i + 2]! >> 4}`);
      return { type: blob.type, width: bitmap.width, height: bitmap.height, colours: colours.size };
    });
    expect(pasted).not.toBeNull();
    expect(pasted!.type).toBe('image/png');
    expect(pasted!.width).toBe(2 * (Math.round(chartBox.width) + 32));
    expect(pasted!.height).toBeGreaterThan(2 * chartBox.height);
    expect(pasted!.colours).toBeGreaterThan(20);
    expect(app.pageErrors).toEqual([]);
  });

  it('cancels a long report: the progress dialog names the step, keeps focus, Escape stops it and nothing is saved', async () => {
    const { page } = app;
    let downloads = 0;
    const count = () => downloads++;
    page.on('download', count);
    let release: () => void = () => undefined;
    printGate = new Promise<void>((r) => (release = r));
    try {
      await page.getByTestId('share-menu-button').click();
      await page.getByRole('menuitem', { name: 'Report as PDF (Letter)' }).click();
      const progress = page.getByTestId('report-progress');
      // The steps before printing take a few seconds on a loaded machine.
      await expect
        .poll(() => progress.getByRole('status').textContent(), { timeout: 20_000 })
        .toBe('Printing the pages…');
      expect(await progress.locator('progress').getAttribute('value')).toBe('4');
      // A modal dialog: named, focus on Cancel and kept inside while Tab is pressed, no axe finding.
      expect(await page.getByRole('dialog', { name: 'Making the report' }).count()).toBe(1);
      const inside = () => progress.evaluate((d) => d.contains(document.activeElement));
      expect(await inside()).toBe(true);
      for (const key of ['Tab', 'Tab', 'Shift+Tab']) {
        await page.keyboard.press(key);
        expect(await inside(), key).toBe(true);
      }
      expectNoSeriousFindings((await runAxe(page)).serious);
      await app.screenshot('share-6-report-progress');
      // Escape cancels, as the Cancel button does.
      await page.keyboard.press('Escape');
    } finally {
      release();
      printGate = null;
    }
    await page.getByTestId('report-progress').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.status-bar').textContent()).toBe('The report was cancelled');
    page.off('download', count);
    expect(downloads).toBe(0);
  });

  it('follows Settings ▸ Export: File ▸ Export Chart as PNG (Ctrl/⌘+Shift+S) at 1× in print colours while the app is dark; File ▸ Export Report (Ctrl/⌘+P) on Letter', async () => {
    const { page, core } = app;
    core.services.settings.update({ theme: 'dark', pngScale: 1, pngTheme: 'light', paperSize: 'Letter' });
    try {
      await expect.poll(() => page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
      const chartBox = (await page.locator('.chart-area .tv-lightweight-charts').first().boundingBox())!;
      let download = page.waitForEvent('download');
      // What the menu item and its accelerator send (the accelerator itself: tests/main/shell/menu.test.ts).
      core.push.emit('app.command', { command: 'export.png' });
      const png = readFileSync((await (await download).path())!);
      const picture = await pngSize(page, png);
      expect(picture.width).toBe(Math.round(chartBox.width) + 32);
      expect(picture.background).toEqual([255, 255, 255]);
      await expect
        .poll(() => page.locator('.status-bar').textContent())
        .toMatch(/^Saved the chart as HSTECH\.HK .*\.png \(\d+×\d+\)$/);

      download = page.waitForEvent('download');
      core.push.emit('app.command', { command: 'export.pdf' });
      const pdfPath = join(REPORTS_DIR, 'share-report-letter.pdf');
      await (await download).saveAs(pdfPath);
      const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
      // The selected event's report follows the paper setting too.
      await page.getByTestId('events-panel').getByText('Alibaba releases Qwen2.5-Max').first().click();
      await page.getByTestId('share-menu-button').click();
      expect(
        await page.getByRole('menuitem', { name: 'Report of “Alibaba releases Qwen2.5-Max” as PDF (Letter)' }).count(),
      ).toBe(1);
      await page.keyboard.press('Escape');
    } finally {
      core.services.settings.reset();
    }
    expect(app.pageErrors).toEqual([]);
  });

  it('saves a comparison at an event: the picture names the compared symbols, the CSV has each rebased series', async () => {
    const { page } = app;
    const qwen = page.locator('[data-testid="events-panel"] li[data-event-id="qwen25-max-release"]');
    if (!(await qwen.locator('[data-testid="event-actions"]').count())) await qwen.locator('.event-row').click();
    await qwen.getByRole('button', { name: 'Compare at this event' }).click();
    await expect.poll(() => page.locator('.chart-title .instrument-meta').first().textContent()).toBe('rebased to 100');

    const download = page.waitForEvent('download');
    await page.getByTestId('save-chart-button').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^9988\.HK vs BABA vs HSTECH\.HK( vs [^ ]+)* \d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}\.png$/,
    );
    const pngPath = join(REPORTS_DIR, 'share-compare-chart.png');
    await file.saveAs(pngPath);
    expect((await pngSize(page, readFileSync(pngPath))).width).toBeGreaterThan(1000);

    /** Share ▸ Comparison as CSV: the downloaded file's lines. */
    const comparisonCsv = async () => {
      await page.getByTestId('share-menu-button').click();
      const csv = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: 'Comparison as CSV (visible range)' }).click();
      return readFileSync((await (await csv).path())!, 'utf8')
        .replace(/\r\n$/, '')
        .split('\r\n');
    };
    const rows = await comparisonCsv();
    expect(rows[0]).toBe('\uFEFFsymbol,currency,anchor_date,anchor_close,date,rebased,missing');
    const cells = rows.slice(1).map((r) => r.split(','));
    expect(new Set(cells.map((c) => c[0])).size).toBeGreaterThanOrEqual(3);
    // Each series is 100 at its own anchor session (its own calendar's T0 of the event).
    const anchors = cells.filter((c) => c[4] === c[2]);
    expect(anchors.length).toBe(new Set(cells.map((c) => c[0])).size);
    for (const a of anchors) expect(Number(a[5])).toBe(100);

    // Shown "all in USD", the CSV is in USD too: the values `catalyst compare --currency USD` prints.
    const babaDates = app.core.services.market.getBars(asTicker('BABA')).map((b) => b.date);
    app.core.services.market.importBarsCsv(
      asTicker('HKD=X'),
      ['date,close', ...babaDates.map((d, i) => `${d},${(7.8 - 0.0005 * i).toFixed(4)}`)].join('\n'),
      { fileName: 'HKD=X.csv' },
    );
    const legend = page.getByTestId('compare-legend');
    await legend.getByRole('combobox', { name: 'Currency of the comparison' }).selectOption('USD');
    await expect
      .poll(() => legend.locator('li[data-symbol="9988.HK"] .compare-ccy').textContent(), { timeout: 10_000 })
      .toBe('USD (from HKD)');
    const usd = (await comparisonCsv())
      .slice(1)
      .map((r) => r.split(','))
      .filter((c) => c[0] === '9988.HK');
    expect(usd.length).toBeGreaterThan(0);
    expect(usd.every((c) => c[1] === 'USD')).toBe(true);
    const [printed] = app.core.services.compare.compare({
      symbols: [asTicker('9988.HK')],
      anchor: { eventId: 'qwen25-max-release' },
      currency: 'USD',
    });
    for (const c of usd) expect(Number(c[5])).toBe(printed!.points.find((p) => p.date === c[4])!.value);
    await legend.getByRole('combobox', { name: 'Currency of the comparison' }).selectOption('');
    // Settings ▸ Export ▸ CSV files: Without BOM reaches the comparison's CSV too.
    core().services.settings.update({ csvBom: false });
    await expect
      .poll(async () => {
        await page.getByTestId('share-menu-button').click();
        const d = page.waitForEvent('download');
        await page.getByRole('menuitem', { name: 'Comparison as CSV (visible range)' }).click();
        return readFileSync((await (await d).path())!)
          .subarray(0, 7)
          .toString('latin1');
      })
      .toBe('symbol,');
    core().services.settings.update({ csvBom: true });
    expect(app.pageErrors).toEqual([]);
  });
});
