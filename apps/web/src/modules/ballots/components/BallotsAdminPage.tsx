import { CensusKind } from '@concerto/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY } from '../../components/graphql/components';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import {
  BALLOT_ADMIN_SPACE_QUERY,
  BALLOTS_QUERY,
  CREATE_BALLOT_MUTATION,
  UPDATE_BALLOT_MUTATION,
  type Ballot,
} from '../graphql/ballots';
import { BallotPeriod, BallotStatusBadge, TurnoutText } from './BallotList';
import { BallotForm } from './BallotForm';
import '../ballots.css';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

const REFETCH = { refetchQueries: ['Ballots'], awaitRefetchQueries: true };

/** `/admin/espaces/:slug/votations/:componentId`: create votations, and edit them until they open or a vote is cast. Space admins. */
export function BallotsAdminPage() {
  const { slug = '', componentId = '' } = useParams();
  const { t } = useTranslation();
  const { me, loading: meLoading } = useMe();
  const space = useQuery(BALLOT_ADMIN_SPACE_QUERY, { variables: { slug }, skip: !me });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId }, skip: !me });
  const ballots = useQuery(BALLOTS_QUERY, {
    variables: { componentId },
    skip: !me,
    fetchPolicy: 'cache-and-network',
  });
  const [create] = useMutation(CREATE_BALLOT_MUTATION, REFETCH);
  useDocumentTitle(t('votes.admin.title'));
  if (meLoading) return <Loading page />;
  if (!me) return <AccessDenied signedIn={false} />;
  const error = space.error ?? component.error ?? (!ballots.data ? ballots.error : undefined);
  if (error) return <QueryErrorView error={error} onRetry={() => void ballots.refetch()} />;
  if (!space.data || !component.data || !ballots.data) return <Loading page />;
  if (!space.data.space.viewerCanAdminister) return <AccessDenied signedIn />;
  const s = space.data.space;
  const assemblies = space.data.spaces;
  return (
    <article className="page votes" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          { to: '/admin', label: t('admin.title') },
          { to: `/admin/espaces/${s.slug}`, label: s.title },
        ]}
        current={component.data.component.title}
      />
      <header className="page__header">
        <p className="eyebrow">{t('spaces.componentType.VOTES')}</p>
        <h1 id="page-title">
          {t('votes.admin.heading', { title: component.data.component.title })}
        </h1>
        <p>
          <Link to={`/espaces/${s.slug}/f/${componentId}`}>{t('votes.admin.publicPage')}</Link>
        </p>
      </header>
      <section aria-labelledby="ballots-admin-list" className="panel">
        <h2 id="ballots-admin-list">{t('votes.admin.list')}</h2>
        {ballots.data.ballots.length === 0 ? (
          <p>{t('votes.admin.none')}</p>
        ) : (
          <ul className="admin-list">
            {ballots.data.ballots.map((b) => (
              <li key={b.id} className="admin-list__item">
                <BallotAdminRow ballot={b} slug={s.slug} assemblies={assemblies} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ballots-admin-new" className="panel">
        <h2 id="ballots-admin-new">{t('votes.admin.new')}</h2>
        <BallotForm
          ballot={null}
          assemblies={assemblies}
          idPrefix="new-ballot"
          submitLabel={t('votes.admin.create')}
          onSubmit={async (input) => {
            const result = await create({ variables: { input: { ...input, componentId } } });
            return t('votes.admin.created', {
              title: result.data?.createBallot.title ?? input.title,
            });
          }}
        />
      </section>
    </article>
  );
}

function BallotAdminRow({
  ballot,
  slug,
  assemblies,
}: {
  ballot: Ballot;
  slug: string;
  assemblies: { id: string; title: string }[];
}) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [update] = useMutation(UPDATE_BALLOT_MUTATION, REFETCH);
  return (
    <div className="admin-row">
      <div className="admin-row__main">
        <h3 className="admin-row__title" ref={titleRef} tabIndex={-1}>
          <Link to={`/espaces/${slug}/f/${ballot.componentId}/votations/${ballot.id}`}>
            {ballot.title}
          </Link>
        </h3>
        <p className="muted">
          <BallotStatusBadge status={ballot.status} /> <BallotPeriod ballot={ballot} />
        </p>
        <p className="muted">
          {t(ballot.secret ? 'votes.secret' : 'votes.public')} ·{' '}
          {t(`votes.census.${ballot.census.kind}`)} · <TurnoutText ballot={ballot} />
        </p>
        {ballot.census.kind === CensusKind.EMAIL_LIST && ballot.census.invitationsSent != null ? (
          <p className="muted">
            {t('votes.admin.invitationsSent', { count: ballot.census.invitationsSent })}
            {ballot.census.invitationsFailing ? (
              <>
                {' '}
                · {t('votes.admin.invitationsFailing', { count: ballot.census.invitationsFailing })}
              </>
            ) : null}
          </p>
        ) : null}
        {ballot.viewerCanEdit ? (
          <button
            type="button"
            className="button button--small"
            aria-expanded={editing}
            onClick={() => {
              setEditing((e) => !e);
              if (editing) focusAfterRender(titleRef);
            }}
          >
            {t(editing ? 'votes.admin.closeEdit' : 'votes.admin.edit')}{' '}
            <span className="visually-hidden">{ballot.title}</span>
          </button>
        ) : (
          <p className="muted">{t('votes.admin.locked')}</p>
        )}
        {editing ? (
          <BallotForm
            ballot={ballot}
            assemblies={assemblies}
            idPrefix={`edit-${ballot.id}`}
            submitLabel={t('votes.admin.save')}
            onSubmit={async (input) => {
              await update({ variables: { id: ballot.id, input } });
              return t('votes.admin.saved');
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
