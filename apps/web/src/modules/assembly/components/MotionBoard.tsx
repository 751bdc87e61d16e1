import { useQuery } from '@apollo/client/react';
import { MotionStatus } from '@concerto/domain';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import {
  ASSEMBLY_MOTIONS_QUERY,
  VIEWER_ASSEMBLY_ROLE_QUERY,
  type AssemblyMotion,
} from '../graphql/assembly';
import { MotionCard } from './MotionCard';
import { MotionForm } from './MotionForm';
import { useLiveEvent } from '../../notifications/live/LiveConnection';

const SECTIONS: { status: MotionStatus; key: string }[] = [
  { status: MotionStatus.OPEN, key: 'open' },
  { status: MotionStatus.SCHEDULED, key: 'scheduled' },
  { status: MotionStatus.CLOSED, key: 'closed' },
  { status: MotionStatus.DRAFT, key: 'draft' },
];

/**
 * The motions of an Assemblée's MOTIONS component: open ones with a live countdown, tally and
 * vote buttons for members; scheduled ones; closed ones with their results; and the motion form
 * for members and admins. Refetches when a countdown reaches its deadline.
 */
export function MotionBoard({
  componentId,
  spaceId,
  spaceSlug,
}: {
  componentId: string;
  spaceId: string;
  spaceSlug: string;
}) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const { data, loading, error, refetch } = useQuery(ASSEMBLY_MOTIONS_QUERY, {
    variables: { componentId },
    fetchPolicy: 'cache-and-network',
  });
  // a vote cast in another browser, or a motion opening or closing, refreshes the tallies live
  useLiveEvent(`component:${componentId}`, 'motion.tallyChanged', () => void refetch());
  const role = useQuery(VIEWER_ASSEMBLY_ROLE_QUERY, {
    variables: { slug: spaceSlug, spaceId },
    skip: !me,
  });
  const [formOpen, setFormOpen] = useState(false);
  const onElapsed = useCallback(() => {
    // the server decides the status from its clock: ask again a moment after the deadline
    setTimeout(() => void refetch(), 1200);
  }, [refetch]);

  if (error && !data)
    return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  const motions = data?.motions ?? [];
  const isMember = !!me && (role.data?.assemblyMembers ?? []).some((m) => m.userId === me.id);
  const canFile = !!me && (isMember || !!role.data?.space?.viewerCanAdminister);

  return (
    <div className="motion-board">
      <p>
        <Link to={`/espaces/${spaceSlug}/proces-verbal`}>{t('assembly.minutesLink')}</Link>
      </p>
      {canFile ? (
        <section aria-labelledby="motion-form-title" className="motion-board__form">
          <h2 id="motion-form-title">{t('assembly.form.heading')}</h2>
          {formOpen ? (
            <MotionForm componentId={componentId} onCreated={() => setFormOpen(false)} />
          ) : (
            <button type="button" className="button" onClick={() => setFormOpen(true)}>
              {t('assembly.form.open')}
            </button>
          )}
        </section>
      ) : null}
      {me && !isMember && !role.loading ? (
        <p className="motion-board__hint">{t('assembly.notMember')}</p>
      ) : null}
      {motions.length === 0 ? <p>{t('motions.empty')}</p> : null}
      {SECTIONS.map(({ status, key }) => {
        const list = motions.filter((m: AssemblyMotion) => m.status === status);
        if (!list.length) return null;
        return (
          <section key={key} aria-labelledby={`motions-${key}`}>
            <h2 id={`motions-${key}`}>{t(`assembly.sections.${key}`, { count: list.length })}</h2>
            <ol className="items items--plain">
              {list.map((motion) => (
                <li key={motion.id}>
                  <MotionCard motion={motion} onElapsed={onElapsed} signedIn={!!me} />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
