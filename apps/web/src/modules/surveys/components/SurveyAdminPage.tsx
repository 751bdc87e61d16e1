import { useMutation, useQuery } from '@apollo/client/react';
import { SurveyLimits } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY } from '../../components/graphql/components';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import {
  CREATE_SURVEY_MUTATION,
  SURVEY_STATE_QUERY,
  UPDATE_SURVEY_MUTATION,
  type SurveyState,
} from '../graphql/surveys';
import { SurveyBuilder } from './SurveyBuilder';
import { SurveyResultsView } from './SurveyResultsView';

/** `datetime-local` value of an ISO instant, in the browser's time zone. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** `/admin/enquetes/:componentId`: "Modifier le questionnaire" — settings, questions, results and exports of an Enquête. */
export function SurveyAdminPage() {
  const { componentId = '' } = useParams();
  const { t } = useTranslation();
  const { me, loading: meLoading } = useMe();
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId }, skip: !me });
  const { data, error, refetch } = useQuery(SURVEY_STATE_QUERY, {
    variables: { componentId },
    skip: !me,
  });
  const survey = data?.survey;
  useDocumentTitle(t('surveys.builder.title'));
  if (meLoading) return <Loading page />;
  if (!me) return <AccessDenied signedIn={false} />;
  const notFound = error && parseApiError(error).code === 'NOT_FOUND';
  if (error && !survey && !notFound)
    return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (survey && !survey.viewerCanAdminister) return <AccessDenied signedIn />;
  if (!survey && !notFound) return <Loading page />;
  return (
    <article className="page" aria-labelledby="page-title">
      <p>
        <Link to="/admin">{t('admin.backToAdmin')}</Link>
      </p>
      <header className="page__header">
        <h1 id="page-title">{t('surveys.builder.title')}</h1>
        {component.data ? <p className="lead">{component.data.component.title}</p> : null}
      </header>
      {survey ? (
        <>
          <SurveySettingsForm survey={survey} />
          <SurveyBuilder survey={survey} />
          <SurveyResultsView surveyId={survey.id} questions={survey.questions} />
        </>
      ) : (
        <CreateSurveyForm componentId={componentId} onCreated={() => void refetch()} />
      )}
    </article>
  );
}

/** The title check of both survey forms ({@link SurveyLimits}). */
const titleLimits = { min: SurveyLimits.titleMinLength, max: SurveyLimits.titleMaxLength };

/** A new survey's title, checked before sending; a problem or refusal on the field, focus on the summary. */
export function CreateSurveyForm({
  componentId,
  onCreated,
}: {
  componentId: string;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const fields = { title: { id: 'create-survey-name', label: t('surveys.builder.surveyTitle') } };
  const [create, { loading }] = useMutation(CREATE_SURVEY_MUTATION);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(textProblem(t, fields.title, title, titleLimits));
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await create({ variables: { input: { componentId, title: title.trim() } } });
      onCreated();
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  };
  return (
    <form onSubmit={submit} className="panel" noValidate aria-labelledby="create-survey-title">
      <h2 id="create-survey-title">{t('surveys.builder.create')}</h2>
      <ErrorSummary state={summary} />
      <TextField
        {...summary.fieldProps(fields.title)}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={SurveyLimits.titleMaxLength}
      />
      <FeedbackMessages feedback={feedback} />
      <button type="submit" className="button button--primary" disabled={loading}>
        {t('surveys.builder.create')}
      </button>
    </form>
  );
}

/**
 * A survey's settings, checked with {@link SurveyLimits} (and the closing after the opening) before
 * sending; each problem, and each field the API refuses, on its field with focus on the summary.
 */
export function SurveySettingsForm({ survey }: { survey: SurveyState }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(survey.title);
  const [description, setDescription] = useState(survey.description);
  const [opensAt, setOpensAt] = useState(toLocalInput(survey.opensAt));
  const [closesAt, setClosesAt] = useState(toLocalInput(survey.closesAt));
  const [allowAnonymous, setAllowAnonymous] = useState(survey.allowAnonymous);
  const [terms, setTerms] = useState(survey.terms);
  const feedback = useFeedback();
  const summary = useErrorSummary();
  /** The form's fields, by the API's input key. */
  const fields = {
    title: { id: 'survey-title', label: t('surveys.builder.surveyTitle') },
    description: { id: 'survey-description', label: t('surveys.builder.description') },
    opensAt: { id: 'survey-opens', label: t('surveys.builder.opensAt') },
    closesAt: { id: 'survey-closes', label: t('surveys.builder.closesAt') },
    terms: { id: 'survey-terms-text', label: t('surveys.builder.terms') },
  };
  const [update, { loading }] = useMutation(UPDATE_SURVEY_MUTATION);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.title, title, titleLimits),
      textProblem(t, fields.description, description, {
        max: SurveyLimits.descriptionMaxLength,
      }),
      opensAt !== '' &&
        closesAt !== '' &&
        new Date(closesAt).getTime() <= new Date(opensAt).getTime() && {
          fieldId: fields.closesAt.id,
          message: t('surveys.builder.closesBeforeOpens', { label: fields.closesAt.label }),
        },
      textProblem(t, fields.terms, terms, { max: SurveyLimits.termsMaxLength }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await update({
        variables: {
          surveyId: survey.id,
          input: {
            title: title.trim(),
            description,
            allowAnonymous,
            terms,
            opensAt: opensAt ? new Date(opensAt).toISOString() : null,
            closesAt: closesAt ? new Date(closesAt).toISOString() : null,
          },
        },
      });
      feedback.succeed(t('surveys.builder.saved'));
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  };
  return (
    <form onSubmit={submit} className="panel" noValidate aria-labelledby="survey-settings-title">
      <h2 id="survey-settings-title">{t('surveys.builder.settings')}</h2>
      <p>{t(survey.open ? 'surveys.open' : 'surveys.closed')}</p>
      <ErrorSummary state={summary} />
      <TextField
        {...summary.fieldProps(fields.title)}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={SurveyLimits.titleMaxLength}
      />
      <TextAreaField
        {...summary.fieldProps(fields.description)}
        rows={4}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextField
        {...summary.fieldProps(fields.opensAt)}
        type="datetime-local"
        value={opensAt}
        onChange={(e) => setOpensAt(e.target.value)}
      />
      <TextField
        {...summary.fieldProps(fields.closesAt)}
        type="datetime-local"
        value={closesAt}
        onChange={(e) => setClosesAt(e.target.value)}
      />
      <div className="field field--checkbox">
        <input
          id="survey-anonymous"
          type="checkbox"
          checked={allowAnonymous}
          onChange={(e) => setAllowAnonymous(e.target.checked)}
        />
        <label htmlFor="survey-anonymous">{t('surveys.builder.allowAnonymous')}</label>
      </div>
      <TextAreaField
        {...summary.fieldProps(fields.terms)}
        rows={3}
        value={terms}
        onChange={(e) => setTerms(e.target.value)}
      />
      <FeedbackMessages feedback={feedback} />
      <button type="submit" className="button button--primary" disabled={loading}>
        {t('common.save')}
      </button>
    </form>
  );
}
