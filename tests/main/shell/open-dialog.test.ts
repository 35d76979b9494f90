import { describe, expect, it } from 'vitest';
import { aboutText } from '../../../src/main/shell/about';
import { rememberRecent } from '../../../src/main/services/settings/settings-service';
import { openDialogOptions } from '../../../src/main/shell/open-dialog';

describe('open dialogs of the File menu', () => {
  it('offers the right file types first for each item, and always all files', () => {
    expect(openDialogOptions('watchlist').filters![0]!.extensions).toEqual(['txt', 'csv', 'tsv', 'json']);
    expect(openDialogOptions('study').filters![0]!.extensions).toEqual(['json']);
    expect(openDialogOptions('article').filters![0]!.extensions).toContain('html');
    for (const kind of ['any', 'watchlist', 'prices', 'study', 'article'] as const) {
      const o = openDialogOptions(kind);
      expect(o.properties).toEqual(['openFile']);
      expect(o.filters!.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
    }
  });

  it('keeps recent files newest first, once each, ten at most', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = rememberRecent(list, `/f${i}`);
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/f11');
    list = rememberRecent(list, '/f5');
    expect(list[0]).toBe('/f5');
    expect(list.filter((p) => p === '/f5')).toHaveLength(1);
  });

  it('names the data sources and the chart library attribution in About', () => {
    expect(aboutText()).toMatch(/Yahoo Finance/);
    expect(aboutText()).toMatch(/TradingView Lightweight Charts/);
  });
});
