/**
 * `attachment` with the name twice: an ASCII fallback, and the exact name as RFC 5987
 * UTF-8 (`filename*`), which every current browser prefers. Quotes, backslashes and control
 * characters never reach the header.
 */
export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'download';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
