/*
 * Base64 for files that cross the bridge as text (dropped files, printed PDFs). atob/btoa
 * exist in the renderer and in Node; String.fromCharCode takes a bounded number of
 * arguments, so bytes are converted in chunks.
 */

/** Base64 of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of base64 text (throws a DOMException on text that is not base64). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
