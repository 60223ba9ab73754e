import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { packageRoot } from '../io/package-root.js';

/** Where `vite build` puts the browser app (vite.config.ts). */
export function defaultWebRoot(): string {
  return join(packageRoot(), 'dist', 'web');
}

/** Paths that belong to the server; a miss there is a JSON 404, never the app's index.html. */
const SERVER_PREFIXES = ['/api', '/healthz', '/readyz', '/assets/'];

/**
 * Serves the built web app. Vite names every file under assets/ by its content hash, so those
 * are cached for a year as immutable; index.html names the current hashes and must always be
 * revalidated. Any other GET (a deep link such as /assessments/123 after a reload) gets
 * index.html, and the client-side router takes it from there.
 *
 * Files are listed once at start (wildcard: false), so a miss can fall through to our own
 * catch-all instead of @fastify/static's; a rebuild of dist/web needs a restart anyway.
 */
export async function webRoutes(app: FastifyInstance, options: { root?: string }) {
  const root = options.root ?? defaultWebRoot();
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', async (_request, reply) =>
      reply
        .status(503)
        .header('cache-control', 'no-cache')
        .type('text/plain; charset=utf-8')
        .send('the web app is not built: run npm run build\n'),
    );
    return;
  }

  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    // Our headers below are the whole policy; send's own max-age would fight them.
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      reply.header('cache-control', cacheControlFor(root, path));
    },
  });

  const sendIndex = async (reply: FastifyReply) =>
    // Read per request (it is tiny) so it always names the hashes of the files we serve.
    reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(await readFile(indexFile, 'utf8'));

  app.get('/', async (_request, reply) => sendIndex(reply));
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix))) {
      return reply.callNotFound();
    }
    return sendIndex(reply);
  });
}

function cacheControlFor(root: string, path: string): string {
  if (path.startsWith(join(root, 'assets') + '/')) return 'public, max-age=31536000, immutable';
  if (basename(path) === 'index.html') return 'no-cache';
  // Anything else at the top level (favicon, robots.txt) keeps its name across builds.
  return 'public, max-age=3600';
}
