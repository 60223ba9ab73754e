import fp from 'fastify-plugin';

/**
 * PLACEHOLDER until the accounts work lands: every request is anonymous. The real plugin
 * recognises the session cookie and bearer tokens and sets `request.principal`.
 */
export const authPlugin = fp(async (app) => {
  app.decorateRequest('principal', null);
});
