import { useT } from '../i18n/useT.js';

/** Flattens the payload into dotted paths, so nested category levels read as one row each. */
function rows(value: unknown, path: string): [string, string][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      rows(inner, path ? `${path}.${key}` : key),
    );
  return [[path, typeof value === 'string' ? value : JSON.stringify(value)]];
}

/** The exact payload of a submission: a table to read and the raw JSON as sent. */
export function PayloadView({ payload }: { payload: Record<string, unknown> }) {
  const t = useT();
  return (
    <section aria-labelledby="benchmark-payload" data-testid="payload">
      <h3 id="benchmark-payload">{t('benchmark.payload')}</h3>
      <table className="data">
        <caption>{t('benchmark.payloadCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('benchmark.colField')}</th>
            <th scope="col">{t('benchmark.colValue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows(payload, '').map(([key, value]) => (
            <tr key={key}>
              <th scope="row">
                <code>{key}</code>
              </th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 id="benchmark-raw-json">{t('benchmark.rawJson')}</h4>
      <pre
        className="benchmark-payload"
        data-testid="payload-json"
        // Scrollable, so keyboard users need to reach it.
        tabIndex={0}
        role="region"
        aria-labelledby="benchmark-raw-json"
      >
        {JSON.stringify(payload, null, 2)}
      </pre>
    </section>
  );
}
