import { downloads } from '../api/endpoints.js';
import type { AssessmentRecord } from '../api/types.js';
import { useT } from '../i18n/useT.js';
import type { MessageKey } from '../i18n/en.js';

const REPORTS = ['self', 'assessment', 'detailed', 'attestation'] as const;
const EXPORTS = ['json', 'yaml', 'official', 'xlsx', 'csv', 'oscal'] as const;

/** The four reports (HTML to read, PDF to send, in the UI's language) and every export format. */
export function Downloads({ record }: { record: AssessmentRecord }) {
  const assessmentId = record.id;
  const t = useT();
  const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
  return (
    <>
      <table className="data">
        <caption>{t('exchange.reports')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.report')}</th>
            <th scope="col">{t('exchange.readsIt')}</th>
            <th scope="col">{t('exchange.open')}</th>
          </tr>
        </thead>
        <tbody>
          {REPORTS.map((type) => {
            const name = t(`exchange.report.${type}` as MessageKey);
            return (
              <tr key={type}>
                <th scope="row">{name}</th>
                <td>{t(`exchange.audience.${type}` as MessageKey)}</td>
                <td>
                  <a
                    href={downloads.report(assessmentId, type, 'html', lang)}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {t('exchange.html', { name })}
                  </a>{' '}
                  <a href={downloads.report(assessmentId, type, 'pdf', lang)} download>
                    {t('exchange.pdf', { name })}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('exchange.exports')}</h3>
      <ul className="inline-list">
        {EXPORTS.map((format) => (
          <li key={format}>
            <a href={downloads.export(assessmentId, format)} download>
              {t(`exchange.format.${format}` as MessageKey)}
            </a>
          </li>
        ))}
        <li>
          <a href={downloads.eramba(record.model.id, record.model.version)} download>
            {t('exchange.eramba')}
          </a>
        </li>
      </ul>
    </>
  );
}
