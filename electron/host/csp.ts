/**
 * The renderer's Content-Security-Policy, sent as a header by both hosts. 'unsafe-inline'
 * is allowed for styles only (Plotly and AG Grid inject style elements); never for scripts,
 * and there is no 'unsafe-eval'. connect-src 'self' keeps fetch/XHR/WebSocket on the app origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every file the hosts serve to the renderer. */
export function securityHeaders(isHtml: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  if (isHtml) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return headers;
}
