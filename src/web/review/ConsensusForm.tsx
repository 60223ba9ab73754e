import { useState } from 'react';
import { useT } from '../i18n/useT.js';
import { LevelSelect } from './LevelSelect.js';

/** The assessor's agreed rating with a note; it starts at the respondents' median (rounded), else the current rating. */
export function ConsensusForm({
  requirementKey,
  suggested,
  currentLevel,
  levelName,
  busy,
  onRecord,
}: {
  requirementKey: string;
  suggested: number | null;
  currentLevel: number;
  levelName: (n: number) => string;
  busy: boolean;
  onRecord: (level: number, note: string) => void;
}) {
  const t = useT();
  const [level, setLevel] = useState(suggested === null ? currentLevel : Math.round(suggested));
  const [note, setNote] = useState('');
  const id = `consensus-${requirementKey}`;
  return (
    <form
      className="stack"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (level > 0) onRecord(level, note);
      }}
    >
      <h5 id={`${id}-heading`}>{t('review.consensus.heading')}</h5>
      <LevelSelect
        id={`${id}-level`}
        label={t('review.consensus.level')}
        value={level}
        levelName={levelName}
        onChange={setLevel}
      />
      <p className="plan-field">
        <label htmlFor={`${id}-note`}>{t('review.consensus.note')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </p>
      <p>
        <button type="submit" disabled={busy || level === 0}>
          {t('review.consensus.save')}
        </button>
      </p>
    </form>
  );
}
