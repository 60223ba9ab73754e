import { createReadStream } from 'node:fs';

/**
 * The bytes of one scan input, read as a stream so a large export or PEM bundle never has to
 * sit in memory whole. Files and uploads look the same to every source reader.
 */
export interface ByteInput {
  /** The path or upload name, used in every location the readers report. */
  readonly name: string;
  readonly size?: number;
  chunks(): AsyncIterable<Uint8Array>;
}

export function fileInput(path: string, size?: number): ByteInput {
  return {
    name: path,
    ...(size === undefined ? {} : { size }),
    chunks: () => createReadStream(path, { highWaterMark: 256 * 1024 }),
  };
}

export function bufferInput(name: string, bytes: Uint8Array): ByteInput {
  return {
    name,
    size: bytes.byteLength,
    async *chunks() {
      yield bytes;
    },
  };
}
