import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { scanApi, type ScanDetail } from './api.js';
import { useDateTime } from './format.js';
import { InventoryTable } from './InventoryTable.js';
import { ScanCharts } from './ScanCharts.js';
import {
  EndpointsSection,
  FindingsSection,
  InputsSection,
  PrivateKeyWarning,
  SkippedSection,
} from './ScanFacts.js';
import { SummaryFigures } from './SummaryFigures.js';

/** One scan: its figures, findings, skipped items, inputs, inventory, charts and TLS endpoints. */
export function ScanDetailView({
  assessmentId,
  scanId,
  initial,
  nameOf,
}: {
  assessmentId: string;
  scanId: string;
  initial: ScanDetail | null;
  nameOf: (userId: string) => string;
}) {
  const t = useT();
  const loaded = useAsync(
    async () => initial ?? (await scanApi.scan(assessmentId, scanId)).scan,
    [assessmentId, scanId, initial],
  );
  if (loaded.error !== undefined) return <ErrorAlert error={loaded.error} />;
  if (!loaded.data) return <p>{t('app.loading')}</p>;
  return <ScanDetailBody scan={loaded.data} nameOf={nameOf} />;
}

function ScanDetailBody({ scan, nameOf }: { scan: ScanDetail; nameOf: (userId: string) => string }) {
  const t = useT();
  const when = useDateTime();
  const privateKeys = Math.max(
    scan.indicators.privateKeysFound,
    scan.findings.filter((f) => f.kind === 'private-key').length,
  );
  return (
    <section aria-labelledby="scan-detail" data-testid="scan-detail" data-scan={scan.id}>
      <h2 id="scan-detail">{t('scan.detail', { date: when(scan.createdAt) })}</h2>
      <p className="muted">{t('scan.by', { name: nameOf(scan.createdBy), at: when(scan.scannedAt) })}</p>
      <PrivateKeyWarning count={privateKeys} />
      <SummaryFigures summary={scan.summary} />
      <FindingsSection findings={scan.findings} />
      <SkippedSection skipped={scan.skipped} />
      <InventoryTable certificates={scan.certificates} scannedAt={scan.scannedAt} />
      <ScanCharts indicators={scan.indicators} />
      <EndpointsSection endpoints={scan.endpoints} />
      <InputsSection inputs={scan.inputs} />
    </section>
  );
}
