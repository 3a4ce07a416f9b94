import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Envelope } from '../shared/contract';
import { buildApi } from './build-api';

const api = buildApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, args) as Promise<Envelope<unknown>>,
  subscribe: (event, listener) => {
    // The IPC event object is never passed on: it would hand the page `sender` and more.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('api', api);
