/** English strings of the account page (password and sessions); merged into en.ts. Keys start with 'account.'. */
export const accountEn = {
  'account.link': 'Your account',
  'account.title': 'Your account',
  'account.password': 'Change your password',
  'account.passwordIntro':
    'Every other session of yours ends when the password changes; this one continues with a new token.',
  'account.current': 'Current password',
  'account.new': 'New password (at least 12 characters)',
  'account.repeat': 'New password again',
  'account.mismatch': 'The two new passwords differ.',
  'account.change': 'Change password',
  'account.changed': 'Your password was changed. {{count}} other sessions ended.',
  'account.sessions': 'Your sessions',
  'account.sessionsIntro':
    'Each browser you signed in with. A session ends after 30 minutes without use and 12 hours after sign-in, unless the server is set otherwise.',
  'account.session': 'Session',
  'account.started': 'Signed in',
  'account.lastSeen': 'Last used',
  'account.expires': 'Ends',
  'account.thisOne': 'this browser',
  'account.end': 'End',
  'account.endOne': 'End session {{id}}',
  'account.endOthers': 'End all other sessions',
  'account.confirmPassword': 'Your password, to confirm',
  'account.ended': '{{count}} sessions ended.',
  'account.none': 'No other sessions.',
} as const;
