import { useT } from '../i18n/useT.js';
import type { AsyncState } from './useAsync.js';
import { ErrorAlert } from './ErrorAlert.js';

/** What a page shows before its data is there: the load's error under a page heading, else "Loading…". */
export function NotLoaded({ state }: { state: Pick<AsyncState<unknown>, 'error'> }) {
  const t = useT();
  if (state.error)
    return (
      <>
        <h1 tabIndex={-1}>{t('error.title')}</h1>
        <ErrorAlert error={state.error} />
      </>
    );
  return <p>{t('app.loading')}</p>;
}
