import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { Paragraphs } from '../../ui/components/Paragraphs';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { MOTIONS_QUERY } from '../graphql/components';

/** The motions of a MOTIONS component. */
export function MotionList({ componentId }: { componentId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(MOTIONS_QUERY, { variables: { componentId } });
  if (error && !data) return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  const motions = data?.motions ?? [];
  if (motions.length === 0) return <p>{t('motions.empty')}</p>;
  return (
    <ol className="items items--plain">
      {motions.map((motion) => (
        <li key={motion.id}>
          <article className="item">
            <h2 className="item__title">
              {motion.reference ? <span className="item__reference">{motion.reference}</span> : null} {motion.title}
            </h2>
            <Paragraphs text={motion.body} className="item__body" />
          </article>
        </li>
      ))}
    </ol>
  );
}
