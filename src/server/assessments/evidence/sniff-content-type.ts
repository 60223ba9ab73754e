/**
 * The content type of uploaded bytes, decided from the bytes alone. What the client claims
 * is ignored: a file served back under a type the uploader chose (text/html, image/svg+xml)
 * could run script in a reader's browser. Only types we recognise with certainty get a name;
 * everything else is application/octet-stream, which browsers only download.
 */
export function sniffContentType(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipType(bytes);
  if (isPlainText(bytes)) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}

const OOXML: [string, string][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

const ODF = /^application\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation)$/;

/**
 * Office documents are ZIP archives. OpenDocument stores its type uncompressed as the first
 * entry, `mimetype`; Office Open XML has `[Content_Types].xml` and a part folder whose name
 * (in the local headers and the central directory, both plain text) says which application.
 */
function zipType(bytes: Uint8Array): string {
  const nameLength = readUint16(bytes, 26);
  const extraLength = readUint16(bytes, 28);
  const size = readUint32(bytes, 18);
  if (ascii(bytes, 30, nameLength) === 'mimetype' && size < 100) {
    const start = 30 + nameLength + extraLength;
    const type = ascii(bytes, start, size);
    if (ODF.test(type)) return type;
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (text.includes('[Content_Types].xml')) {
    for (const [folder, type] of OOXML) if (text.includes(folder)) return type;
  }
  return 'application/zip';
}

/** Valid UTF-8 without control characters other than tab, newline, carriage return and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- detecting control characters is the point
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function readUint16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (readUint16(bytes, at) | (readUint16(bytes, at + 2) << 16)) >>> 0;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return Buffer.from(bytes.subarray(start, start + length)).toString('latin1');
}
