import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readOpenedFile } from '../../src/main/services/files/read-opened-file';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const ARTICLE = readFileSync(
  join(import.meta.dirname, '..', '..', 'resources', 'articles', 'article-china-tech-2025.txt'),
  'utf8',
);
const DIALOG = '[data-testid="article-dialog"]';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'articles');

/** Drops a real File on the window (dragenter, dragover, drop), as a browser does. */
async function dropFile(page: Page, fileName: string, bytes: Buffer, type: string) {
  await page.evaluate(
    ({ name, b64, mime }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: mime }));
      const target = document.querySelector('.app') ?? document.body;
      for (const t of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name: fileName, b64: bytes.toString('base64'), mime: type },
  );
}

/**
 * Issue 15 end to end: paste the shipped article into a new study, edit one proposal, save,
 * and see the chart open on the new study with its events and claims (checked on the cache).
 */
describe('new study from an article', () => {
  let app: RendererWithMainServices;

  beforeAll(async () => {
    app = await launchRendererWithMainServices({ core: { seedOnOpen: true } });
    await app.page.locator('[data-testid="study-header"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reads a pasted article into an editable preview with its evidence', async () => {
    const { page } = app;
    await page.getByTestId('open-article-dialog').click();
    const dialog = page.locator(DIALOG);
    await dialog.getByLabel('Article text').fill(ARTICLE);
    await dialog.getByLabel('Publication date').fill('2025-03-14');
    await dialog.getByRole('button', { name: 'Read article' }).click();
    await dialog.getByTestId('article-preview').waitFor();
    expect(await dialog.getByLabel('Study title').inputValue()).toBe('Why China tech stocks are up 30% in 2025');
    // The universe with the words each ticker came from.
    const symbols = await dialog
      .locator('.art-symbol')
      .evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect(symbols).toEqual([
      'HSTECH.HK',
      '9888.HK',
      'BIDU',
      '1810.HK',
      '9988.HK',
      'BABA',
      '2333.HK',
      '1211.HK',
      '^HSI',
      '000001.SS',
      '^GSPC',
    ]);
    // Events with their precision; Qwen2.5-Max is dated from the library (the embedded study).
    const events = dialog.getByTestId('article-event');
    expect(await events.count()).toBe(4);
    expect(await events.nth(1).textContent()).toContain('range 2025-01-20 – 2025-01-31');
    expect(await events.nth(2).textContent()).toContain(
      'linked to your library’s “Alibaba releases Qwen2.5-Max” (2025-01-28)',
    );
    expect(await events.nth(1).locator('mark').allTextContents()).toContain('late January 2025');
    // Claims, the P/E ratios as not checkable with the reason.
    const claims = dialog.getByTestId('article-claim');
    expect(await claims.count()).toBe(5);
    expect(await claims.nth(4).textContent()).toContain('not checkable from prices');
    expect(await claims.nth(4).textContent()).toContain('valuation ratio');
    await app.screenshot('article-preview');
  });

  it('saves the edited proposal and opens the chart on the new study with its events and claims', async () => {
    const { page } = app;
    const dialog = page.locator(DIALOG);
    // Edit one proposal: Xi's meeting, proposed as "February 2025", is dated to the day.
    const xi = dialog.getByTestId('article-event').first();
    await xi.getByLabel(/^Date of /).fill('2025-02-17');
    expect(await xi.textContent()).toContain('day');
    // Edit a claim's parameters: Alibaba's "more than 50% in less than a month", measured over
    // 20 days instead of 30, on the Hong Kong listing only; its sentence stays as the evidence.
    const ali = dialog.getByTestId('article-claim').nth(2);
    await ali.getByRole('button', { name: /^Edit claim Alibaba/ }).click();
    const editor = ali.getByTestId('claim-editor');
    expect(await editor.getByLabel('Measure as').inputValue()).toBe('max-gain-within-days');
    expect(await editor.getByLabel('Measured from the event').inputValue()).toBe('alibaba-releases-qwen2-5-max');
    await editor.getByLabel('Window (days)').fill('20');
    await editor.getByLabel('BABA').uncheck();
    expect(await ali.locator('.art-metric').textContent()).toBe('gain above 50% within 20 days of the event');
    expect(await ali.locator('mark').allTextContents()).toContain('more than 50%');
    // An impossible band is refused before saving, with the reason.
    const ytd = dialog.getByTestId('article-claim').first();
    await ytd.getByRole('button', { name: /^Edit claim The Chinese/ }).click();
    await ytd.getByLabel('As of from').fill('2025-03-20');
    await ytd.getByRole('alert').getByText('"from" must not be after "to"').waitFor();
    expect(await dialog.getByRole('button', { name: 'Save study' }).isDisabled()).toBe(true);
    await app.screenshot('article-claim-edit');
    await app.page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('article-claim-edit-1024');
    await app.page.setViewportSize({ width: 1400, height: 860 });
    await ytd.getByLabel('As of from').fill('2025-02-12');
    await ytd.getByRole('button', { name: /^Edit claim The Chinese/ }).click();
    expect(await ytd.getByTestId('claim-editor').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Save study' }).isDisabled()).toBe(false);
    await dialog.getByRole('button', { name: 'Save study' }).click();
    await dialog.getByTestId('article-saved').waitFor();
    await app.screenshot('article-saved');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator(DIALOG).waitFor({ state: 'detached' });

    // The new study is open, chosen in the study picker (which also lists the embedded one).
    const picker = page.getByTestId('study-picker');
    await expect
      .poll(() => picker.locator('option:checked').textContent())
      .toMatch(/^Why China tech stocks are up 30% in 2025/);
    expect(await picker.locator('option').count()).toBe(2);
    // The save's status is shown once the study has loaded, and its summary does not replace it.
    const status = page.locator('.status-bar');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Saved “Why China tech stocks are up 30% in 2025.*” from the article$/);
    await page.getByTestId('events-panel').locator('li[data-event-id]').first().waitFor();
    expect(await status.textContent()).toMatch(/from the article$/);
    // Its events on the chart's timeline, the edited one on its day.
    const stored = app.core.services.study
      .listStudies()
      .find((s) => s.title === 'Why China tech stocks are up 30% in 2025')!;
    const detail = app.core.services.study.getStudy(stored.id);
    expect(await picker.inputValue()).toBe(stored.id);
    expect(stored.origin).toBe('user');
    expect(detail.events.map((e) => e.date)).toEqual(['2025-01-20', '2025-01-28', '2025-02-11', '2025-02-17']);
    expect(detail.events.find((e) => e.date === '2025-02-17')).toMatchObject({
      approximate: false,
      category: 'policy',
    });
    // The claim as the user edited it, and the P/E ratios as a claim not checkable from prices.
    const aliClaim = detail.claims.find((c) => c.metric.kind === 'max-gain-within-days')!;
    expect(aliClaim).toMatchObject({
      symbols: ['9988.HK'],
      metric: { days: 20, holds: { above: 0.5 }, event: 'alibaba-releases-qwen2-5-max' },
    });
    expect(detail.claims.find((c) => c.metric.kind === 'not-checkable')!.symbols).toEqual([
      '^HSI',
      '000001.SS',
      '^GSPC',
    ]);
    const panel = page.getByTestId('events-panel');
    await panel.getByText('DeepSeek’s R1 AI model launched').first().waitFor();
    // Its claims evaluated at once on the cached prices.
    await page.getByRole('tab', { name: 'Claims' }).click();
    const claimsPanel = page.getByTestId('claims-panel');
    await claimsPanel.locator('tr.claim-result').first().waitFor();
    const verdicts = await claimsPanel
      .locator('tr.claim-result')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-symbol'), r.getAttribute('data-verdict')]));
    expect(verdicts).toContainEqual(['HSTECH.HK', 'holds']);
    expect(verdicts).toContainEqual(['9988.HK', 'holds']);
    expect(verdicts).toContainEqual(['^HSI', 'not-checkable']);
    expect(verdicts.filter(([s]) => s === 'BABA')).toHaveLength(1);
    expect(verdicts.length).toBeGreaterThanOrEqual(11);
    // The saved study's claims can be questioned like any study's: a what-if on the YTD band.
    const hstech = claimsPanel.locator(`li[data-claim-id="${detail.claims[0]!.id}"] [data-testid="claim-what-if"]`);
    await hstech.getByRole('button', { name: 'What if…' }).click();
    const hk = hstech.locator('li.what-if-result[data-symbol="HSTECH.HK"]');
    await expect.poll(() => hk.getAttribute('data-verdict')).toBe('holds');
    await hstech.getByLabel('Holds to %', { exact: true }).fill('50');
    await hstech.getByLabel('Holds from %').fill('40');
    // A holds band outside the borderline band is refused until the borderline band contains it.
    await expect
      .poll(() => hstech.locator('.form-error').textContent())
      .toContain('the borderline band must contain the holds band');
    await hstech.getByLabel('Borderline to %', { exact: true }).fill('55');
    // ~30% is outside the what-if's 40–50% band, inside the 25–55% borderline band.
    await expect.poll(() => hk.getAttribute('data-verdict')).toBe('borderline');
    expect(await hk.textContent()).toContain('(what-if)');
    await app.screenshot('article-study-claims');
    await hstech.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => hk.getAttribute('data-verdict')).toBe('holds');
    await page.getByRole('tab', { name: 'Events' }).click();
    await app.screenshot('article-study-chart');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('article-study-chart-1024');
    expect(app.pageErrors).toEqual([]);
  });

  it('a story dropped on the window opens the dialog; its study saves, offers a price update for uncached symbols and opens', async () => {
    const { page, core } = app;
    await dropFile(
      page,
      'tokyo-tariff-whiplash.md',
      readFileSync(join(FIXTURES, 'tokyo-tariff-whiplash.md')),
      'text/markdown',
    );
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    expect(await dialog.getByLabel('Article text').inputValue()).toContain('Tokyo’s tariff whiplash');
    // The front matter's date is the article's date.
    await dialog.getByRole('button', { name: 'Read article' }).click();
    await dialog.getByTestId('article-preview').waitFor();
    expect(await dialog.getByLabel('Publication date').inputValue()).toBe('2025-04-18');
    expect(await dialog.getByLabel('Study title').inputValue()).toBe(
      'Tokyo’s tariff whiplash: how Japan’s chip stocks rode out April',
    );
    await dialog.getByRole('button', { name: 'Save study' }).click();
    const saved = dialog.getByTestId('article-saved');
    await saved.waitFor();
    // Japanese listings are not in the cache: the dialog says which and offers to update them.
    expect(await saved.textContent()).toMatch(/\d+ symbols have no cached prices: .*\.T\b/);
    await saved.getByRole('button', { name: /^Update prices of \d+$/ }).waitFor();
    await app.screenshot('article-dropped-saved');
    await saved.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    const stored = core.services.study
      .listStudies()
      .find((s) => s.title === 'Tokyo’s tariff whiplash: how Japan’s chip stocks rode out April')!;
    expect(stored).toMatchObject({ origin: 'user' });
    expect(stored.events).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('study-picker').inputValue()).toBe(stored.id);
    expect(app.pageErrors).toEqual([]);
  });

  it('a web page opened from the OS, or chosen in File ▸ New Study from Article…, opens the same dialog', async () => {
    const { page, core } = app;
    // The OS hands main a saved web page: main reads and classifies it, the window routes it here.
    core.push.emit('app.openFile', readOpenedFile(join(FIXTURES, 'deepseek-week.html')));
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    expect(await dialog.getByLabel('Article text').inputValue()).toContain(
      '<meta name="author" content="Daniel Okafor">',
    );
    await dialog.getByRole('button', { name: 'Read article' }).click();
    await dialog.getByTestId('article-preview').waitFor();
    // The source comes from the page's metadata.
    expect(await dialog.getByLabel('Study title').inputValue()).toBe(
      'DeepSeek week: how a Chinese model knocked $1 trillion off US tech',
    );
    expect(await dialog.getByLabel('Publication date').inputValue()).toBe('2025-01-31');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // File ▸ New Study from Article…: main read the chosen file (here one it could not read).
    core.push.emit('article.openDialog', { source: 'menu', fileName: 'story.pdf', error: 'not a text file' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('story.pdf: not a text file');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });
});
