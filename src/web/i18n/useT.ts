import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from './en.js';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A typed `t`: only keys of the English bundle compile. Stable until the language changes. */
export function useT(): Translate {
  const { t } = useTranslation();
  return useCallback<Translate>((key, values) => t(key, values ?? {}), [t]);
}
