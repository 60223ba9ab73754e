import Fastify, { type FastifyInstance } from 'fastify';

/** The floor: a plain Fastify instance with one route and no plugins, hooks or logging. */
export async function startBare(): Promise<{ app: FastifyInstance; origin: string }> {
  const app = Fastify({ logger: false });
  app.get('/bare', () => ({ ok: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the bare server has no TCP address');
  return { app, origin: `http://127.0.0.1:${address.port}` };
}
