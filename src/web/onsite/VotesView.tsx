import { useT } from '../i18n/useT.js';
import type { WorkshopItem } from './onsite-api.js';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The votes on one requirement and their spread, as text and tables (the bars only repeat the counts). */
export function VotesView({ item, levelName }: { item: WorkshopItem; levelName: (n: number) => string }) {
  const t = useT();
  const { spread } = item;
  const most = Math.max(1, ...LEVELS.map((n) => spread.perLevel[n]));
  const dash = (value: number | null) => (value === null ? '–' : String(value));
  return (
    <section aria-labelledby="votes-heading" className="onsite-votes">
      <h2 id="votes-heading">{t('onsite.votes')}</h2>
      {item.votes.length === 0 ? (
        <p>{t('onsite.noVotes')}</p>
      ) : (
        <table className="data" data-testid="votes-table">
          <caption className="visually-hidden">{t('onsite.votes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('onsite.participant')}</th>
              <th scope="col">{t('onsite.level')}</th>
              <th scope="col">{t('onsite.voteSource')}</th>
            </tr>
          </thead>
          <tbody>
            {item.votes.map((vote) => (
              <tr key={`${vote.typedIn ? 'typed' : 'own'}:${vote.userId ?? vote.participant}`}>
                <th scope="row">{vote.participant}</th>
                <td>{levelName(vote.level)}</td>
                <td>{t(vote.typedIn ? 'onsite.typedIn' : 'onsite.ownDevice')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('onsite.spread')}</h3>
      <dl className="onsite-spread" data-testid="spread">
        <div data-figure="count">
          <dt>{t('onsite.count')}</dt>
          <dd>{spread.count}</dd>
        </div>
        <div data-figure="min">
          <dt>{t('onsite.min')}</dt>
          <dd>{dash(spread.min)}</dd>
        </div>
        <div data-figure="max">
          <dt>{t('onsite.max')}</dt>
          <dd>{dash(spread.max)}</dd>
        </div>
        <div data-figure="median">
          <dt>{t('onsite.median')}</dt>
          <dd>{dash(spread.median)}</dd>
        </div>
      </dl>
      <table className="data onsite-per-level" data-testid="per-level">
        <caption>{t('onsite.perLevel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('onsite.level')}</th>
            <th scope="col">{t('onsite.votes')}</th>
          </tr>
        </thead>
        <tbody>
          {LEVELS.map((n) => (
            <tr key={n} data-level={n}>
              <th scope="row">{levelName(n)}</th>
              <td>
                <span className="onsite-count">{spread.perLevel[n]}</span>
                <span
                  className="onsite-bar"
                  aria-hidden="true"
                  style={{ width: `${(spread.perLevel[n] / most) * 12}rem` }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
