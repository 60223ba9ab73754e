import { useT } from '../i18n/useT.js';
import type { ScanListItem } from './api.js';
import { useDateTime } from './format.js';

const SHOWN_INPUTS = 3;

/** The first few input names; a scan of a whole directory would otherwise fill the row. */
function inputNames(scan: ScanListItem): string {
  const names = scan.inputs.map((input) => input.name);
  const head = names.slice(0, SHOWN_INPUTS).join(', ');
  return names.length > SHOWN_INPUTS ? `${head} +${names.length - SHOWN_INPUTS}` : head;
}

/** The scans of the assessment, newest first (the server's order); choosing one shows it below. */
export function ScanList({
  scans,
  selected,
  onSelect,
}: {
  scans: ScanListItem[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const when = useDateTime();
  if (scans.length === 0) return <p>{t('scan.noScans')}</p>;
  return (
    <div className="table-scroll">
      <table className="data" data-testid="scan-list">
        <caption className="visually-hidden">{t('scan.scansCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scan.colDate')}</th>
            <th scope="col">{t('scan.colInputs')}</th>
            <th scope="col">{t('scan.colCertificates')}</th>
            <th scope="col">{t('scan.colUnique')}</th>
            <th scope="col">{t('scan.colSkipped')}</th>
          </tr>
        </thead>
        <tbody>
          {scans.map((scan) => (
            <tr
              key={scan.id}
              data-scan={scan.id}
              className={scan.id === selected ? 'scan-selected' : undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  className="scan-link-button"
                  aria-pressed={scan.id === selected}
                  onClick={() => onSelect(scan.id)}
                >
                  {when(scan.createdAt)}
                </button>
              </th>
              <td>{inputNames(scan)}</td>
              <td>{scan.summary.certificates}</td>
              <td>{scan.summary.unique}</td>
              <td>{scan.summary.skipped}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
