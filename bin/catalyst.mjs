#!/usr/bin/env node
// The `catalyst` command: runs the main-process services headless under Node.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `catalyst needs Node 22 or newer (this is ${process.version}). Run it as \`npx catalyst\` or ` +
      '`npm run catalyst -- ...` inside the project so the pinned Node from devDependencies is used.\n',
  );
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
