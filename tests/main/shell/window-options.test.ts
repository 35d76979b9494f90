import { describe, expect, it } from 'vitest';
import { BACKGROUND, createWindowOptions } from '../../../src/main/shell/window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', dark: false });

  it('runs the renderer sandboxed and isolated, without Node or webviews', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
    });
  });

  it('stays hidden until ready-to-show, titled Catalyst, with a usable minimum size', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Catalyst');
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth!);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight!);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
  });

  it('follows the theme for the background and accepts a size', () => {
    expect(options.backgroundColor).toBe(BACKGROUND.light);
    const dark = createWindowOptions({ preloadPath: '/p.cjs', dark: true, width: 1200, height: 800 });
    expect(dark.backgroundColor).toBe(BACKGROUND.dark);
    expect([dark.width, dark.height]).toEqual([1200, 800]);
    expect(dark.webPreferences?.sandbox).toBe(true);
  });

  it('disables middle-click (auxclick) in Blink', () => {
    expect(options.webPreferences?.disableBlinkFeatures).toBe('Auxclick');
  });
});
