/**
 * A request written by hand over a socket, so a test can hold it open half-sent: the server
 * has parsed the headers and started the request, but the body is not complete yet. That is a
 * genuinely in-flight request without any test-only slow route in the server.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HeldRequest {
  /** Sends the rest of the body and resolves with the whole response. */
  finish(): Promise<RawResponse>;
  /** Resolves with whatever the server sent before closing, without sending the rest. */
  response: Promise<RawResponse | undefined>;
  socket: Socket;
}

/** Opens the request and sends everything but the last half of the body. */
export async function holdRequest(
  port: number,
  method: string,
  path: string,
  body: string,
): Promise<HeldRequest> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const payload = Buffer.from(body);
  const half = Math.floor(payload.length / 2);
  socket.write(
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${payload.length}\r\nConnection: close\r\n\r\n`,
  );
  socket.write(payload.subarray(0, half));
  let received = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
  const response = new Promise<RawResponse | undefined>((resolve) => {
    socket.once('close', () => resolve(parse(received)));
    socket.once('error', () => undefined);
  });
  return {
    socket,
    response,
    finish: async () => {
      socket.write(payload.subarray(half));
      const parsed = await response;
      if (!parsed) throw new Error(`no complete response; received ${JSON.stringify(received.toString())}`);
      return parsed;
    },
  };
}

/** Parses a Content-Length response; undefined when it is missing or cut short. */
function parse(raw: Buffer): RawResponse | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const body = raw.subarray(end + 4);
  const length = Number(headers['content-length']);
  if (!Number.isInteger(length) || body.length !== length) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') };
}
