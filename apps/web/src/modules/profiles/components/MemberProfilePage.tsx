import { useMutation, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { Paragraphs } from '../../ui/components/Paragraphs';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { formatDateTime } from '../../ui/utils/dates';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  FOLLOW_MEMBER_MUTATION,
  MEMBER_PROFILE_QUERY,
  UNFOLLOW_MEMBER_MUTATION,
  type MemberPage,
  type MemberSummary,
} from '../graphql/members';
import '../profiles.css';
import { AccountBlockPanel } from './AccountBlockPanel';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * `/membres/:pseudo`: a member’s page (photo, name, pseudo, organisation, typology, role, bio,
 * website: each only if its visibility lets the viewer see it, absent otherwise), their
 * followers and follows counts, and « Suivre » / « Ne plus suivre » for other signed-in members.
 * An unknown pseudo (NOT_FOUND) shows « Page introuvable ».
 */
export function MemberProfilePage() {
  const { pseudo = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(MEMBER_PROFILE_QUERY, {
    variables: { pseudo },
  });
  const profile = data?.memberProfile;
  useDocumentTitle(profile?.name);
  if (error && !profile) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (loading && !profile) return <Loading />;
  if (!profile) return null;
  return <MemberProfileView profile={profile} />;
}

function MemberProfileView({ profile }: { profile: MemberPage }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const feedback = useFeedback();
  const refetch = { refetchQueries: ['MemberProfile'], awaitRefetchQueries: true };
  const [follow, followState] = useMutation(FOLLOW_MEMBER_MUTATION, refetch);
  const [unfollow, unfollowState] = useMutation(UNFOLLOW_MEMBER_MUTATION, refetch);
  const busy = followState.loading || unfollowState.loading;
  // a blocked account shows only its name to members and visitors (the API withholds the rest)
  const withheld = profile.blocked && !profile.isViewer && !me?.isAdmin;

  async function toggle() {
    if (busy) return;
    feedback.clear();
    try {
      if (profile.viewerFollows) {
        await unfollow({ variables: { pseudo: profile.pseudo } });
        feedback.succeed(t('members.page.unfollowed', { name: profile.name }));
      } else {
        await follow({ variables: { pseudo: profile.pseudo } });
        feedback.succeed(t('members.page.followed', { name: profile.name }));
      }
    } catch (caught) {
      feedback.fail(caught);
    }
  }

  const details: Array<[string, ReactNode]> = [];
  if (profile.organisation) details.push([t('members.page.organisation'), profile.organisation]);
  if (profile.typology) details.push([t('members.page.typology'), profile.typology.label]);
  if (profile.roleTitle) details.push([t('members.page.roleTitle'), profile.roleTitle]);
  if (profile.website)
    details.push([
      t('members.page.website'),
      <a
        href={profile.website}
        rel="nofollow ugc noopener noreferrer"
        className="members-page__website"
      >
        {profile.website}
      </a>,
    ]);

  return (
    <article className="page page--narrow members-page" aria-labelledby="page-title">
      <header className="members-page__header">
        {profile.avatarUrl ? (
          <img
            src={profile.avatarUrl}
            alt={t('members.page.photoOf', { name: profile.name })}
            width={128}
            height={128}
            className="members-page__avatar"
          />
        ) : null}
        <div>
          <h1 id="page-title">{profile.name}</h1>
          <p className="members-page__pseudo" translate="no">
            @{profile.pseudo}
          </p>
          {withheld ? null : (
            <p className="muted">
              {t('members.page.followers', { count: profile.followersCount })} ·{' '}
              {t('members.page.follows', { count: profile.followsCount })}
            </p>
          )}
        </div>
      </header>
      {profile.blocked ? (
        <p className="message message--info">{t('members.page.blocked')}</p>
      ) : null}
      {profile.isViewer ? (
        <p>
          <Link to="/mon-compte">{t('members.page.editMine')}</Link>
        </p>
      ) : profile.blocked && !profile.viewerFollows ? null : me ? (
        <div className="actions">
          <button
            type="button"
            className={profile.viewerFollows ? 'button' : 'button button--primary'}
            aria-disabled={busy || undefined}
            onClick={() => void toggle()}
          >
            {profile.viewerFollows ? t('members.page.unfollow') : t('members.page.follow')}
          </button>
        </div>
      ) : (
        <p className="muted">
          <Link to="/connexion">{t('members.page.signInToFollow')}</Link>
        </p>
      )}
      <FeedbackMessages feedback={feedback} />
      {me?.isAdmin && !profile.isViewer ? (
        <AccountBlockPanel userId={profile.userId} name={profile.name} />
      ) : null}
      {details.length > 0 ? (
        <dl className="members-page__details">
          {details.map(([term, value]) => (
            <div key={term} className="members-page__detail">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {profile.bio ? (
        <section aria-labelledby="member-bio">
          <h2 id="member-bio">{t('members.page.bio')}</h2>
          <Paragraphs text={profile.bio} />
        </section>
      ) : null}
      {withheld ? null : (
        <>
          <section aria-labelledby="member-contributions">
            <h2 id="member-contributions">{t('members.page.contributions')}</h2>
            {profile.contributions.length === 0 ? (
              <p className="muted">{t('members.page.noContributions')}</p>
            ) : (
              <ul className="members-page__list">
                {profile.contributions.map((contribution) => (
                  <li key={contribution.id}>
                    <Link
                      to={`/espaces/${contribution.spaceSlug}/f/${contribution.componentId}/propositions/${contribution.id}`}
                      lang={CONTENT_LANGUAGE}
                    >
                      {contribution.title}
                    </Link>{' '}
                    <span className="muted">
                      {t('members.page.publishedOn', {
                        date: formatDateTime(contribution.publishedAt, i18n.language),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <MemberList
            id="member-followers"
            title={t('members.page.followersTitle')}
            empty={t('members.page.noFollowers')}
            members={profile.followers}
          />
          <MemberList
            id="member-follows"
            title={t('members.page.followsTitle')}
            empty={t('members.page.noFollows')}
            members={profile.follows}
          />
        </>
      )}
    </article>
  );
}

/** « Abonnés » or « Abonnements »: links to the members’ pages. */
function MemberList({
  id,
  title,
  empty,
  members,
}: {
  id: string;
  title: string;
  empty: string;
  members: MemberSummary[];
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {members.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="members-page__list">
          {members.map((member) => (
            <li key={member.pseudo}>
              <Link to={`/membres/${member.pseudo}`}>{member.name}</Link>{' '}
              <span className="muted" translate="no">
                @{member.pseudo}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
