/**
 * Strict base64 decoding. Node's decoder skips characters it does not know and ignores the
 * unused low bits of the last character, so two different texts could decode to the same bytes;
 * for a signed document every character must count, so a text is accepted only when it is
 * exactly the encoding of what it decodes to.
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** The bytes of a base64url text (no padding), or undefined when the text is not in that exact form. */
export function decodeBase64Url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

/** The bytes of a standard base64 text with padding (as x5c uses), or undefined. */
export function decodeBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
