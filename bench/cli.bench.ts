/** `catalyst --help` start-up time against a bare `node -e ''`, both spawned the same way. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { atMost, compare, row, timeMs, type BenchContext, type BenchRow } from './lib';

export const name = 'CLI start-up';

const bin = fileURLToPath(new URL('../bin/catalyst.mjs', import.meta.url));

function spawnMs(args: string[]): number {
  let status: number | null = null;
  const ms = timeMs(() => {
    status = spawnSync(process.execPath, args, { stdio: 'ignore' }).status;
  });
  if (status !== 0) throw new Error(`node ${args.join(' ')} exited with ${status}`);
  return ms;
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  spawnMs([bin, '--help']);
  const c = await compare(
    ctx.quick ? 1 : 7,
    () => spawnMs([bin, '--help']),
    () => spawnMs(['-e', '']),
  );
  return [row('catalyst --help', 'ms', c.measured, c.baseline, atMost(8))];
}
