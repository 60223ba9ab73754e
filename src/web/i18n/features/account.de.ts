import type { accountEn } from './account.en.js';

/** German strings of the account page; merged into de.ts. */
export const accountDe: Record<keyof typeof accountEn, string> = {
  'account.link': 'Ihr Konto',
  'account.title': 'Ihr Konto',
  'account.password': 'Passwort ändern',
  'account.passwordIntro':
    'Mit dem neuen Passwort enden alle anderen Sitzungen; diese läuft mit einem neuen Token weiter.',
  'account.current': 'Aktuelles Passwort',
  'account.new': 'Neues Passwort (mindestens 12 Zeichen)',
  'account.repeat': 'Neues Passwort wiederholen',
  'account.mismatch': 'Die beiden neuen Passwörter stimmen nicht überein.',
  'account.change': 'Passwort ändern',
  'account.changed': 'Ihr Passwort wurde geändert. {{count}} andere Sitzungen wurden beendet.',
  'account.sessions': 'Ihre Sitzungen',
  'account.sessionsIntro':
    'Jeder Browser, in dem Sie angemeldet sind. Eine Sitzung endet nach 30 Minuten ohne Nutzung und 12 Stunden nach der Anmeldung, sofern der Server nichts anderes vorgibt.',
  'account.session': 'Sitzung',
  'account.started': 'Angemeldet',
  'account.lastSeen': 'Zuletzt genutzt',
  'account.expires': 'Endet',
  'account.thisOne': 'dieser Browser',
  'account.end': 'Beenden',
  'account.endOne': 'Sitzung {{id}} beenden',
  'account.endOthers': 'Alle anderen Sitzungen beenden',
  'account.confirmPassword': 'Ihr Passwort zur Bestätigung',
  'account.ended': '{{count}} Sitzungen beendet.',
  'account.none': 'Keine anderen Sitzungen.',
};
