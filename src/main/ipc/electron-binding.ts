import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/contract';
import type { Dispatch, SenderFacts } from './handle';

export function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  if (frame === null) return { url: null, isMainFrame: false };
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/** Binds every contract channel to the dispatcher; nothing is registered around it. */
export function bindIpc(dispatch: Dispatch): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, args: unknown) => dispatch(channel, senderFacts(event), args));
  }
}
