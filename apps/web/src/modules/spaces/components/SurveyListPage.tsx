import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateRange } from '../../ui/components/DateRange';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { SURVEYS_QUERY } from '../graphql/spaces';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** `/enquetes`: the published surveys across spaces. */
export function SurveyListPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(SURVEYS_QUERY);
  useDocumentTitle(error && !data ? null : t('surveys.title'));

  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading page />;
  const surveys = data?.surveys ?? [];
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('surveys.title')}</h1>
      <p className="lead">{t('surveys.intro')}</p>
      {surveys.length === 0 ? (
        <p>{t('surveys.empty')}</p>
      ) : (
        <ul className="cards">
          {surveys.map((survey) => (
            <li key={survey.id}>
              <article className="card">
                <h2 className="card__title">
                  <Link
                    to={`/espaces/${survey.spaceSlug}/f/${survey.componentId}`}
                    lang={CONTENT_LANGUAGE}
                  >
                    {survey.title}
                  </Link>
                </h2>
                <p className="card__meta">{t('surveys.inSpace', { space: survey.spaceTitle })}</p>
                <p>
                  <span className={survey.open ? 'badge badge--open' : 'badge badge--closed'}>
                    {t(survey.open ? 'surveys.open' : 'surveys.closed')}
                  </span>{' '}
                  <DateRange start={survey.opensAt} end={survey.closesAt} kind="instant" />
                </p>
                <p className="card__meta">
                  {t('surveys.questionCount', { count: survey.questionCount })}
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
