import type { ScanSummary } from '../../core/scan/scan.types.js';
import { useT } from '../i18n/useT.js';

/** The summary's eight figures, in the order of the CLI contract. */
export const FIGURES = [
  'certificates',
  'unique',
  'expired',
  'expiringWithin30Days',
  'weakKeys',
  'sha1Signatures',
  'issuers',
  'skipped',
] as const satisfies readonly (keyof ScanSummary)[];

export function SummaryFigures({ summary }: { summary: ScanSummary }) {
  const t = useT();
  return (
    <section aria-labelledby="scan-summary">
      <h3 id="scan-summary">{t('scan.summary')}</h3>
      <dl className="scan-figures" data-testid="scan-summary">
        {FIGURES.map((figure) => (
          <div key={figure} data-figure={figure}>
            <dt>{t(`scan.fig.${figure}`)}</dt>
            <dd>{summary[figure]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
