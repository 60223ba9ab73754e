import type { AttestedLevel } from '../../core/attestation/payload.js';
import type { VerificationResult } from '../../core/attestation/verification.js';

/** The verification page allows inline styles and nothing else: no scripts, images, frames or forms. */
export const VERIFY_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.valid{background:#e6f4ea;border:1px solid #1e7e34;padding:1rem}.invalid{background:#fdecea;border:1px solid #b00020;padding:1rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;border-bottom:1px solid #ddd;padding:.3rem .5rem}
code{word-break:break-all}`;

/** Every value that reaches the page goes through here: the payload is data from whoever sent it. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

const level = (value: AttestedLevel) =>
  value.level === null ? 'not assessed' : `${value.level} ${value.name ?? ''} (raw ${value.raw ?? ''})`;

function row(label: string, value: unknown): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

/** The public page of one attestation: the verdict with every reason, then what it attests. */
export function renderVerifyPage(id: string, result: VerificationResult): string {
  const verdict = result.valid
    ? `<div class="valid" role="status"><strong>Valid.</strong> The signature, the certificate chain up to this server's trust anchor and the validity dates all check out (checked ${escapeHtml(result.checkedAt)}).</div>`
    : `<div class="invalid" role="alert"><strong>Invalid.</strong> This attestation must not be relied on:<ul>${result.reasons
        .map((reason) => `<li><code>${escapeHtml(reason.code)}</code> ${escapeHtml(reason.message)}</li>`)
        .join('')}</ul></div>`;
  const payload = result.payload;
  const details = payload
    ? `<h2>What it attests${result.valid ? '' : ' (unverified)'}</h2><table>${[
        row('Assessment', payload.assessment.name),
        row('Organisation', payload.assessment.organisation ?? ''),
        row('Type', `${payload.assessment.type} (trust ${payload.assessment.trustLevel})`),
        row(
          'Assessor',
          [payload.assessment.assessor?.name, payload.assessment.assessor?.company]
            .filter(Boolean)
            .join(', '),
        ),
        row('Date', payload.assessment.date),
        row('Model', `${payload.assessment.modelId} ${payload.assessment.modelVersion}`),
        row('Overall level', level(payload.levels.overall)),
        ...payload.levels.modules.map((m) => row(`Module ${m.id}`, level(m))),
        ...(payload.signOff
          ? [
              row('Signed off', `${payload.signOff.at} (version ${payload.signOff.version})`),
              row('Rated by', payload.signOff.assessors.map((p) => p.name || p.id).join(', ')),
              row('Approved by', payload.signOff.approvers.map((p) => p.name || p.id).join(', ')),
            ]
          : []),
        row('Issued', payload.issuedAt),
        row('Issuer', payload.issuer),
      ].join('')}</table>`
    : '';
  const technical = `<h2>Technical details</h2><table>${[
    row('Attestation id', id),
    row('Digest', result.digest ?? ''),
    row('Algorithm', result.alg ?? ''),
    row('Signing certificate', result.signer?.subject ?? ''),
    row('Certificate issuer', result.signer?.issuer ?? ''),
    row('Certificate valid', result.signer ? `${result.signer.notBefore} to ${result.signer.notAfter}` : ''),
    row('Certificate SHA-256', result.signer?.fingerprint ?? ''),
  ].join('')}</table>`;
  return page(
    `Attestation ${id}: ${result.valid ? 'valid' : 'invalid'}`,
    `<h1>PKI maturity attestation</h1>${verdict}${details}${technical}`,
  );
}

export function renderNotFoundPage(id: string): string {
  return page(
    'Attestation not found',
    `<h1>Attestation not found</h1><p>No attestation with the id <code>${escapeHtml(id)}</code> was issued by this server.</p>`,
  );
}
