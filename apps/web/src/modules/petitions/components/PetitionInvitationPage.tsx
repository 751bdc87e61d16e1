import { useMutation } from '@apollo/client/react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { ACCEPT_PETITION_INVITATION_MUTATION } from '../graphql/petitions';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** `/petitions/comite/:token`: join a petition's promoter committee through the author's link. */
export function PetitionInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { me, loading } = useMe();
  const location = useLocation();
  const feedback = useFeedback();
  const [accept, state] = useMutation(ACCEPT_PETITION_INVITATION_MUTATION);
  const [joined, setJoined] = useState<{ title: string; link: string } | null>(null);
  const joinedLink = useRef<HTMLAnchorElement>(null);
  useDocumentTitle(t('petitions.invitation.title'));
  // the « Accepter » button goes away: focus moves to the petition's link that replaces it
  useLayoutEffect(() => {
    if (joined) joinedLink.current?.focus();
  }, [joined]);

  async function join() {
    feedback.clear();
    try {
      const res = await accept({ variables: { token } });
      if (res.data) {
        setJoined({
          title: res.data.acceptPetitionCommitteeInvitation.title,
          link: res.data.acceptPetitionCommitteeInvitation.link,
        });
        feedback.succeed(t('petitions.invitation.joined'));
      }
    } catch (error) {
      feedback.fail(error, { NOT_FOUND: t('petitions.invitation.invalid') });
    }
  }

  return (
    <article className="page" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title">{t('petitions.invitation.title')}</h1>
        <p className="lead">{t('petitions.invitation.lead')}</p>
      </header>
      {!me && !loading ? (
        <p>
          <Link to="/connexion" state={{ from: location.pathname }}>
            {t('petitions.invitation.signIn')}
          </Link>
        </p>
      ) : null}
      {me && !joined ? (
        <button
          type="button"
          className="button button--primary"
          disabled={state.loading}
          onClick={() => void join()}
        >
          {t('petitions.invitation.accept')}
        </button>
      ) : null}
      {joined ? (
        <p>
          <Link ref={joinedLink} to={joined.link} lang={CONTENT_LANGUAGE}>
            {joined.title}
          </Link>
        </p>
      ) : null}
      <FeedbackMessages feedback={feedback} />
    </article>
  );
}
