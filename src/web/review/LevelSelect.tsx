import { useT } from '../i18n/useT.js';

const LEVELS = [1, 2, 3, 4, 5];

/** A labelled choice of level 1..5 ("3 Advanced"); 0 means none chosen yet. */
export function LevelSelect({
  id,
  label,
  value,
  levelName,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  levelName: (n: number) => string;
  onChange: (level: number) => void;
}) {
  const t = useT();
  return (
    <p className="plan-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={String(value)} onChange={(e) => onChange(Number(e.target.value))}>
        {value === 0 && <option value="0">{t('review.ratings.choose')}</option>}
        {LEVELS.map((n) => (
          <option key={n} value={String(n)}>
            {`${n} ${levelName(n)}`.trim()}
          </option>
        ))}
      </select>
    </p>
  );
}
