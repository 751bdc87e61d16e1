import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { FollowButton } from '../../notifications/components/FollowButton';
import { ReportForm } from '../../moderation/components/ReportForm';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  INVITE_PETITION_COMMITTEE_MUTATION,
  PETITION_QUERY,
  SIGN_PETITION_MUTATION,
  SUBMIT_PETITION_MUTATION,
  UNSIGN_PETITION_MUTATION,
  type Petition,
} from '../graphql/petitions';
import { useLivePetitionCounts } from '../hooks/useLivePetitionCounts';
import { PetitionAdminActions } from './PetitionAdminActions';
import { PetitionProgress, PetitionStateBadge } from './PetitionProgress';
import '../petitions.css';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** `/espaces/:slug/f/:componentId/petitions/:petitionId`: a petition, its progress, signing, its committee and the admins' actions. */
export function PetitionPage() {
  const { slug = '', componentId = '', petitionId = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useMe();
  const space = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const { data, error, refetch } = useQuery(PETITION_QUERY, {
    variables: { id: petitionId },
    fetchPolicy: 'cache-and-network',
  });
  useLivePetitionCounts(`petition:${petitionId}`);
  const petition = data?.petition;
  useDocumentTitle(petition ? petition.title : error ? null : t('common.loading'));
  if (error && !petition) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!petition) return <Loading page />;
  const spaceData = space.data?.space;
  const componentData = component.data?.component;

  return (
    <article className="page" aria-labelledby="page-title">
      {spaceData && componentData ? (
        <Breadcrumb
          trail={[
            { to: '/concertations', label: t('layout.nav.processes') },
            { to: `/espaces/${spaceData.slug}`, label: <UserText>{spaceData.title}</UserText> },
            {
              to: `/espaces/${spaceData.slug}/f/${componentData.id}`,
              label: <UserText>{componentData.title}</UserText>,
            },
          ]}
          current={<UserText>{petition.title}</UserText>}
        />
      ) : null}
      <header className="page__header">
        <p className="eyebrow">
          {t('petitions.eyebrow')} · <UserText>{petition.type.title}</UserText>
        </p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {petition.title}
        </h1>
        <p>
          <PetitionStateBadge state={petition.state} />
        </p>
      </header>
      {petition.state === 'CREATED' ||
      petition.state === 'VALIDATING' ||
      petition.state === 'DISCARDED' ? null : (
        <PetitionProgress petition={petition} />
      )}
      {me && petition.state === 'PUBLISHED' ? <SignAction petition={petition} /> : null}
      {me ? (
        <FollowButton
          type="PETITION"
          id={petition.id}
          following={petition.viewerFollows}
          refetchQueries={['Petition']}
          labels={{
            follow: t('petitions.follow.follow'),
            unfollow: t('petitions.follow.unfollow'),
            followed: t('petitions.follow.followed'),
            unfollowed: t('petitions.follow.unfollowed'),
          }}
        />
      ) : null}
      {!me && petition.state === 'PUBLISHED' ? <SignInHint /> : null}
      <section aria-labelledby="petition-text">
        <h2 id="petition-text">{t('petitions.text')}</h2>
        <SafeHtml html={petition.body} />
      </section>
      {me &&
      !petition.viewerIsAuthor &&
      (petition.state === 'PUBLISHED' || petition.state === 'ANSWERED') ? (
        <ReportForm
          resourceType="PETITION"
          resourceId={petition.id}
          target={petition.title}
          reported={petition.viewerReported}
          refetchQueries={['Petition']}
        />
      ) : null}
      {petition.state === 'DISCARDED' && petition.discardReason ? (
        <section aria-labelledby="petition-discarded">
          <h2 id="petition-discarded">{t('petitions.discardedTitle')}</h2>
          <p>{petition.discardReason}</p>
        </section>
      ) : null}
      {petition.state === 'ANSWERED' && petition.answer ? (
        <section aria-labelledby="petition-answer">
          <h2 id="petition-answer">{t('petitions.answerTitle')}</h2>
          <SafeHtml html={petition.answer} />
          {petition.outcome ? (
            <p>
              <Link to={petition.outcome.link}>
                {t(
                  petition.outcome.type === 'PROPOSAL'
                    ? 'petitions.outcomeProposal'
                    : 'petitions.outcomeMotion',
                )}
              </Link>
            </p>
          ) : petition.answerUrl ? (
            <p>
              <a href={petition.answerUrl}>{t('petitions.answerLink')}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      <CommitteeSection petition={petition} />
      {petition.viewerIsAuthor || petition.viewerInCommittee || petition.viewerCanAdminister ? (
        <ul className="petition-exports" aria-label={t('petitions.exportsLabel')}>
          <li>
            <Link to={`${petition.link}/synthese`}>{t('petitions.summary.link')}</Link>
          </li>
          {petition.publishedAt ? (
            <>
              <li>
                <a href={`/exports/petitions/${petition.id}/signatures.csv`} download>
                  {t('petitions.export')}
                </a>
              </li>
              <li>
                <a href={`/exports/petitions/${petition.id}/signatures.xlsx`} download>
                  {t('petitions.exportXlsx')}
                </a>
              </li>
            </>
          ) : null}
        </ul>
      ) : null}
      {petition.viewerCanAdminister ? <PetitionAdminActions petition={petition} /> : null}
    </article>
  );
}

function SignInHint() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <p>
      <Link to="/connexion" state={{ from: location.pathname }}>
        {t('petitions.signIn')}
      </Link>
    </p>
  );
}

/** « Signer » / « Retirer ma signature » during the period; a refusal is explained in an alert. */
function SignAction({ petition }: { petition: Petition }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [sign, signState] = useMutation(SIGN_PETITION_MUTATION);
  const [unsign, unsignState] = useMutation(UNSIGN_PETITION_MUTATION);
  const reasonId = useId();
  const busy = signState.loading || unsignState.loading;
  const blocked = !petition.viewerHasSigned && !petition.viewerCanSign;

  async function toggle() {
    feedback.clear();
    try {
      if (petition.viewerHasSigned) {
        await unsign({ variables: { petitionId: petition.id } });
        feedback.succeed(t('petitions.sign.unsigned'));
      } else {
        await sign({ variables: { petitionId: petition.id } });
        feedback.succeed(t('petitions.sign.signed'));
      }
    } catch (error) {
      feedback.fail(error, { FORBIDDEN: t('petitions.sign.notAllowed') });
    }
  }

  return (
    <div className="support-action">
      <button
        type="button"
        className={petition.viewerHasSigned ? 'button' : 'button button--primary'}
        disabled={busy || blocked}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={() => void toggle()}
      >
        {petition.viewerHasSigned ? t('petitions.sign.unsign') : t('petitions.sign.sign')}
      </button>
      {blocked ? (
        <p id={reasonId} className="field__hint">
          {t('petitions.sign.notAllowed')}
        </p>
      ) : null}
      <FeedbackMessages feedback={feedback} />
    </div>
  );
}

/** The promoter committee: its size, and for the author while CREATED, invitation links and the submission. */
function CommitteeSection({ petition }: { petition: Petition }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [links, setLinks] = useState<string[]>([]);
  const [invite, inviteState] = useMutation(INVITE_PETITION_COMMITTEE_MUTATION);
  const [submit, submitState] = useMutation(SUBMIT_PETITION_MUTATION);
  const author = petition.viewerIsAuthor && petition.state === 'CREATED';

  async function newLink() {
    feedback.clear();
    try {
      const res = await invite({ variables: { petitionId: petition.id } });
      if (res.data) {
        setLinks((all) => [
          ...all,
          `${window.location.origin}/petitions/comite/${res.data!.invitePetitionCommittee}`,
        ]);
        feedback.succeed(t('petitions.committee.linkCreated'));
      }
    } catch (error) {
      feedback.fail(error);
    }
  }
  async function send() {
    feedback.clear();
    try {
      await submit({ variables: { id: petition.id } });
      feedback.succeed(t('petitions.committee.submitted'));
    } catch (error) {
      feedback.fail(error, {
        BAD_USER_INPUT: t('petitions.committee.tooSmall', {
          count: petition.type.minCommitteeSize,
        }),
      });
    }
  }

  return (
    <section aria-labelledby="petition-committee">
      <h2 id="petition-committee">{t('petitions.committee.title')}</h2>
      <p>
        {t('petitions.committee.size', {
          count: petition.committeeSize,
          min: petition.type.minCommitteeSize,
        })}
      </p>
      {petition.viewerInCommittee ? <p>{t('petitions.committee.youAreMember')}</p> : null}
      {author ? (
        <>
          <p className="field__hint">{t('petitions.committee.howTo')}</p>
          <button
            type="button"
            className="button"
            disabled={inviteState.loading}
            onClick={() => void newLink()}
          >
            {t('petitions.committee.invite')}
          </button>
          {links.length ? (
            <ul aria-label={t('petitions.committee.links')}>
              {links.map((link) => (
                <li key={link}>
                  <code className="break-anywhere">{link}</code>
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            <button
              type="button"
              className="button button--primary"
              disabled={submitState.loading}
              onClick={() => void send()}
            >
              {t('petitions.committee.submit')}
            </button>
          </p>
        </>
      ) : null}
      {petition.viewerIsAuthor && petition.state === 'VALIDATING' ? (
        <p>{t('petitions.committee.awaiting')}</p>
      ) : null}
      <FeedbackMessages feedback={feedback} />
    </section>
  );
}
