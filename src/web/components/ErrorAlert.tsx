import { ApiError, NetworkError } from '../api/errors.js';
import { useT } from '../i18n/useT.js';

/** An error in an alert region, with the server's issues listed. */
export function ErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return <div role="alert" className="alert-empty" />;
  const message =
    error instanceof NetworkError
      ? t('error.network')
      : error instanceof Error
        ? error.message
        : t('error.title');
  return (
    <div role="alert" className="alert">
      <p>{message}</p>
      {error instanceof ApiError && error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, i) => (
            <li key={i}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
