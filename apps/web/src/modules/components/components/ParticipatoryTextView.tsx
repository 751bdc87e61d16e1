import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { PARTICIPATORY_TEXT_QUERY } from '../graphql/components';
import { Markdown } from './Markdown';

/** The Markdown source of a PARTICIPATORY_TEXT component, rendered safely. */
export function ParticipatoryTextView({ componentId }: { componentId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(PARTICIPATORY_TEXT_QUERY, { variables: { componentId } });
  if (error && !data) return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  const source = data?.participatoryTextSource;
  if (!source) return <p>{t('participatoryText.empty')}</p>;
  return <Markdown source={source} headingOffset={1} className="prose participatory-text" />;
}
