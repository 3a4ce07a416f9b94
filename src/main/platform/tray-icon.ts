/**
 * The tray's 16×16 icon (a key on a blue square), inline so it ships inside the main bundle
 * with no asset path to resolve in a packaged app.
 */
export const TRAY_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAALUlEQVR42mNgoBZQTX79nxRMkWYMQ4ahAciAZAOIAfQ3gL5hMETTAcWZiRIAAK5DAkEIV3MVAAAAAElFTkSuQmCC';
