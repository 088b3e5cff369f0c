import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME } from './ipc-channels';
import { createBridge } from './preload/bridge';

// Sandboxed: this file is bundled to one CommonJS file and may require only 'electron'.
// The bridge itself is in preload/bridge.ts, where tests drive it with a fake IPC.
contextBridge.exposeInMainWorld(BRIDGE_NAME, createBridge(ipcRenderer));
