/**
 * The sandboxed preload: exposes `window.catalyst`, built from the contract, over IPC.
 * Built by electron-vite as one CommonJS file (`out/preload/index.cjs`); it may import only
 * `electron` and `src/shared`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../shared/contract/bridge';
import { createIpcTransport } from './transport';

contextBridge.exposeInMainWorld('catalyst', createBridge(createIpcTransport(ipcRenderer)));
