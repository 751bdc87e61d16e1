import { useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PETITION_QUEUE_QUERY, type Petition } from '../../petitions/graphql/petitions';
import { PetitionAdminActions } from '../../petitions/components/PetitionAdminActions';
import { PetitionProgress, PetitionStateBadge } from '../../petitions/components/PetitionProgress';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { formatDateTime } from '../../ui/utils/dates';
import { AdministeredSpaces } from './AdministeredSpaces';
import '../../petitions/petitions.css';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

/**
 * `/admin/petitions`: the admins' queue across every PETITIONS component they administer —
 * petitions awaiting technical validation (publish, or discard with a reason) and ended ones
 * awaiting the official answer. After a move the petition leaves the list and the focus goes
 * to the page's message.
 */
export function PetitionQueuePage() {
  return <AdministeredSpaces>{() => <PetitionQueue />}</AdministeredSpaces>;
}

function PetitionQueue() {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  useDocumentTitle(t('petitions.adminPages.queue.title'));
  const { data, loading, error, refetch } = useQuery(PETITION_QUEUE_QUERY, {
    fetchPolicy: 'network-only',
  });
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const queue = data?.petitionQueue ?? [];
  const validating = queue.filter((p) => p.state === 'VALIDATING');
  const ended = queue.filter((p) => p.state !== 'VALIDATING');

  const done = async (message: string) => {
    await refetch();
    setStatus(message);
    // the petition's buttons are gone: the focus goes to the message saying what happened
    focusAfterRender(statusRef);
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <h1 id="page-title">{t('petitions.adminPages.queue.title')}</h1>
      <p className="muted">{t('petitions.adminPages.queue.intro')}</p>
      <p>
        <Link to="/admin/petitions/types">{t('petitions.adminPages.types.link')}</Link>
      </p>
      <p ref={statusRef} tabIndex={-1} role="status" className="petition-queue__status">
        {status}
      </p>
      {error && !data ? (
        <QueryErrorView error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : (
        <>
          <QueueSection
            id="queue-validating"
            title={t('petitions.adminPages.queue.validating', { count: validating.length })}
            empty={t('petitions.adminPages.queue.noneValidating')}
            petitions={validating}
            onDone={done}
          />
          <QueueSection
            id="queue-ended"
            title={t('petitions.adminPages.queue.ended', { count: ended.length })}
            empty={t('petitions.adminPages.queue.noneEnded')}
            petitions={ended}
            onDone={done}
          />
        </>
      )}
    </section>
  );
}

function QueueSection({
  id,
  title,
  empty,
  petitions,
  onDone,
}: {
  id: string;
  title: string;
  empty: string;
  petitions: Petition[];
  onDone: (message: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {petitions.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="card-list petition-queue">
          {petitions.map((p) => (
            <li key={p.id} className="card">
              <h3 className="card__title">
                <Link to={p.link}>{p.title}</Link>
              </h3>
              <p>
                <PetitionStateBadge state={p.state} />{' '}
                <span className="field__hint">{p.type.title}</span>
              </p>
              <p className="field__hint">
                {p.state === 'VALIDATING'
                  ? t('petitions.adminPages.queue.submittedCommittee', {
                      count: p.committeeSize,
                      min: p.type.minCommitteeSize,
                      date: formatDateTime(p.createdAt, i18n.language),
                    })
                  : t('petitions.adminPages.queue.endedOn', {
                      date: formatDateTime(p.endsAt ?? p.readAt, i18n.language),
                    })}
              </p>
              {p.state === 'VALIDATING' ? (
                <details>
                  <summary>{t('petitions.adminPages.queue.readText')}</summary>
                  <SafeHtml html={p.body} />
                </details>
              ) : (
                <PetitionProgress petition={p} />
              )}
              <PetitionAdminActions
                petition={p}
                level={3}
                onDone={(message) => void onDone(message)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
