import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layer rules of DESIGN.md, checked through the project's real lint configuration on
// code written as if it lived in each folder.
const ROOT = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint.config.mjs)', () => {
  it.each([
    [
      'src/shared/domain/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      /pure TypeScript/,
    ],
    ['src/shared/domain/x.ts', "import { app } from 'electron';\nexport const x = app;\n", /pure TypeScript/],
    [
      'src/shared/domain/x.ts',
      "import { migrate } from '../../main/db/migrate';\nexport const x = migrate;\n",
      /imports nothing from main/,
    ],
    ['src/main/services/x.ts', "import { app } from 'electron';\nexport const x = app;\n", /Only src\/main\/shell/],
    [
      'src/main/services/x.ts',
      "import { api } from '../../renderer/src/api/client';\nexport const x = api;\n",
      /imports only src\/shared/,
    ],
    [
      'src/renderer/src/features/x.ts',
      "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n",
      /sandboxed/,
    ],
    [
      'src/renderer/src/features/x.ts',
      "import { openDatabase } from '../../../main/db/open';\nexport const x = openDatabase;\n",
      /imports only src\/shared/,
    ],
    [
      'src/preload/x.ts',
      "import { createCore } from '../main/app/create-core';\nexport const x = createCore;\n",
      /preload imports only/,
    ],
    // Layers inside the main process.
    [
      'src/main/services/study/x.ts',
      "import { createRouter } from '../../rpc/router';\nexport const x = createRouter;\n",
      /Services are plain/,
    ],
    [
      'src/main/services/sync/x.ts',
      "import { workerSyncRunner } from '../../worker/spawn-sync-worker';\nexport const x = workerSyncRunner;\n",
      /Services are plain/,
    ],
    [
      'src/main/services/x.ts',
      "import { createCore } from '../app/create-core';\nexport const x = createCore;\n",
      /Services are plain/,
    ],
    [
      'src/main/services/x.ts',
      "import { registerIpc } from '../ipc/register-ipc';\nexport const x = registerIpc;\n",
      /Services are plain/,
    ],
    ['src/main/services/x.ts', "import { menu } from '../shell/menu';\nexport const x = menu;\n", /Services are plain/],
    [
      'src/main/db/repositories/x.ts',
      "import { MarketService } from '../../services/market/market-service';\nexport const x = MarketService;\n",
      /lowest layer/,
    ],
    [
      'src/main/db/x.ts',
      "import { createCore } from '../app/create-core';\nexport const x = createCore;\n",
      /lowest layer/,
    ],
    [
      'src/main/sync/x.ts',
      "import { SyncService } from '../services/sync/sync-service';\nexport const x = SyncService;\n",
      /services drive it/,
    ],
    [
      'src/main/worker/x.ts',
      "import { createRouter } from '../rpc/router';\nexport const x = createRouter;\n",
      /never services or the entry points/,
    ],
    [
      'src/main/rpc/x.ts',
      "import { openDatabase } from '../db/open';\nexport const x = openDatabase;\n",
      /knows only the contract/,
    ],
    ['src/main/services/x.ts', "import { app } from 'electron';\nexport const x = app;\n", /Only src\/main\/shell/],
    // Layers inside the renderer.
    [
      'src/renderer/src/ui/x.tsx',
      "import { EventsPanel } from '../features/events/events-panel';\nexport const x = EventsPanel;\n",
      /feature-free components/,
    ],
    [
      'src/renderer/src/ui/x.tsx',
      "import { useAppState } from '../app/app-state';\nexport const x = useAppState;\n",
      /feature-free components/,
    ],
    [
      'src/renderer/src/api/x.ts',
      "import { Tabs } from '../ui/tabs';\nexport const x = Tabs;\n",
      /renderer’s lowest layer/,
    ],
    [
      'src/renderer/src/api/x.ts',
      "import { useDataVersions } from '../app/data-versions-context';\nexport const x = useDataVersions;\n",
      /renderer’s lowest layer/,
    ],
    // The folder rules keep the renderer-wide ones.
    ['src/renderer/src/ui/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", /sandboxed/],
  ])('refuses in %s: %s', async (file, code, message) => {
    const messages = await restrictedImports(file, code);
    expect(messages.length).toBe(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ['src/main/shell/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/main/services/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    [
      'src/main/services/x.ts',
      "import { BarsRepository } from '../db/repositories/bars-repository';\nexport const x = BarsRepository;\n",
    ],
    ['src/main/services/sync/x.ts', "import { planSync } from '../../sync/plan';\nexport const x = planSync;\n"],
    ['src/main/services/sync/x.ts', "import { SyncService } from './sync-service';\nexport const x = SyncService;\n"],
    [
      'src/main/app/x.ts',
      "import { workerSyncRunner } from '../worker/spawn-sync-worker';\nexport const x = workerSyncRunner;\n",
    ],
    ['src/main/worker/x.ts', "import { runSync } from '../sync/engine';\nexport const x = runSync;\n"],
    [
      'src/renderer/src/features/x.ts',
      "import { channels } from '../../../shared/contract/index';\nexport const x = channels;\n",
    ],
    [
      'src/renderer/src/features/x.ts',
      "import { EventsPanel } from './events/events-panel';\nexport const x = EventsPanel;\n",
    ],
    ['src/renderer/src/ui/x.tsx', "import { api } from '../api/client';\nexport const x = api;\n"],
    [
      'src/renderer/src/features/x.ts',
      "import { useAppState } from '../app/app-state';\nexport const x = useAppState;\n",
    ],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });

  it.each([
    ["const b = Buffer.from('x');\nexport const x = b;\n", 'Buffer'],
    ['export const x = process.env;\n', 'process'],
    ["export const x = require('fs');\n", 'require'],
  ])('refuses Node globals in the sandboxed preload: %s', async (code, name) => {
    const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, 'src/preload/x.ts') });
    const messages = result!.messages.filter((m) => m.ruleId === 'no-restricted-globals');
    expect(messages.map((m) => m.message)).toEqual([
      `Unexpected use of '${name}'. A sandboxed preload has no Node globals: it sees only electron and the DOM.`,
    ]);
  });
});
