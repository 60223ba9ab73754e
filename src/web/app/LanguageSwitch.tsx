import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/setup.js';
import { useT } from '../i18n/useT.js';

const NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

export function LanguageSwitch() {
  const t = useT();
  const { i18n } = useTranslation();
  return (
    <label className="inline-field">
      {t('header.language')}
      <select
        value={i18n.language === 'de' ? 'de' : 'en'}
        onChange={(e) => setLanguage(e.target.value === 'de' ? 'de' : 'en')}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
