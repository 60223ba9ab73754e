import { useState } from 'react';
import { useT } from '../i18n/useT.js';
import {
  ASSESSMENT_TYPES,
  PROFILE_FIELDS,
  type AssessmentType,
  type CompareQuery,
  type ProfileOptions,
  type Weighting,
} from './benchmark-api.js';
import { ProfileSelect } from './ProfileSelect.js';

/** The peer group to compare with: any profile fields ("any" leaves one open), types and weighting. */
export function CompareForm({
  options,
  query,
  busy,
  onCompare,
}: {
  options: ProfileOptions;
  query: CompareQuery;
  busy: boolean;
  onCompare: (query: CompareQuery) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<CompareQuery>(query);
  const toggle = (type: AssessmentType, on: boolean) =>
    setDraft({
      ...draft,
      types: on
        ? ASSESSMENT_TYPES.filter((x) => x === type || draft.types.includes(x))
        : draft.types.filter((x) => x !== type),
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onCompare(draft);
      }}
    >
      <fieldset className="benchmark-fields">
        <legend>{t('benchmark.peerGroup')}</legend>
        {PROFILE_FIELDS.map((field) => (
          <ProfileSelect
            key={field}
            field={field}
            options={options}
            value={draft.filters[field] ?? ''}
            empty="any"
            idPrefix="compare"
            onChange={(value) => {
              const filters = { ...draft.filters };
              if (value) filters[field] = value;
              else delete filters[field];
              setDraft({ ...draft, filters });
            }}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('benchmark.types')}</legend>
        {ASSESSMENT_TYPES.map((type) => (
          <label key={type} className="benchmark-choice">
            <input
              type="checkbox"
              checked={draft.types.includes(type)}
              onChange={(event) => toggle(type, event.target.checked)}
            />{' '}
            {t(`benchmark.type.${type}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('benchmark.weighting')}</legend>
        {(['none', 'trust'] as Weighting[]).map((weighting) => (
          <label key={weighting} className="benchmark-choice">
            <input
              type="radio"
              name="benchmark-weighting"
              checked={draft.weighting === weighting}
              onChange={() => setDraft({ ...draft, weighting })}
            />{' '}
            {t(`benchmark.weighting.${weighting}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || draft.types.length === 0}>
        {t('benchmark.run')}
      </button>
    </form>
  );
}
