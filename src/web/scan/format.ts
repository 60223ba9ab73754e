import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Date and time in the UI's language; an unreadable instant is shown as it came. */
export function useDateTime(): (iso: string | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (iso) => {
      if (!iso) return '–';
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
    },
    [language],
  );
}

/** The UTC day of an instant as YYYY-MM-DD: unambiguous in both languages and sortable. */
export function isoDay(iso: string | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/**
 * The CN of an RFC 4514 name (`CN=Issuing CA,O=Example` → `Issuing CA`), for short chart
 * labels; the whole name when it has none. Backslash escapes are undone.
 */
export function commonNameOf(dn: string): string {
  const match = /(?:^|,)\s*CN=((?:\\.|[^,\\])*)/i.exec(dn);
  return match?.[1] ? match[1].replace(/\\(.)/g, '$1') : dn;
}
