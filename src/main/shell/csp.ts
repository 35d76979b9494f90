/**
 * The renderer's Content Security Policy: only the app's own scripts and styles, no eval,
 * no inline scripts, no network. `data:`/`blob:` images are for chart exports.
 * Served as a header by the app:// protocol and as a meta tag in the built page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The hash admits exactly the one <style> element lightweight-charts 5.2.1 injects for its
  // attribution logo (a version bump that changes it fails the end-to-end console check).
  "style-src 'self' 'sha256-3pRED1tOXas1FXFoPb9TGCjmYe9XQsmO9OV23khV2nY='",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The same policy for a `<meta>` tag, where `frame-ancestors` is ignored (and warned about). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
