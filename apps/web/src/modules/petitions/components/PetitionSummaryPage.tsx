import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { formatDateTime } from '../../ui/utils/dates';
import { PETITION_QUERY } from '../graphql/petitions';
import { progressPercent } from '../petition-display';
import '../petitions.css';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * `/espaces/:slug/f/:componentId/petitions/:petitionId/synthese`: a printable summary of a
 * petition for its committee and the admins (type, dates, count against the threshold, committee,
 * text, answer), with « Imprimer » and a print style sheet (one A4 column, no site chrome).
 * Others are sent back to the petition's page.
 */
export function PetitionSummaryPage() {
  const { petitionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(PETITION_QUERY, {
    variables: { id: petitionId },
    fetchPolicy: 'network-only',
  });
  const petition = data?.petition;
  useDocumentTitle(
    petition
      ? t('petitions.summary.documentTitle', { title: petition.title })
      : error
        ? null
        : t('common.loading'),
  );
  if (error && !petition) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!petition) return <Loading page />;
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  if (!petition.viewerIsAuthor && !petition.viewerInCommittee && !petition.viewerCanAdminister) {
    return (
      <section className="page" aria-labelledby="page-title">
        <h1 id="page-title">{t('petitions.summary.reservedTitle')}</h1>
        <p>{t('petitions.summary.reserved')}</p>
        <p>
          <Link to={petition.link}>{t('petitions.summary.back')}</Link>
        </p>
      </section>
    );
  }
  return (
    <article className="page petition-summary" aria-labelledby="page-title">
      <p className="no-print">
        <Link to={petition.link}>{t('petitions.summary.back')}</Link>
      </p>
      <p className="eyebrow">{t('petitions.summary.eyebrow', { type: petition.type.title })}</p>
      <h1 id="page-title" lang={CONTENT_LANGUAGE}>
        {petition.title}
      </h1>
      <dl className="petition-summary__facts">
        <dt>{t('petitions.summary.state')}</dt>
        <dd>{t(`petitions.state.${petition.state}`)}</dd>
        <dt>{t('petitions.summary.signatures')}</dt>
        <dd>
          {t('petitions.progress', {
            count: petition.signaturesCount,
            threshold: petition.threshold.toLocaleString('fr-FR'),
            percent: progressPercent(petition.signaturesCount, petition.threshold),
          })}
        </dd>
        <dt>{t('petitions.summary.period')}</dt>
        <dd>
          {t('petitions.summary.periodValue', {
            start: date(petition.publishedAt),
            end: date(petition.endsAt),
          })}
        </dd>
        <dt>{t('petitions.summary.committee')}</dt>
        <dd>
          {t('petitions.committee.size', {
            count: petition.committeeSize,
            min: petition.type.minCommitteeSize,
          })}
        </dd>
        <dt>{t('petitions.summary.created')}</dt>
        <dd>{date(petition.createdAt)}</dd>
        {petition.answeredAt ? (
          <>
            <dt>{t('petitions.summary.answered')}</dt>
            <dd>{date(petition.answeredAt)}</dd>
          </>
        ) : null}
        <dt>{t('petitions.summary.readAt')}</dt>
        <dd>{date(petition.readAt)}</dd>
      </dl>
      <section aria-labelledby="summary-text">
        <h2 id="summary-text">{t('petitions.text')}</h2>
        <SafeHtml html={petition.body} />
      </section>
      {petition.discardReason ? (
        <section aria-labelledby="summary-discarded">
          <h2 id="summary-discarded">{t('petitions.discardedTitle')}</h2>
          <p>{petition.discardReason}</p>
        </section>
      ) : null}
      {petition.answer ? (
        <section aria-labelledby="summary-answer">
          <h2 id="summary-answer">{t('petitions.answerTitle')}</h2>
          <SafeHtml html={petition.answer} />
          {petition.answerUrl ? (
            <p>{t('petitions.summary.answerUrl', { url: petition.answerUrl })}</p>
          ) : null}
        </section>
      ) : null}
      <p className="no-print">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('petitions.summary.print')}
        </button>
      </p>
    </article>
  );
}
