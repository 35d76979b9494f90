import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/shared/domain/report/study-report';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();

interface ClaimJson {
  id: string;
  text: string;
  results: Array<{ symbol: string; verdict: string }>;
}
interface EventJson {
  id: string;
  title: string;
}

describe('catalyst report', () => {
  it('writes the HTML report: cover, every event and claim with verdicts, provenance, and says charts need the app', async () => {
    const db = tmp.dbPath();
    const out = join(tmp.dir(), 'report.html');
    const r = await runCli(['--db', db, '--json', 'report', 'china-tech-rally-2025', '--format', 'html', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'html', file: out, charts: false });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>China tech rally 2025</h1>');
    expect(html).toContain('href="https://fifthperson.com/china-tech-stocks-up-2025/"');
    expect(html).toContain('Wang Choon Leo, CFA, The Fifth Person');
    expect(html).toContain('data-testid="no-charts"');
    expect(html).toMatch(/@page \{ size: A4;.*counter\(page\)/);
    const claims = JSON.parse((await runCli(['--db', db, '--json', 'claims'])).stdout) as ClaimJson[];
    for (const c of claims) {
      expect(html).toContain(escapeHtml(c.text));
      for (const res of c.results) expect(html).toContain(`<td>${res.symbol}</td>`);
    }
    const events = JSON.parse((await runCli(['--db', db, '--json', 'events'])).stdout) as EventJson[];
    for (const e of events) expect(html).toContain(escapeHtml(e.title));
    // The event study where it exists, and each claim's sensitivity strip.
    expect(html).toContain('data-testid="report-event-study"');
    expect(html).toContain('data-testid="report-heatmap"');
    expect(html).toMatch(/Heatmap: CAR \[0, \+5\] per event and symbol/);
    for (const e of events) expect(html).toContain(`<tr><td>${escapeHtml(e.title)}</td><td class="num"`);
    const strips = html.match(/data-testid="report-sensitivity"/g) ?? [];
    expect(strips.length).toBeGreaterThanOrEqual(3);
    expect(html).toMatch(/HSTECH\.HK — sensitivity to the as-of date<\/dt><dd>holds on \d+ of \d+ sessions/);
    expect(html).toContain('Appendix: provenance');
    expect(html).toContain('close-only');
    expect(html).toContain('TradingView');
  });

  it('writes Markdown to stdout, one event only when asked, and notes the missing charts on stderr', async () => {
    const db = tmp.dbPath();
    const r = await runCli([
      '--db',
      db,
      'report',
      'china-tech-rally-2025',
      '--format',
      'md',
      '--event',
      'qwen25-max-release',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# China tech rally 2025 — Alibaba releases Qwen2.5-Max\n/);
    expect(r.stdout).toContain('## Events (1)');
    expect(r.stdout).toContain('## Claims (1)');
    expect(r.stdout).toMatch(/\| 9988\.HK \| \+58\.7% \| Holds \|/);
    // The one event's event study, and the claim's sensitivity to its as-of date.
    expect(r.stdout).toContain('## Event study');
    expect(r.stdout).toMatch(/\| Alibaba releases Qwen2\.5-Max \| [+-]\d/);
    expect(r.stdout).toMatch(/- 9988\.HK: holds on \d+ of \d+ sessions/);
    expect(r.stderr).toMatch(/Chart images are not included/);
  });

  it('refuses an unknown study, event or format with exit 1', async () => {
    const db = tmp.dbPath();
    expect((await runCli(['--db', db, 'report', 'china-tech-rally-2025', '--format', 'pdf'])).stderr).toMatch(
      /must be html or md/,
    );
    const ev = await runCli([
      '--db',
      db,
      '--json',
      'report',
      'china-tech-rally-2025',
      '--format',
      'md',
      '--event',
      'nope',
    ]);
    expect(ev.code).toBe(1);
    expect(JSON.parse(ev.stderr).error.code).toBe('not-found');
    expect((await runCli(['--db', db, 'report', 'no-study', '--format', 'md'])).code).toBe(1);
  });
});
