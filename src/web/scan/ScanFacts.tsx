/** The plain tables of a scan: findings, skipped items, inputs and TLS endpoints. Every value is React text. */
import type { ReactNode } from 'react';
import type { Finding, ScanInputDigest, SkippedItem, TlsEndpoint } from '../../core/scan/scan.types.js';
import { useT } from '../i18n/useT.js';

export function PrivateKeyWarning({ count }: { count: number }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <div className="scan-warning" data-testid="private-key-warning">
      <p>
        <strong>{t('scan.privateKeys', { count })}</strong>
      </p>
      <p>{t('scan.privateKeysBody')}</p>
    </div>
  );
}

interface Row {
  cells: ReactNode[];
  /** The first cell names the row (a `th`). */
  named?: boolean;
  kind?: string;
}

/** One titled section with a data table, or a sentence when there is nothing to list. */
function FactsSection(props: {
  id: string;
  title: string;
  caption: string;
  empty: string | null;
  columns: string[];
  rows: Row[];
  /** Columns whose long values may wrap anywhere (paths, locations). */
  breakable?: number[];
}) {
  const { id, title, caption, empty, columns, rows, breakable = [] } = props;
  if (rows.length === 0 && empty === null) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid={id}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i} data-kind={row.kind}>
                  {row.cells.map((cell, c) => {
                    const className = breakable.includes(c) ? 'scan-break' : undefined;
                    return c === 0 && row.named ? (
                      <th key={c} scope="row" className={className}>
                        {cell}
                      </th>
                    ) : (
                      <td key={c} className={className}>
                        {cell}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function FindingsSection({ findings }: { findings: Finding[] }) {
  const t = useT();
  return (
    <FactsSection
      id="scan-findings"
      title={t('scan.findings')}
      caption={t('scan.findings')}
      empty={t('scan.noFindings')}
      columns={[t('scan.colKind'), t('scan.colLocation'), t('scan.colMessage')]}
      breakable={[1]}
      rows={findings.map((f) => ({
        kind: f.kind,
        cells: [t(`scan.finding.${f.kind}`), f.location, f.message],
      }))}
    />
  );
}

export function SkippedSection({ skipped }: { skipped: SkippedItem[] }) {
  const t = useT();
  return (
    <FactsSection
      id="scan-skipped"
      title={t('scan.skipped')}
      caption={t('scan.skipped')}
      empty={t('scan.noSkipped')}
      columns={[t('scan.colLocation'), t('scan.colReason')]}
      breakable={[0]}
      rows={skipped.map((item) => ({ cells: [item.location, item.reason] }))}
    />
  );
}

export function InputsSection({ inputs }: { inputs: ScanInputDigest[] }) {
  const t = useT();
  return (
    <FactsSection
      id="scan-inputs"
      title={t('scan.inputs')}
      caption={t('scan.inputsCaption')}
      empty={null}
      columns={[t('scan.colName'), t('scan.colSource'), t('scan.colSize'), t('scan.colSha256')]}
      breakable={[0]}
      rows={inputs.map((input) => ({
        cells: [
          input.name,
          t(`scan.source.${input.kind}`),
          input.size,
          <code className="digest">{input.sha256}</code>,
        ],
      }))}
    />
  );
}

export function EndpointsSection({ endpoints }: { endpoints: TlsEndpoint[] }) {
  const t = useT();
  const trusted = (e: TlsEndpoint) =>
    e.authorized
      ? t('scan.yes')
      : e.authorizationError
        ? t('scan.untrusted', { reason: e.authorizationError })
        : t('scan.no');
  return (
    <FactsSection
      id="scan-endpoints"
      title={t('scan.endpoints')}
      caption={t('scan.endpointsCaption')}
      empty={t('scan.noEndpoints')}
      columns={[t('scan.colTarget'), t('scan.colProtocol'), t('scan.colCipher'), t('scan.colTrusted')]}
      rows={endpoints.map((e) => ({
        named: true,
        cells: [e.target, e.protocol ?? '–', e.cipher ?? '–', trusted(e)],
      }))}
    />
  );
}
