import { useT } from '../i18n/useT.js';
import type { WorkshopItem } from './onsite-api.js';

/** Every requirement the workshop has discussed, with its votes and the agreement, in the order they came up. */
export function ItemsDiscussed({
  items,
  levelName,
}: {
  items: WorkshopItem[];
  levelName: (n: number) => string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading">{t('onsite.discussed')}</h2>
      {items.length === 0 ? (
        <p>{t('onsite.nothingDiscussed')}</p>
      ) : (
        <table className="data" data-testid="items-table">
          <caption className="visually-hidden">{t('onsite.discussed')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('onsite.requirement')}</th>
              <th scope="col">{t('onsite.votes')}</th>
              <th scope="col">{t('onsite.agreedLevel')}</th>
              <th scope="col">{t('onsite.discussionNotes')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key} data-requirement={item.key}>
                <th scope="row">
                  {item.position} {item.name}
                </th>
                <td>{item.spread.count}</td>
                <td>{item.agreed ? levelName(item.agreed.level) : t('onsite.notAgreed')}</td>
                <td className="prewrap">{item.agreed?.notes || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
