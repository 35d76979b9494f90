/**
 * A file name stem any file system accepts: characters Windows, macOS or Linux refuse become
 * `_`, leading and trailing dots and blanks go, at most 100 characters; `fallback` when
 * nothing is left.
 */
export function safeFileStem(name: string, fallback: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001F\u007F]/g, '_')
      .replace(/^[\s.]+|[\s.]+$/g, '')
      .slice(0, 100) || fallback
  );
}
