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
  ])('refuses in %s: %s', async (file, code, message) => {
    const messages = await restrictedImports(file, code);
    expect(messages.length).toBe(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ['src/main/shell/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/main/services/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    [
      'src/renderer/src/features/x.ts',
      "import { channels } from '../../../shared/contract/index';\nexport const x = channels;\n",
    ],
    [
      'src/renderer/src/features/x.ts',
      "import { EventsPanel } from './events/events-panel';\nexport const x = EventsPanel;\n",
    ],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
