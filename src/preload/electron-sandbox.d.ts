/**
 * The part of `electron` a sandboxed preload can reach, declared without Node.
 * tsconfig.preload.json maps `electron` to this file and sets no `types`, so the preload's
 * own code sees only the sandboxed renderer's electron API and the DOM (the real electron.d.ts
 * references Node's types). tsconfig.node.json checks the same files against the real electron
 * types, so this declaration cannot drift from them unnoticed. Node's types still arrive
 * through src/shared (papaparse's declarations reference them), so lint refuses Node globals
 * in src/preload (`no-restricted-globals`).
 */

export interface IpcRendererEvent {
  readonly sender: unknown;
}

export interface IpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
}

export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export declare const ipcRenderer: IpcRenderer;
export declare const contextBridge: ContextBridge;
