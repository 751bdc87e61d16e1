import { useMutation } from '@apollo/client/react';
import '../moderation.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { SelectField, TextAreaField, VisuallyHidden } from '../../ui/components/Fields';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';
import {
  REPORT_CONTENT_MUTATION,
  REPORT_DETAILS_MAX,
  REPORT_REASONS,
  type ReportableType,
  type ReportReason,
} from '../graphql/moderation';
import { UserText } from '../../ui/components/UserText';

/** The GraphQL type of each reportable type, whose cached `viewerReported` a report sets. */
const TYPENAME: Record<ReportableType, string> = {
  PROPOSAL: 'Proposal',
  COMMENT: 'Comment',
  AMENDMENT: 'Amendment',
  PETITION: 'Petition',
  MEETING: 'Meeting',
  BALLOT: 'Ballot',
  IDEA: 'Idea',
  DEBATE: 'Debate',
  DEBATE_STATEMENT: 'DebateStatement',
  NEWS_POST: 'NewsPost',
};

interface ReportFormProps {
  resourceType: ReportableType;
  resourceId: string;
  /**
   * Names the reported content for screen readers ("Signaler : <title>"): content, in the
   * content language, unless `targetIsInterface`.
   */
  target: string;
  /** The target is an interface string (« le commentaire de Marie »), not content. */
  targetIsInterface?: boolean;
  /** The caller already reported it. */
  reported: boolean;
  /** Queries that show the report (default: `Proposal` for a proposal, `Comments` otherwise). */
  refetchQueries?: string[];
}

/**
 * "Signaler": a disclosure button opening a small form (reason + details). A second report of
 * the same content (CONFLICT) says "Vous avez déjà signalé ce contenu." The details' length is
 * checked before sending; a problem, or the API's refusal of a field, is shown on its field with
 * focus on the error summary.
 */
export function ReportForm({
  resourceType,
  resourceId,
  target,
  targetIsInterface = false,
  reported,
  refetchQueries,
}: ReportFormProps) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('SPAM');
  const [details, setDetails] = useState('');
  const summary = useErrorSummary();
  /** The form's fields, by the API's input key. */
  const fields = {
    reason: { id: `${formId}-reason`, label: t('moderation.report.reason') },
    details: { id: `${formId}-details`, label: t('moderation.report.details') },
  };
  const [sent, setSent] = useState(false);
  /** Reported meanwhile from another tab or device: the API answered CONFLICT. */
  const [reportedElsewhere, setReportedElsewhere] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const thanksRef = useRef<HTMLParagraphElement>(null);
  const alreadyRef = useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const [report, { loading }] = useMutation(REPORT_CONTENT_MUTATION, {
    refetchQueries: refetchQueries ?? (resourceType === 'PROPOSAL' ? ['Proposal'] : ['Comments']),
    // the item's page, left and opened again from the cache, knows it was reported
    update(cache) {
      cache.modify({
        id: cache.identify({ __typename: TYPENAME[resourceType], id: resourceId }),
        fields: { viewerReported: () => true },
      });
    },
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.details, details, { max: REPORT_DETAILS_MAX }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await report({
        variables: { input: { resourceType, resourceId, reason, details: details.trim() || null } },
      });
      setSent(true);
      setOpen(false);
      // the toggle and the form leave the page: focus goes to the thanks, never to <body>
      focusAfterRender(thanksRef);
    } catch (error) {
      if (parseApiError(error).code === 'BAD_USER_INPUT' && summary.reportApiError(error, fields))
        return;
      const info = feedback.fail(error, {
        UNAUTHENTICATED: t('moderation.report.signInRequired'),
      });
      if (info.code === 'CONFLICT') {
        // already reported (another tab): the form closes and says so, as after a reload
        feedback.clear();
        setReportedElsewhere(true);
        setOpen(false);
        focusAfterRender(alreadyRef);
      }
    }
  }

  if ((reported || reportedElsewhere) && !sent)
    return (
      <p ref={alreadyRef} tabIndex={-1} role="status" className="muted">
        {t('moderation.report.already')}
      </p>
    );
  return (
    <div className="report-action">
      {!sent ? (
        <button
          ref={toggleRef}
          type="button"
          className="button button--link"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => setOpen((value) => !value)}
        >
          {t('moderation.report.button')}{' '}
          <VisuallyHidden>
            : {targetIsInterface ? target : <UserText>{target}</UserText>}
          </VisuallyHidden>
        </button>
      ) : null}
      <div id={formId} hidden={!open}>
        {open ? (
          <form
            className="form subpanel"
            noValidate
            onSubmit={submit}
            aria-label={`${t('moderation.report.heading')} : ${target}`}
          >
            <ErrorSummary state={summary} />
            <SelectField
              {...summary.fieldProps(fields.reason)}
              name="reason"
              value={reason}
              onChange={(event) => setReason(event.target.value as ReportReason)}
              options={REPORT_REASONS.map((value) => ({
                value,
                label: t(`moderation.report.reasons.${value}`),
              }))}
            />
            <TextAreaField
              {...summary.fieldProps(fields.details.id)}
              label={`${fields.details.label} (${t('common.optional')})`}
              name="details"
              rows={3}
              maxLength={REPORT_DETAILS_MAX}
              value={details}
              onChange={(event) => setDetails(event.target.value)}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={loading}>
                {t('moderation.report.submit')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setOpen(false);
                  toggleRef.current?.focus();
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : null}
      </div>
      {sent ? (
        <p ref={thanksRef} tabIndex={-1} role="status" className="message message--success">
          {t('moderation.report.sent')}
        </p>
      ) : null}
      <FeedbackMessages feedback={feedback} />
    </div>
  );
}
