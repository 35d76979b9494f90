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

/** WCAG 2.x relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
/** `rgba(r, g, b, a)` painted over the opaque `#rrggbb` below it. */
function over(rgba: string, below: string): string {
  const [r, g, b, a] = rgba.match(/[\d.]+/g)!.map(Number);
  return `#${[r!, g!, b!]
    .map((c, i) => Math.round(a! * c + (1 - a!) * parseInt(below.slice(1 + 2 * i, 3 + 2 * i), 16)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

describe('contrast of the tokens (WCAG 2.2 AA: 4.5:1 for text)', () => {
  it('keeps every text colour readable on the panels, the page and a selected row, in both themes', () => {
    for (const theme of themes) {
      const t = themeTokens[theme];
      const grounds = { panel: t.panel, bg: t.bg, selected: over(t.accentSoft, t.panel) };
      for (const [name, fg] of Object.entries({ text: t.text, muted: t.muted, up: t.up, down: t.down, warn: t.warn }))
        for (const [ground, bg] of Object.entries(grounds))
          expect(contrast(fg, bg), `${theme} ${name} on ${ground}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(t.onAccent, t.accent), `${theme} on-accent`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
