import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY } from '../../components/graphql/components';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
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

function CreateSurveyForm({
  componentId,
  onCreated,
}: {
  componentId: string;
  onCreated: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [create, { loading, error }] = useMutation(CREATE_SURVEY_MUTATION);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await create({ variables: { input: { componentId, title: title.trim() } } });
      onCreated();
    } catch {
      /* shown below */
    }
  };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="create-survey-title">
      <h2 id="create-survey-title">{t('surveys.builder.create')}</h2>
      <div className="field">
        <label htmlFor="create-survey-name">{t('surveys.builder.surveyTitle')}</label>
        <input
          id="create-survey-name"
          className="field__control"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          minLength={3}
          maxLength={200}
        />
      </div>
      {error ? <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} /> : null}
      <button type="submit" className="button button--primary" disabled={loading}>
        {t('surveys.builder.create')}
      </button>
    </form>
  );
}

function SurveySettingsForm({ survey }: { survey: SurveyState }) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState(survey.title);
  const [description, setDescription] = useState(survey.description);
  const [opensAt, setOpensAt] = useState(toLocalInput(survey.opensAt));
  const [closesAt, setClosesAt] = useState(toLocalInput(survey.closesAt));
  const [allowAnonymous, setAllowAnonymous] = useState(survey.allowAnonymous);
  const [terms, setTerms] = useState(survey.terms);
  const [saved, setSaved] = useState(false);
  const [update, { loading, error }] = useMutation(UPDATE_SURVEY_MUTATION);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
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
      setSaved(true);
    } catch {
      /* shown below */
    }
  };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="survey-settings-title">
      <h2 id="survey-settings-title">{t('surveys.builder.settings')}</h2>
      <p>{t(survey.open ? 'surveys.open' : 'surveys.closed')}</p>
      <div className="field">
        <label htmlFor="survey-title">{t('surveys.builder.surveyTitle')}</label>
        <input
          id="survey-title"
          className="field__control"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          minLength={3}
          maxLength={200}
        />
      </div>
      <div className="field">
        <label htmlFor="survey-description">{t('surveys.builder.description')}</label>
        <textarea
          id="survey-description"
          className="field__control"
          rows={4}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="survey-opens">{t('surveys.builder.opensAt')}</label>
        <input
          id="survey-opens"
          type="datetime-local"
          className="field__control"
          value={opensAt}
          onChange={(e) => setOpensAt(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="survey-closes">{t('surveys.builder.closesAt')}</label>
        <input
          id="survey-closes"
          type="datetime-local"
          className="field__control"
          value={closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
        />
      </div>
      <div className="field field--checkbox">
        <input
          id="survey-anonymous"
          type="checkbox"
          checked={allowAnonymous}
          onChange={(e) => setAllowAnonymous(e.target.checked)}
        />
        <label htmlFor="survey-anonymous">{t('surveys.builder.allowAnonymous')}</label>
      </div>
      <div className="field">
        <label htmlFor="survey-terms-text">{t('surveys.builder.terms')}</label>
        <textarea
          id="survey-terms-text"
          className="field__control"
          rows={3}
          value={terms}
          onChange={(e) => setTerms(e.target.value)}
        />
      </div>
      {error ? <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} /> : null}
      {saved ? <p role="status">{t('surveys.builder.saved')}</p> : null}
      <button type="submit" className="button button--primary" disabled={loading}>
        {t('common.save')}
      </button>
    </form>
  );
}
