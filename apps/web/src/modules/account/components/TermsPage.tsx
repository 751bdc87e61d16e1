import { useQuery } from '@apollo/client/react';
import type { TermsDocumentKind } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/components/Loading';
import { Paragraphs } from '../../ui/components/Paragraphs';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { formatDateTime } from '../../ui/utils/dates';
import { TERMS_DOCUMENTS_QUERY } from '../graphql/account';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** `/conditions` (TERMS) and `/confidentialite` (PRIVACY): the current version of a legal document, in French. */
export function TermsPage({ kind }: { kind: TermsDocumentKind }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(TERMS_DOCUMENTS_QUERY);
  useDocumentTitle(t(`account.documents.${kind}`));
  if (loading && !data) return <Loading />;
  if (error && !data) return <QueryErrorView error={error} />;
  const document = data?.termsDocuments.find((d) => d.kind === kind);
  return (
    <article className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title" lang={document ? CONTENT_LANGUAGE : undefined}>
        {document?.title ?? t(`account.documents.${kind}`)}
      </h1>
      {document ? (
        <>
          <p className="muted">
            {t('account.versionOf', {
              version: document.version,
              date: formatDateTime(document.publishedAt, i18n.language),
            })}
          </p>
          <Paragraphs text={document.body} className="terms-text" />
        </>
      ) : null}
    </article>
  );
}
