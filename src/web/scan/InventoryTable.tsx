import { useMemo, useState } from 'react';
import type { InventoryCertificate } from '../../core/scan/scan.types.js';
import { useT } from '../i18n/useT.js';
import { isoDay } from './format.js';
import {
  CERTIFICATE_STATES,
  filterChoices,
  filterInventory,
  keyLabel,
  NO_FILTER,
  type CertificateState,
  type InventoryFilter,
} from './inventory-filter.js';

/** Rendering stops here: a table of 100,000 rows would freeze the tab, and nobody reads past a few hundred. */
export const ROW_CAP = 500;

/** The scan's certificates, filterable by text, issuer, state and key type. */
export function InventoryTable({
  certificates,
  scannedAt,
}: {
  certificates: InventoryCertificate[];
  scannedAt: string;
}) {
  const t = useT();
  const [filter, setFilter] = useState<InventoryFilter>(NO_FILTER);
  const choices = useMemo(() => filterChoices(certificates), [certificates]);
  const shown = useMemo(
    () => filterInventory(certificates, filter, scannedAt),
    [certificates, filter, scannedAt],
  );
  const set = (patch: Partial<InventoryFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section aria-labelledby="scan-inventory">
      <h3 id="scan-inventory">{t('scan.inventory')}</h3>
      {certificates.length === 0 ? (
        <p>{t('scan.noCertificates')}</p>
      ) : (
        <>
          <div className="scan-filters">
            <div className="field">
              <label htmlFor="inventory-text">{t('scan.filterText')}</label>
              <input
                id="inventory-text"
                type="search"
                value={filter.text}
                onChange={(e) => set({ text: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="inventory-issuer">{t('scan.filterIssuer')}</label>
              <select
                id="inventory-issuer"
                value={filter.issuer}
                onChange={(e) => set({ issuer: e.target.value })}
              >
                <option value="">{t('scan.anyIssuer')}</option>
                {choices.issuers.map((issuer) => (
                  <option key={issuer.value} value={issuer.value}>
                    {issuer.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="inventory-state">{t('scan.filterState')}</label>
              <select
                id="inventory-state"
                value={filter.state}
                onChange={(e) => set({ state: e.target.value as CertificateState })}
              >
                {CERTIFICATE_STATES.map((state) => (
                  <option key={state} value={state}>
                    {t(`scan.state.${state}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="inventory-key">{t('scan.filterKey')}</label>
              <select
                id="inventory-key"
                value={filter.keyType}
                onChange={(e) => set({ keyType: e.target.value })}
              >
                <option value="">{t('scan.anyKey')}</option>
                {choices.keyTypes.map((key) => (
                  <option key={key} value={key}>
                    {key}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p role="status" data-testid="inventory-count">
            {t('scan.count', { shown: shown.length, total: certificates.length })}
          </p>
          {shown.length > ROW_CAP && <p>{t('scan.capped', { cap: ROW_CAP })}</p>}
          <div className="table-scroll">
            <table className="data" data-testid="inventory-table">
              <caption className="visually-hidden">{t('scan.inventoryCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scan.colSubject')}</th>
                  <th scope="col">{t('scan.colIssuer')}</th>
                  <th scope="col">{t('scan.colKey')}</th>
                  <th scope="col">{t('scan.colSignature')}</th>
                  <th scope="col">{t('scan.colNotAfter')}</th>
                  <th scope="col">{t('scan.colSources')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.slice(0, ROW_CAP).map((cert) => (
                  <tr key={cert.fingerprint} data-fingerprint={cert.fingerprint}>
                    <th scope="row" className="scan-break" title={cert.subject}>
                      {cert.subjectCommonName ?? cert.subject}
                    </th>
                    <td className="scan-break" title={cert.issuer}>
                      {cert.issuerCommonName ?? cert.issuer}
                    </td>
                    <td>{keyLabel(cert)}</td>
                    <td>{cert.signatureAlgorithm}</td>
                    <td>
                      {cert.notAfter ? <time dateTime={cert.notAfter}>{isoDay(cert.notAfter)}</time> : '–'}
                    </td>
                    <td className="scan-break">{cert.sources.map((s) => s.location).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
