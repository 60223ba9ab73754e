import { useT } from '../i18n/useT.js';
import type { ControlView, SupportRow } from './crosswalk-api.js';
import { standingText } from './standing.js';
import { StatusBadge } from './StatusBadge.js';

function groupsOf(
  controls: readonly ControlView[],
): { group: string | undefined; controls: ControlView[] }[] {
  const groups: { group: string | undefined; controls: ControlView[] }[] = [];
  for (const control of controls) {
    const last = groups.at(-1);
    if (last && last.group === control.group) last.controls.push(control);
    else groups.push({ group: control.group, controls: [control] });
  }
  return groups;
}

function Support({ row }: { row: SupportRow }) {
  const t = useT();
  const label = row.position ? `${row.position} ${row.name ?? ''}` : row.requirement;
  const part = !row.counts
    ? t('crosswalk.doesNotCount')
    : `${t('crosswalk.counts')}, ${row.meets ? t('crosswalk.meets') : t('crosswalk.short')}`;
  return (
    <li data-requirement={row.key ?? row.requirement} data-counts={String(row.counts)}>
      <strong>{label}</strong> · {t(`crosswalk.rel.${row.relationship}`)} · {standingText(t, row)}
      {row.audit && (
        <>
          {' '}
          <span className="cw-badge">{t('crosswalk.audited', { date: row.audit.date })}</span>
        </>
      )}{' '}
      · <span className={row.counts ? '' : 'muted'}>{part}</span>
      <details className="cw-rationale">
        <summary>{t('crosswalk.rationale')}</summary>
        <p>{row.rationale}</p>
      </details>
    </li>
  );
}

/** The controls in pack order, one table per group (the article or clause they belong to). */
export function ControlsTable({ controls }: { controls: readonly ControlView[] }) {
  const t = useT();
  return (
    <>
      {groupsOf(controls).map(({ group, controls: rows }, i) => {
        const headingId = `cw-group-${i}`;
        return (
          <section key={`${group ?? ''}-${i}`} aria-labelledby={headingId}>
            <h3 id={headingId}>{group ?? t('crosswalk.ungrouped')}</h3>
            <table className="cw-controls" aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('crosswalk.col.control')}</th>
                  <th scope="col">{t('crosswalk.col.title')}</th>
                  <th scope="col">{t('crosswalk.col.status')}</th>
                  <th scope="col">{t('crosswalk.col.supports')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((control) => (
                  <tr key={control.id} data-control={control.id} data-status={control.status}>
                    <th scope="row">{control.id}</th>
                    <td>{control.title}</td>
                    <td>
                      <StatusBadge status={control.status} />
                    </td>
                    <td>
                      <ul className="cw-supports">
                        {control.supports.map((row) => (
                          <Support key={row.requirement} row={row} />
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
