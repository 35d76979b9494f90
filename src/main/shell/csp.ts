/**
 * The renderer's Content Security Policy: only the app's own scripts and styles, no eval,
 * no inline scripts, no network. `data:`/`blob:` images are for chart exports.
 * Served as a header by the app:// protocol and as a meta tag in the built page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
