import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What axe reports of one rule on one view. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A/AA and best practices) on the page as it is now: every violation
 * of any impact (`all`, for a report) and the serious and critical ones (`serious`, for the test).
 */
export async function runAxe(page: Page): Promise<{ all: AxeFinding[]; serious: AxeFinding[] }> {
  // Evaluated over the DevTools protocol: the page's CSP (script-src 'self') forbids an inline tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axe.source};0`);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  const all = result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
  }));
  return { all, serious: all.filter((f) => f.impact === 'serious' || f.impact === 'critical') };
}

/** Fails with every serious/critical finding spelled out (rule, element, why). */
export function expectNoSeriousFindings(serious: readonly AxeFinding[]): void {
  expect(serious.map((f) => `${f.rule} (${f.impact}): ${f.help}\n    ${f.nodes.join('\n    ')}`)).toEqual([]);
}
