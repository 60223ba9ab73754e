import { useState } from 'react';
import type { AssessmentRecord } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { AddParticipant } from './AddParticipant.js';
import { assuranceApi, type Participant } from './assurance-api.js';
import { displayName, type Person } from './people.js';

/** Who takes part in which role; owners add and remove participants while the assessment is open. */
export function ParticipantsSection(props: {
  record: AssessmentRecord;
  participants: Participant[];
  candidates: Person[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>(undefined);
  const [removed, setRemoved] = useState(false);

  async function remove(p: Participant) {
    setError(undefined);
    setRemoved(false);
    try {
      await assuranceApi.removeParticipant(props.record.id, p.userId, p.role);
      setRemoved(true);
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="participants">
      <h2 id="participants">{t('assurance.participants')}</h2>
      {props.participants.length === 0 ? (
        <p>{t('assurance.noParticipants')}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t('assurance.participantsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assurance.colName')}</th>
              <th scope="col">{t('assurance.colEmail')}</th>
              <th scope="col">{t('assurance.colRole')}</th>
              <th scope="col">{t('assurance.colExternal')}</th>
              <th scope="col">{t('assurance.colStatement')}</th>
              {props.canManage && <th scope="col">{t('assurance.colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {props.participants.map((p) => {
              const role = t(`assurance.prole.${p.role}`);
              return (
                <tr key={`${p.userId}/${p.role}`}>
                  <th scope="row">{displayName(p)}</th>
                  <td>{p.email}</td>
                  <td>{role}</td>
                  <td>{p.external ? t('assurance.yes') : t('assurance.no')}</td>
                  <td>
                    {p.statement
                      ? t('assurance.stated', { date: new Date(p.statement.statedAt).toLocaleString() })
                      : t('assurance.notStated')}
                  </td>
                  {props.canManage && (
                    <td>
                      <button type="button" onClick={() => void remove(p)}>
                        {t('assurance.remove', { name: displayName(p), role })}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorAlert error={error} />
      {removed && <p role="status">{t('assurance.removed')}</p>}
      {props.canManage && (
        <AddParticipant
          assessmentId={props.record.id}
          candidates={props.candidates}
          onAdded={props.onChanged}
        />
      )}
    </section>
  );
}
