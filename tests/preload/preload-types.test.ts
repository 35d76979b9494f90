import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The sandboxed preload runs without Node: tsconfig.preload.json must type-check it against
 * the DOM and the sandbox's part of electron only, so a Node global in src/preload is a type
 * error, not something only lint notices.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG = resolve(ROOT, 'tsconfig.preload.json');

function preloadProgram(extra?: { file: string; text: string }): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    CONFIG,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.preload.json did not parse');
  const host = ts.createCompilerHost(parsed.options);
  if (extra) {
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (f) => (resolve(f) === extra.file ? extra.text : readFile(f));
    host.fileExists = (f) => resolve(f) === extra.file || fileExists(f);
    host.getSourceFile = (f, lang, onError, create) =>
      resolve(f) === extra.file ? ts.createSourceFile(f, extra.text, lang) : getSourceFile(f, lang, onError, create);
  }
  const roots = extra ? [...parsed.fileNames, extra.file] : parsed.fileNames;
  return ts.createProgram({ rootNames: roots, options: parsed.options, host });
}

function errorsIn(program: ts.Program, file?: string): string[] {
  const source = file === undefined ? undefined : program.getSourceFile(file);
  return ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('tsconfig.preload.json', () => {
  it('checks the preload without any of Node’s type declarations', () => {
    const program = preloadProgram();
    const files = program.getSourceFiles().map((f) => f.fileName);
    expect(files.some((f) => f.endsWith('/src/preload/index.ts'))).toBe(true);
    expect(files.filter((f) => f.includes('/@types/node/'))).toEqual([]);
    // electron resolves to the sandbox declaration, not the real electron.d.ts (which references Node).
    expect(files.filter((f) => f.includes('/node_modules/electron/'))).toEqual([]);
    expect(errorsIn(program)).toEqual([]);
  }, 60_000);

  it('makes a Node global in src/preload a type error', () => {
    const file = resolve(ROOT, 'src/preload/uses-node.ts');
    const text = [
      "import { ipcRenderer } from 'electron';",
      'export const env = process.env;',
      "export const bytes = Buffer.from('x');",
      'export const invoke = ipcRenderer.invoke;',
      '',
    ].join('\n');
    const messages = errorsIn(preloadProgram({ file, text }), file);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/Cannot find name 'process'/);
    expect(messages[1]).toMatch(/Cannot find name 'Buffer'/);
  }, 60_000);
});
