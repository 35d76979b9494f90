// `npm test`: format check, type-check, lint, unit + integration, build, end-to-end — in that
// order, stopping at the first failure. Several suites of Catalyst running at once on one
// machine (two checkouts, worktrees) would starve each other's timing-sensitive tests (the
// event-loop pause, request spacing, kill-and-resume cycles), so a machine-wide lock lets one
// suite run at a time; the others wait and say so.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STEPS = ['format:check', 'typecheck', 'lint', 'test:unit', 'build', 'test:e2e'];
const LOCK = join(tmpdir(), 'catalyst-npm-test.lock');
const MAX_WAIT_MS = 30 * 60 * 1000;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function acquire() {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return true;
    } catch (e) {
      if (e.code !== 'EEXIST') return false;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {
      // Being created or removed right now: look again.
    }
    if (Number.isInteger(holder) && !alive(holder)) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > MAX_WAIT_MS) {
      process.stderr.write('npm test: waited 30 minutes for the other suite; running anyway.\n');
      return false;
    }
    if (!told) {
      process.stderr.write(
        `npm test: another Catalyst test suite is running on this machine (pid ${holder}); waiting for it.\n`,
      );
      told = true;
    }
    spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 2000)']);
  }
}

const held = acquire();
const release = () => {
  if (held) rmSync(LOCK, { recursive: true, force: true });
};
process.on('exit', release);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    release();
    process.exit(130);
  });
}

const npm = process.env.npm_execpath;
for (const step of STEPS) {
  const r = npm
    ? spawnSync(process.execPath, [npm, 'run', step], { stdio: 'inherit' })
    : spawnSync('npm', ['run', step], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
