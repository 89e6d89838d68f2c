// Runs in: sandboxed preload (built to one CommonJS file that requires only electron). Owns: exposing
// window.api, generated from the contract, over the isolated-world bridge.
import { contextBridge, ipcRenderer } from 'electron';
import type { Api } from '../shared/contract/api.js';
import { buildApi } from '../shared/contract/build-api.js';
import { createIpcTransport } from './transport.js';

const api = buildApi(createIpcTransport(ipcRenderer)) satisfies Api;

contextBridge.exposeInMainWorld('api', api);
