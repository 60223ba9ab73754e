import type { Model } from '../../core/model/model.types.js';
import type { AssessmentRecord } from '../api/types.js';
import { useT } from '../i18n/useT.js';
import type { Approvals } from './assurance-api.js';
import { DecisionForm } from './DecisionForm.js';

/**
 * The named approvers with their latest decision on the current version, the whole history,
 * and for a named approver the form to decide. A decision counts for one version only.
 */
export function ApprovalsSection(props: {
  record: AssessmentRecord;
  model: Model;
  approvals: Approvals;
  userId: string;
  nameOf: (userId: string) => string;
  onDecided: () => void;
}) {
  const t = useT();
  const { approvals, nameOf, record } = props;
  const { version } = approvals;
  // The history is oldest first, so the last decision found on this version is the one that counts.
  const latest = new Map<string, 'approve' | 'reject'>();
  for (const a of approvals.approvals) if (a.version === version) latest.set(a.userId, a.decision);
  const named = approvals.approvers.includes(props.userId);
  const open = approvals.signOff === null;

  return (
    <section aria-labelledby="approvals">
      <h2 id="approvals">{t('assurance.approvals')}</h2>
      <p>{t('assurance.version', { version })}</p>
      {approvals.approvers.length > 0 && (
        <table className="data">
          <caption>{t('assurance.namedCaption', { version })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assurance.colApprover')}</th>
              <th scope="col">{t('assurance.colDecisionNow')}</th>
            </tr>
          </thead>
          <tbody>
            {approvals.approvers.map((id) => {
              const decision = latest.get(id);
              return (
                <tr key={id}>
                  <th scope="row">{nameOf(id)}</th>
                  <td>{decision ? t(`assurance.decision.${decision}`) : t('assurance.pending')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {open && approvals.approvers.length > 0 && (
        <p data-testid="pending-approvers">
          {approvals.pending.length > 0
            ? t('assurance.stillPending', { names: approvals.pending.map(nameOf).join(', ') })
            : t('assurance.nonePending')}
        </p>
      )}
      {named && open && record.status === 'draft' && <p>{t('assurance.draftNoDecision')}</p>}
      {named && open && record.status !== 'draft' && (
        <DecisionForm
          assessmentId={record.id}
          model={props.model}
          version={version}
          onDecided={props.onDecided}
        />
      )}
      <h3>{t('assurance.history')}</h3>
      {approvals.approvals.length === 0 ? (
        <p>{t('assurance.noDecisions')}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t('assurance.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assurance.colWho')}</th>
              <th scope="col">{t('assurance.colVersion')}</th>
              <th scope="col">{t('assurance.colDecision')}</th>
              <th scope="col">{t('assurance.colComment')}</th>
              <th scope="col">{t('assurance.colWhen')}</th>
            </tr>
          </thead>
          <tbody>
            {approvals.approvals.map((a) => (
              <tr key={a.id}>
                <th scope="row">{nameOf(a.userId)}</th>
                <td>{a.version}</td>
                <td>{t(`assurance.decision.${a.decision}`)}</td>
                <td className="assurance-text">{a.comment}</td>
                <td>{new Date(a.at).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
