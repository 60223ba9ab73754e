import type { Applicability } from '../../core/assessment/assessment.types.js';
import { useT } from '../i18n/useT.js';

export interface Decision {
  target: 'module' | 'category' | 'requirement';
  value: Applicability;
  reason: string;
}

const VALUES: Applicability[] = ['applicable', 'partial', 'not-applicable'];

/** One line of the applicability matrix: a select and, when not applicable, a required reason. */
export function ApplicabilityRow({
  id,
  name,
  decision,
  onChange,
}: {
  id: string;
  name: string;
  decision: Decision;
  onChange: (decision: Decision) => void;
}) {
  const t = useT();
  const needsReason = decision.value !== 'applicable';
  return (
    <div className="matrix-row">
      <span id={`${id}-name`}>{name}</span>
      <select
        aria-label={t('wizard.applicabilityOf', { name })}
        value={decision.value}
        onChange={(e) => onChange({ ...decision, value: e.target.value as Applicability })}
      >
        {VALUES.map((v) => (
          <option key={v} value={v}>
            {t(`applicability.${v}`)}
          </option>
        ))}
      </select>
      {needsReason ? (
        <input
          aria-label={t('wizard.reasonOf', { name })}
          required
          value={decision.reason}
          onChange={(e) => onChange({ ...decision, reason: e.target.value })}
        />
      ) : (
        <span />
      )}
    </div>
  );
}
