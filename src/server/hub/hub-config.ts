/**
 * The two sides of a benchmark hub, read from the environment: the tokens a hub accepts
 * (PKIMM_HUB_TOKENS) and the hub a normal server submits to (PKIMM_BENCHMARK_HUB_URL + _TOKEN).
 */
export interface HubClientConfig {
  /** The hub's base URL without a trailing slash, e.g. `https://hub.example`. */
  url: string;
  token: string;
}

interface Issue {
  path: string;
  message: string;
}

const MIN_TOKEN = 24;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The hub's accepted bearer tokens; each must be long enough not to be guessed. */
export function hubTokensOf(env: Record<string, string | undefined>): { tokens: string[]; issues: Issue[] } {
  const raw = env['PKIMM_HUB_TOKENS'];
  if (!raw) return { tokens: [], issues: [] };
  const tokens = raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const short = tokens.filter((t) => t.length < MIN_TOKEN).length;
  return short > 0
    ? {
        tokens: [],
        issues: [
          {
            path: 'PKIMM_HUB_TOKENS',
            message: `${short} of the comma-separated tokens are shorter than ${MIN_TOKEN} characters; use long random tokens`,
          },
        ],
      }
    : { tokens, issues: [] };
}

/**
 * The hub this server submits to, or null for the local pool. Plain HTTP is only accepted to
 * a loopback host: over a network the token and the submissions must travel encrypted.
 */
export function hubClientOf(env: Record<string, string | undefined>): {
  hub: HubClientConfig | null;
  issues: Issue[];
} {
  const url = env['PKIMM_BENCHMARK_HUB_URL'];
  const token = env['PKIMM_BENCHMARK_HUB_TOKEN'];
  if (!url && !token) return { hub: null, issues: [] };
  const issues: Issue[] = [];
  if (!url)
    issues.push({
      path: 'PKIMM_BENCHMARK_HUB_URL',
      message: 'must be set when PKIMM_BENCHMARK_HUB_TOKEN is',
    });
  if (!token || token.length < MIN_TOKEN)
    issues.push({
      path: 'PKIMM_BENCHMARK_HUB_TOKEN',
      message: `must be set to the hub's token (at least ${MIN_TOKEN} characters) when PKIMM_BENCHMARK_HUB_URL is`,
    });
  if (url) {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
      issues.push({
        path: 'PKIMM_BENCHMARK_HUB_URL',
        message: `must be an https:// URL (got ${JSON.stringify(url)})`,
      });
    else if (parsed.protocol === 'http:' && !LOOPBACK.has(parsed.hostname))
      issues.push({
        path: 'PKIMM_BENCHMARK_HUB_URL',
        message: `must use https:// (got ${JSON.stringify(url)}): the hub token and the submissions would cross the network unencrypted; plain http is only allowed to localhost or 127.0.0.1`,
      });
  }
  if (issues.length > 0 || !url || !token) return { hub: null, issues };
  return { hub: { url: url.replace(/\/+$/, ''), token }, issues: [] };
}
