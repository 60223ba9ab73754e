import cliProgress from 'cli-progress';
import type { ScanProgress } from '../../scanner/run-scan.js';

/**
 * A progress bar on a terminal while a scan runs: inputs read out of those counted up front,
 * with the running certificate and skip counts. Without a known total it shows the counts only.
 */
export function scanProgressBar(stream: NodeJS.WritableStream): {
  update: (progress: ScanProgress) => void;
  stop: () => void;
} {
  let bar: cliProgress.SingleBar | undefined;
  let last: ScanProgress | undefined;
  const payload = (p: ScanProgress) => ({
    source: p.source,
    certificates: p.certificates,
    skipped: p.skipped,
  });
  return {
    update(progress) {
      last = progress;
      if (!bar) {
        const known = progress.totalInputs !== undefined;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: known
              ? 'Scanning [{bar}] {value}/{total} inputs | {certificates} certificates, {skipped} skipped | {source}'
              : 'Scanning {certificates} certificates, {skipped} skipped | {source}',
            fps: 10,
            hideCursor: true,
            barsize: 24,
          },
          cliProgress.Presets.legacy,
        );
        bar.start(progress.totalInputs ?? 0, progress.inputs, payload(progress));
      }
      bar.update(progress.inputs, payload(progress));
    },
    stop() {
      if (!bar || !last) return;
      if (last.totalInputs !== undefined) bar.update(last.totalInputs, payload(last));
      bar.stop();
    },
  };
}
