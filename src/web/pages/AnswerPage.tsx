import { AnswerView } from '../answer/AnswerView.js';
import { useAssessmentEditor } from '../autosave/useAssessmentEditor.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';

export function AnswerPage({ assessmentId }: { assessmentId: string }) {
  const t = useT();
  const { editor, error } = useAssessmentEditor(assessmentId);
  if (error !== undefined)
    return (
      <>
        <h1 tabIndex={-1}>{t('error.title')}</h1>
        <ErrorAlert error={error} />
      </>
    );
  if (!editor) return <p>{t('app.loading')}</p>;
  return <AnswerView editor={editor} />;
}
