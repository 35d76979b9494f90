/**
 * `npm run bench`: runs every `bench/*.bench.ts` in one process, one after the other, and prints
 * their measures (and ratios) as one table; the same numbers go to reports/bench.json.
 * A bench file exports `name` and `run(): Promise<BenchMeasure[]>`.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchMeasure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** One line on how to read it. */
  readonly note?: string;
}

interface BenchModule {
  readonly name: string;
  run(): Promise<BenchMeasure[]>;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
const report: Array<{ bench: string; measures: BenchMeasure[] }> = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as BenchModule;
  process.stdout.write(`\n## ${mod.name} (${f})\n`);
  const measures = await mod.run();
  const width = Math.max(...measures.map((m) => m.name.length));
  for (const m of measures) {
    const v = Number.isInteger(m.value) ? String(m.value) : m.value.toFixed(m.unit === 'x' ? 1 : 2);
    process.stdout.write(
      `${m.name.padEnd(width)}  ${v.padStart(10)} ${m.unit.padEnd(8)}${m.note ? `  ${m.note}` : ''}\n`,
    );
  }
  report.push({ bench: f, measures });
}
const out = join(here, '..', 'reports', 'bench.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, report }, null, 2)}\n`);
process.stdout.write(`\n${files.length} bench file(s); written to reports/bench.json\n`);
