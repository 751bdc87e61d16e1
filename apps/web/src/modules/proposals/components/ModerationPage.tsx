import { useMutation, useQuery } from '@apollo/client/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import { ErrorAlert, FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { VisuallyHidden } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { NotFoundPage } from '../../ui/components/NotFoundPage';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback, type Feedback } from '../../ui/hooks/useFeedback';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { formatDateTime } from '../../ui/utils/dates';
import {
  DISMISS_REPORTS_MUTATION,
  HIDE_CONTENT_MUTATION,
  MODERATION_QUEUE_QUERY,
  PROPOSAL_COMPONENT_QUERY,
  PROPOSAL_QUERY,
  UNHIDE_CONTENT_MUTATION,
  type ModerationQueueItem,
} from '../graphql/proposals';
import { componentPath, proposalPath } from '../paths';
import { AnswerForm } from './AnswerForm';
import { ProposalList } from './ProposalList';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
import { moderatesSpace, SPACE_MODERATORS_QUERY } from '../../moderation/graphql/moderation';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * `/espaces/:slug/f/:componentId/moderation`: for the space's moderators, the reported
 * content of a component ("Masquer" / "Rétablir" / "Écarter"); for a proposals component also
 * the proposals waiting for a published answer (answer form each) and the reading order with
 * "Mélanger".
 */
export function ModerationPage() {
  const { slug = '', componentId = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const { me, loading: meLoading } = useMe();
  const spaceQuery = useQuery(COMPONENT_SPACE_QUERY, { variables: { slug } });
  const componentQuery = useQuery(COMPONENT_QUERY, { variables: { id: componentId } });
  const rolesQuery = useQuery(SPACE_MODERATORS_QUERY, { variables: { slug } });
  const space = spaceQuery.data?.space;
  const component = componentQuery.data?.component;
  const proposals = component?.type === 'PROPOSALS';
  const statusQuery = useQuery(PROPOSAL_COMPONENT_QUERY, {
    variables: { componentId },
    skip: !proposals,
  });
  const status = statusQuery.data?.proposalComponent;
  const roles = rolesQuery.data?.space?.viewerRoles;
  const error =
    (!space && spaceQuery.error) ||
    (!component && componentQuery.error) ||
    (!roles && rolesQuery.error) ||
    (proposals && !status && statusQuery.error);
  const ready = !!component && !!roles && (!proposals || !!status);
  const canModerate = proposals ? !!status?.viewerCanModerate : moderatesSpace(me, roles);
  const title = component ? t('proposals.moderation.title', { title: component.title }) : null;
  useDocumentTitle(
    ready && canModerate
      ? title
      : ready
        ? t('admin.forbidden')
        : error
          ? null
          : t('common.loading'),
  );

  if (error)
    return (
      <QueryErrorView
        error={error}
        onRetry={() => void (proposals ? statusQuery.refetch() : rolesQuery.refetch())}
      />
    );
  if (meLoading || !space || !component || !ready) return <Loading page />;
  if (component.spaceId !== space.id) return <NotFoundPage />;
  if (!canModerate) {
    return (
      <section className="page page--narrow" aria-labelledby="page-title">
        <h1 id="page-title">{t('admin.forbidden')}</h1>
        <p>{t('proposals.moderation.forbidden')}</p>
        {me ? null : (
          <p>
            <Link to="/connexion" state={{ from: location.pathname }}>
              {t('layout.signIn')}
            </Link>
          </p>
        )}
      </section>
    );
  }

  return (
    <article className="page" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          { to: `/espaces/${space.slug}`, label: space.title },
          { to: componentPath(space.slug, component.id), label: component.title },
        ]}
        current={t(proposals ? 'proposals.moderationLink' : 'proposals.moderation.breadcrumb')}
      />
      <header className="page__header">
        <h1 id="page-title">{title}</h1>
        <p>
          <Link to={componentPath(space.slug, component.id)}>
            {proposals
              ? t('proposals.moderation.back')
              : t('proposals.moderation.backTo', { title: component.title })}
          </Link>
        </p>
      </header>
      <ModerationQueue componentId={component.id} spaceSlug={space.slug} proposals={proposals} />
      {proposals ? (
        <section aria-labelledby="reading-order" className="panel">
          <h2 id="reading-order">{t('proposals.moderation.orderHeading')}</h2>
          <ProposalList componentId={component.id} spaceSlug={space.slug} variant="moderation" />
        </section>
      ) : null}
    </article>
  );
}

