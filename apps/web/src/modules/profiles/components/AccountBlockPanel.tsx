import { UserBlockLimits } from '@concerto/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField } from '../../ui/components/Fields';
import { Paragraphs } from '../../ui/components/Paragraphs';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { formatDateTime, formatNumber } from '../../ui/utils/dates';
import { BLOCK_USER_MUTATION, UNBLOCK_USER_MUTATION, USER_BLOCK_QUERY } from '../graphql/blocks';

/**
 * On a member’s page, for organization administrators: « Bloquer ce compte » with a reason
 * (the account can no longer sign in, its sessions are closed and its contributions hidden),
 * or, when it is blocked, since when, by whom, why, how many contributions the block hides, and
 * « Débloquer ce compte » behind a confirmation. After either, focus goes to the section’s
 * heading, which the status message follows. A reason too short, or refused by the API, is said
 * on the field with focus on the error summary.
 */
export function AccountBlockPanel({ userId, name }: { userId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const focusAfterRender = useFocusAfterRender();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's field, by the API's input key. */
  const fields = { reason: { id: `${prefix}-reason`, label: t('members.block.reason') } };
  const { data, loading } = useQuery(USER_BLOCK_QUERY, { variables: { userId } });
  const refresh = {
    refetchQueries: ['UserBlock', 'MemberProfile'],
    awaitRefetchQueries: true,
  };
  const [block, blocking] = useMutation(BLOCK_USER_MUTATION, refresh);
  const [unblock, unblocking] = useMutation(UNBLOCK_USER_MUTATION, refresh);
  const current = data?.userBlock ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (blocking.loading) return;
    feedback.clear();
    const text = reason.trim();
    const problems =
      text.length < UserBlockLimits.reasonMin
        ? [
            {
              fieldId: fields.reason.id,
              message: t('members.block.reasonTooShort', { min: UserBlockLimits.reasonMin }),
            },
          ]
        : [];
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const res = await block({ variables: { input: { userId, reason: text } } });
      setReason('');
      feedback.succeed(
        t('members.block.done', { name, count: res.data?.blockUser.hiddenCount ?? 0 }),
      );
      focusAfterRender(heading);
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  }

  async function lift() {
    feedback.clear();
    try {
      await unblock({ variables: { userId } });
      feedback.succeed(t('members.block.lifted', { name }));
      focusAfterRender(heading);
    } catch (caught) {
      feedback.fail(caught);
    }
  }

  return (
    <section aria-labelledby="account-block" className="members-page__block">
      <h2 id="account-block" ref={heading} tabIndex={-1}>
        {t('members.block.title')}
      </h2>
      {loading && !data ? null : current ? (
        <>
          <p>
            <strong>
              {t(current.blockedByName ? 'members.block.since' : 'members.block.sinceNobody', {
                date: formatDateTime(current.blockedAt, i18n.language),
                by: current.blockedByName,
              })}
            </strong>{' '}
            {t('members.block.hidden', { count: current.hiddenCount })}
          </p>
          <div className="members-page__block-reason">
            <p className="muted">{t('members.block.reasonHeading')}</p>
            <Paragraphs text={current.reason} />
          </div>
          <ConfirmButton
            label={t('members.block.unblock')}
            question={t('members.block.unblockQuestion', { name })}
            description={t('members.block.unblockExplained')}
            disabled={unblocking.loading}
            onConfirm={lift}
          />
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p className="muted">{t('members.block.explained')}</p>
          <ErrorSummary state={summary} />
          <TextAreaField
            {...summary.fieldProps(fields.reason)}
            hint={t('members.block.reasonHint', {
              min: UserBlockLimits.reasonMin,
              max: formatNumber(UserBlockLimits.reasonMax, i18n.language),
            })}
            value={reason}
            rows={3}
            maxLength={UserBlockLimits.reasonMax}
            onChange={(event) => setReason(event.target.value)}
          />
          <button
            type="submit"
            className="button button--danger"
            aria-disabled={blocking.loading || undefined}
          >
            {t('members.block.submit')}
          </button>
        </form>
      )}
      <FeedbackMessages feedback={feedback} />
    </section>
  );
}
