import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND } from '../../src/main/shell/window-options';
import { chartOptions, chartPalette } from '../../src/renderer/src/features/chart/chart-theme';
import { categoryColors } from '../../src/renderer/src/features/study/annotations/chart-event';
import { cssVariables, themeTokens, type ThemeName } from '../../src/shared/theme';

const RENDERER = resolve(import.meta.dirname, '..', '..', 'src', 'renderer', 'src');
const themes: ThemeName[] = ['light', 'dark'];

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
}

describe('one set of theme tokens', () => {
  it('gives the CSS every custom property it reads that the CSS does not define itself', () => {
    const css = cssFiles(RENDERER).map((f) => readFileSync(f, 'utf8'));
    // `var(--x, fallback)` has its own fallback; `var(--x)` needs a definition.
    const used = new Set(css.flatMap((c) => [...c.matchAll(/var\((--[a-z0-9-]+)\)/g)].map((m) => m[1]!)));
    const definedInCss = new Set(css.flatMap((c) => [...c.matchAll(/^\s*(--[a-z0-9-]+)\s*:/gm)].map((m) => m[1]!)));
    for (const theme of themes) {
      const vars = cssVariables(theme);
      const missing = [...used].filter((v) => !(v in vars) && !definedInCss.has(v));
      expect(missing, theme).toEqual([]);
    }
    // No second palette hides in the style sheets: colours come from the tokens only.
    const styles = readFileSync(join(RENDERER, 'ui', 'styles.css'), 'utf8');
    expect(styles).not.toMatch(/#[0-9a-f]{6}\b/i);
  });

  it('draws the chart, the event categories and the window background from the same tokens', () => {
    for (const theme of themes) {
      const t = themeTokens[theme];
      expect(chartPalette[theme]).toBe(t);
      expect(chartOptions(theme).layout?.background).toEqual({ type: 'solid', color: t.panel });
      expect(categoryColors[theme]).toEqual(t.category);
      expect(cssVariables(theme)['--panel']).toBe(t.panel);
      expect(cssVariables(theme)['--category-ai']).toBe(t.category.ai);
      expect(BACKGROUND[theme]).toBe(t.bg);
      expect(cssVariables(theme)['--bg']).toBe(BACKGROUND[theme]);
    }
  });

  it('keeps the candles’ up/down colours out of the category and comparison colours', () => {
    for (const theme of themes) {
      const t = themeTokens[theme];
      for (const c of [...Object.values(t.category), ...t.compare]) expect([t.up, t.down]).not.toContain(c);
      expect(new Set(t.compare).size).toBe(t.compare.length);
    }
  });
});
