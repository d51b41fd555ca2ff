/**
 * Where the renderer lives. Electron serves it from the privileged app:// scheme; the
 * Chromium shell from a fake https origin on the reserved .invalid TLD, answered purely by
 * request interception. Either way every request outside the origin is cancelled.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'verhuisverkenner';
export const ELECTRON_APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const SHELL_APP_ORIGIN = 'https://verhuisverkenner.invalid';

/**
 * True when `url` is on `origin` (scheme and host compared; WHATWG URL gives custom schemes
 * the origin "null", so `.origin` cannot be used for app://).
 */
export function isOnOrigin(url: string, origin: string): boolean {
  let parsed: URL;
  let expected: URL;
  try {
    parsed = new URL(url);
    expected = new URL(origin);
  } catch {
    return false;
  }
  return (
    parsed.protocol === expected.protocol &&
    parsed.host === expected.host &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