function ModerationQueue({
  componentId,
  spaceSlug,
  proposals,
}: {
  componentId: string;
  spaceSlug: string;
  /** A proposals component: its proposals waiting for an answer are listed too. */
  proposals: boolean;
}) {
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const answerFeedback = useFeedback();
  const focusAfterRender = useFocusAfterRender();
  const reportsHeading = useRef<HTMLHeadingElement>(null);
  const { data, error } = useQuery(MODERATION_QUEUE_QUERY, { variables: { componentId } });
  if (error && !data)
    return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (!data) return <Loading />;
  const reported = data.moderationQueue.filter((item) => item.reportCount > 0 || item.hidden);
  const unanswered = data.moderationQueue.filter(
    (item) => item.resourceType === 'PROPOSAL' && item.unanswered,
  );
  return (
    <>
      <section aria-labelledby="reports-heading" className="panel">
        <h2 id="reports-heading" ref={reportsHeading} tabIndex={-1}>
          {t('proposals.moderation.reportsHeading')}
        </h2>
        <FeedbackMessages feedback={feedback} />
        {reported.length === 0 ? (
          <p>{t('proposals.moderation.noReports')}</p>
        ) : (
          <ul className="admin-list">
            {reported.map((item) => (
              <li key={`${item.resourceType}-${item.resourceId}`} className="admin-list__item">
                <ReportedItem
                  item={item}
                  componentId={componentId}
                  spaceSlug={spaceSlug}
                  feedback={feedback}
                  onDismissed={() => focusAfterRender(reportsHeading)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {proposals ? (
        <section aria-labelledby="unanswered-heading" className="panel">
          <h2 id="unanswered-heading">{t('proposals.moderation.unansweredHeading')}</h2>
          <FeedbackMessages feedback={answerFeedback} />
          {unanswered.length === 0 ? (
            <p>{t('proposals.moderation.noUnanswered')}</p>
          ) : (
            <ul className="admin-list">
              {unanswered.map((item) => (
                <li key={item.resourceId} className="admin-list__item">
                  <UnansweredItem
                    proposalId={item.resourceId}
                    componentId={componentId}
                    spaceSlug={spaceSlug}
                    feedback={answerFeedback}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}

function ReportedItem({
  item,
  componentId,
  spaceSlug,
  feedback,
  onDismissed,
}: {
  item: ModerationQueueItem;
  componentId: string;
  spaceSlug: string;
  feedback: Feedback;
  /** The reports were dismissed: the row is about to leave the list. */
  onDismissed: () => void;
}) {
  const { t, i18n } = useTranslation();
  const options = { refetchQueries: ['ModerationQueue'], awaitRefetchQueries: true };
  const [hide, hideState] = useMutation(HIDE_CONTENT_MUTATION, options);
  const [unhide, unhideState] = useMutation(UNHIDE_CONTENT_MUTATION, options);
  const [dismiss, dismissState] = useMutation(DISMISS_REPORTS_MUTATION, options);
  const variables = { resourceType: item.resourceType, resourceId: item.resourceId };
  /** The reporters' own words (« Précisions »), oldest first; who wrote them stays anonymous. */
  const precisions = item.reports.filter((report) => report.details.trim() !== '');

  /** Keeps the content: its reports are closed and it leaves this list (this row unmounts). */
  async function keep() {
    feedback.clear();
    try {
      const res = await dismiss({ variables });
      feedback.succeed(
        t(
          res.data?.dismissReports.hidden
            ? 'proposals.moderation.dismissedKeptHidden'
            : 'proposals.moderation.dismissedDone',
          { title: item.title, count: item.reportCount },
        ),
      );
      onDismissed();
    } catch (error) {
      feedback.fail(error);
    }
  }

  async function toggle() {
    feedback.clear();
    try {
      if (item.hidden) {
        await unhide({ variables });
        feedback.succeed(t('proposals.moderation.unhiddenDone'));
      } else {
        await hide({ variables });
        feedback.succeed(t('proposals.moderation.hiddenDone'));
      }
    } catch (error) {
      feedback.fail(error);
    }
  }

  return (
    <div className="admin-row">
      <div className="admin-row__main">
        <h3 className="admin-row__title">
          <span className="badge badge--state">
            {t(`proposals.moderation.type.${item.resourceType}`)}
          </span>{' '}
          <UserText>{item.title}</UserText>
        </h3>
        <p className="muted">
          {t('proposals.moderation.reportCount', { count: item.reportCount })} ·{' '}
          {item.reasons.length > 0 ? (
            <>
              {t('proposals.moderation.reasons', {
                reasons: item.reasons
                  .map((reason) => t(`moderation.report.reasons.${reason}`))
                  .join(', '),
              })}{' '}
              ·{' '}
            </>
          ) : null}
          {t('proposals.moderation.since', { date: formatDateTime(item.since, i18n.language) })} ·{' '}
          <span className={item.hidden ? 'badge badge--rejected' : 'badge badge--muted'}>
            {t(
              item.hiddenByBlock
                ? 'proposals.moderation.hiddenByBlock'
                : item.hidden
                  ? 'proposals.moderation.hidden'
                  : 'proposals.moderation.visible',
            )}
          </span>
        </p>
        {precisions.length > 0 ? (
          <details className="moderation-precisions">
            <summary>
              {t('proposals.moderation.precisions', { count: precisions.length })}{' '}
              <VisuallyHidden>
                : <UserText>{item.title}</UserText>
              </VisuallyHidden>
            </summary>
            <ul>
              {precisions.map((report, index) => (
                <li key={index}>
                  <p className="muted">
                    {t('proposals.moderation.reportLine', {
                      reason: t(`moderation.report.reasons.${report.reason}`),
                      date: formatDateTime(report.reportedAt, i18n.language),
                    })}
                  </p>
                  <p className="moderation-precisions__text" lang={CONTENT_LANGUAGE}>
                    {report.details}
                  </p>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {item.proposalId &&
        (item.resourceType === 'PROPOSAL' || item.resourceType === 'COMMENT') ? (
          <p>
            <Link to={proposalPath(spaceSlug, componentId, item.proposalId)}>
              {t('proposals.moderation.openProposal')}{' '}
              <VisuallyHidden>
                : <UserText>{item.title}</UserText>
              </VisuallyHidden>
            </Link>
          </p>
        ) : item.link ? (
          <p>
            <Link to={item.link}>
              {t('proposals.moderation.openContent')}{' '}
              <VisuallyHidden>
                : <UserText>{item.title}</UserText>
              </VisuallyHidden>
            </Link>
          </p>
        ) : null}
      </div>
      <div className="actions">
        {item.hiddenByBlock ? null : (
          <button
            type="button"
            className="button"
            disabled={hideState.loading || unhideState.loading}
            onClick={() => void toggle()}
          >
            {t(item.hidden ? 'proposals.moderation.unhide' : 'proposals.moderation.hide')}{' '}
            <VisuallyHidden>
              : <UserText>{item.title}</UserText>
            </VisuallyHidden>
          </button>
        )}
        {item.reportCount > 0 ? (
          <ConfirmButton
            label={t('proposals.moderation.dismiss')}
            target={
              <>
                : <UserText>{item.title}</UserText>
              </>
            }
            question={t('proposals.moderation.dismissQuestion', { title: item.title })}
            description={t(
              item.hiddenByBlock
                ? 'proposals.moderation.dismissExplainedBlocked'
                : item.hidden
                  ? 'proposals.moderation.dismissExplainedHidden'
                  : 'proposals.moderation.dismissExplained',
              { count: item.reportCount },
            )}
            disabled={dismissState.loading}
            onConfirm={keep}
          />
        ) : null}
      </div>
    </div>
  );
}

function UnansweredItem({
  proposalId,
  componentId,
  spaceSlug,
  feedback,
}: {
  proposalId: string;
  componentId: string;
  spaceSlug: string;
  feedback: Feedback;
}) {
  const { data } = useQuery(PROPOSAL_QUERY, { variables: { id: proposalId } });
  const proposal = data?.proposal;
  if (!proposal) return <Loading />;
  return (
    <div className="moderation-proposal">
      <p className="admin-row__title">
        <Link to={proposalPath(spaceSlug, componentId, proposal.id)}>
          {proposal.reference ? `${proposal.reference} ` : ''}
          <UserText>{proposal.title}</UserText>
        </Link>
      </p>
      <AnswerForm proposal={proposal} feedback={feedback} />
    </div>
  );
}
