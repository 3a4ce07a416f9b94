import type { Api } from '../shared/contract';

declare global {
  interface Window {
    /** The only way the renderer reaches main; built by src/preload (Electron) or web.ts. */
    readonly api: Api;
  }
}

export {};
