/**
 * `npm run bench [-- --quick] [-- --out FILE] [-- NAME…]`: runs every `bench/*.bench.ts` (or
 * those whose file name contains a NAME), prints one table and writes the rows to
 * reports/bench.json (reports/bench-quick.json with --quick) as
 * `[{name, measured, baseline, ratio, unit, target, holds}]`.
 *
 * Full mode exits 1 when a target is missed. `--quick` shrinks every size and runs each pair
 * once: it proves the suite runs and writes its JSON (part of `npm test`), and asserts no
 * target, since a loaded machine says nothing about them.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './lib';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outAt = args.indexOf('--out');
const out =
  outAt >= 0 ? resolve(args[outAt + 1]!) : join(here, '..', 'reports', quick ? 'bench-quick.json' : 'bench.json');
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();

function fmt(v: number | null): string {
  if (v === null) return '—';
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return v.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

const rows: BenchRow[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as BenchModule;
  process.stderr.write(`running ${f}: ${mod.name}\n`);
  const got = await mod.run({ quick, reps: quick ? 1 : 5 });
  rows.push(...got);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
}

const head = ['name', 'measured', 'baseline', 'ratio', 'unit', 'target', 'holds'];
const table = rows.map((r) => [
  r.name,
  fmt(r.measured),
  fmt(r.baseline),
  r.ratio === null ? '—' : `${fmt(r.ratio)}×`,
  r.unit,
  r.target ?? '—',
  r.holds === null ? '' : r.holds ? 'yes' : 'NO',
]);
const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
process.stdout.write(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
for (const t of table) process.stdout.write(`${line(t)}\n`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
const missed = rows.filter((r) => r.holds === false);
process.stdout.write(
  `\n${rows.length} figures from ${files.length} bench file(s)${quick ? ' (quick: targets not asserted)' : ''}; ${missed.length} target(s) missed; written to ${out}\n`,
);
if (!quick && missed.length > 0) process.exitCode = 1;
