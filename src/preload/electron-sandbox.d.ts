/**
 * The part of `electron` a sandboxed preload can reach, declared without Node.
 * tsconfig.preload.json maps `electron` to this file, sets no `types` and includes only
 * src/preload (the src/shared files it imports come along), so no Node declaration is in that
 * program: a Node global in the preload is a type error (tests/preload/preload-types.test.ts).
 * tsconfig.node.json checks the same files against the real electron types, so this
 * declaration cannot drift from them unnoticed.
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
