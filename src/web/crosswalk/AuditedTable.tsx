import { useT } from '../i18n/useT.js';
import type { AuditedView } from './crosswalk-api.js';
import { OutsideLink } from './ReportLink.js';

/** The requirements of this pack that an existing audit answers. */
export function AuditedTable({ audited }: { audited: readonly AuditedView[] }) {
  const t = useT();
  if (audited.length === 0) return <p>{t('crosswalk.noAudited')}</p>;
  return (
    <table data-testid="crosswalk-audited">
      <thead>
        <tr>
          <th scope="col">{t('crosswalk.col.requirement')}</th>
          <th scope="col">{t('crosswalk.col.audit')}</th>
          <th scope="col">{t('crosswalk.col.date')}</th>
          <th scope="col">{t('crosswalk.col.report')}</th>
          <th scope="col">{t('crosswalk.col.note')}</th>
        </tr>
      </thead>
      <tbody>
        {audited.map((entry) => {
          const item = `${entry.position} ${entry.name}`;
          return (
            <tr key={entry.requirement} data-requirement={entry.requirement}>
              <th scope="row">{item}</th>
              <td className="prewrap">{entry.audit}</td>
              <td>{entry.date}</td>
              <td>
                <OutsideLink href={entry.reportUrl}>{t('crosswalk.report', { item })}</OutsideLink>
              </td>
              <td className="prewrap">{entry.note ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
