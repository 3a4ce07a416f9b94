/**
 * Replaced at build time by electron-vite's `define` (electron.vite.config.mts): true only in the
 * `electron-vite dev` loop. Anything that did not go through that define (a test, a stray
 * build) is a production build: the safe side is the one without devtools and dev server.
 */
declare const __TOKENDESK_DEVELOPMENT__: boolean | undefined;

export const isDevelopmentBuild: boolean =
  typeof __TOKENDESK_DEVELOPMENT__ === 'boolean' && __TOKENDESK_DEVELOPMENT__;
