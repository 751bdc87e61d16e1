import { useApolloClient, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { SelectField, TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf } from '../../ui/feedback/fieldChecks';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { describeChoice } from '../ballot-display';
import {
  BALLOTS_QUERY,
  CHECK_BALLOT_RECEIPT_QUERY,
  type Ballot,
  type BallotChoice,
} from '../graphql/ballots';
import { ReceiptExplanation } from './ReceiptExplanation';
import '../ballots.css';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

type Outcome =
  | { kind: 'found'; choices: Record<string, BallotChoice> }
  | { kind: 'notFound' }
  | { kind: 'error'; message: string };

/**
 * `/espaces/:slug/f/:componentId/votations/verifier` (any votation of the component) and
 * `…/votations/:ballotId/verifier`: paste a receipt code, see the choices the published list
 * holds for it — after the close; before it, or for an unknown code, a clear message. The
 * result takes the focus. No votation chosen, or an empty or malformed code, is said on its field
 * before asking, and a code the API refuses lands on it, with focus on the error summary.
 */
export function VerifyReceiptPage() {
  const focusAfterRender = useFocusAfterRender();
  const { slug = '', componentId = '', ballotId: fixedBallot } = useParams();
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(BALLOTS_QUERY, { variables: { componentId } });
  const [ballotId, setBallotId] = useState(fixedBallot ?? '');
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const summary = useErrorSummary();
  /** The form's fields, by the API's argument name. */
  const fields = {
    ballotId: { id: 'verify-ballot', label: t('votes.verify.ballot') },
    code: { id: 'verify-code', label: t('votes.verify.code') },
  };
  useDocumentTitle(t('votes.verify.title'));
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading page />;
  const withReceipts = data.ballots.filter((b) => b.receiptsEnabled);
  const chosen: Ballot | undefined = data.ballots.find(
    (b) => b.id === (ballotId || withReceipts[0]?.id),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    const compact = code.replace(/[\s-]/g, '');
    const problems = problemsOf(
      !chosen && { fieldId: fields.ballotId.id, message: t('votes.verify.ballotRequired') },
      !/^[0-9A-Za-z]{12}$/.test(compact) && {
        fieldId: fields.code.id,
        message: t('votes.verify.codeMalformed'),
      },
    );
    summary.report(problems);
    if (!chosen || problems.length > 0) return;
    setBusy(true);
    try {
      const result = await client.query({
        query: CHECK_BALLOT_RECEIPT_QUERY,
        variables: { ballotId: chosen.id, code },
        fetchPolicy: 'network-only',
      });
      const check = result.data?.checkBallotReceipt;
      setOutcome(
        check?.found && check.choices
          ? { kind: 'found', choices: check.choices }
          : { kind: 'notFound' },
      );
    } catch (failure) {
      const info = parseApiError(failure);
      if (info.code === 'BAD_USER_INPUT' && summary.reportApiError(failure, fields)) {
        setBusy(false);
        return;
      }
      setOutcome({
        kind: 'error',
        message:
          info.code === 'CONFLICT'
            ? t('votes.verify.notClosed')
            : errorMessage(info, t, i18n.language),
      });
    }
    setBusy(false);
    focusAfterRender(resultRef);
  }

  return (
    <article className="page votes" aria-labelledby="page-title">
      <header className="page__header">
        <p className="eyebrow">{t('votes.eyebrow')}</p>
        <h1 id="page-title">{t('votes.verify.title')}</h1>
        <p className="lead">{t('votes.verify.intro')}</p>
      </header>
      {withReceipts.length === 0 ? (
        <p className="notice">{t('votes.verify.noReceipts')}</p>
      ) : (
        <form className="form panel" noValidate onSubmit={submit}>
          <ErrorSummary state={summary} />
          {fixedBallot && chosen ? (
            <p>
              {t('votes.verify.forBallot')} <strong lang={CONTENT_LANGUAGE}>{chosen.title}</strong>
            </p>
          ) : (
            <SelectField
              {...summary.fieldProps(fields.ballotId)}
              value={chosen?.id ?? ''}
              onChange={(e) => setBallotId(e.target.value)}
              options={withReceipts.map((b) => ({
                value: b.id,
                label: `${b.title} (${t(`votes.status.${b.status}`)})`,
              }))}
            />
          )}
          <TextField
            {...summary.fieldProps(fields.code)}
            hint={t('votes.verify.codeHint')}
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('votes.verify.submit')}
            </button>
          </div>
        </form>
      )}
      {outcome && chosen ? (
        <section aria-labelledby="verify-result" className="panel" aria-live="polite">
          <h2 id="verify-result" ref={resultRef} tabIndex={-1}>
            {outcome.kind === 'found'
              ? t('votes.verify.found')
              : outcome.kind === 'notFound'
                ? t('votes.verify.notFound')
                : t('votes.verify.failed')}
          </h2>
          {outcome.kind === 'found' ? (
            <>
              <p>{t('votes.verify.foundExplained')}</p>
              <dl className="booth-review">
                {chosen.questions.map((q) => (
                  <div key={q.id} className="booth-review__item">
                    <dt lang={CONTENT_LANGUAGE}>{q.title}</dt>
                    <dd>
                      <ul>
                        {describeChoice(outcome.choices[q.id], q, t).map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          ) : outcome.kind === 'notFound' ? (
            <p>{t('votes.verify.notFoundExplained')}</p>
          ) : (
            <ErrorAlert message={outcome.message} />
          )}
        </section>
      ) : null}
      <ReceiptExplanation />
      <p>
        <Link to={`/espaces/${slug}/f/${componentId}`}>{t('votes.verify.backToList')}</Link>
      </p>
    </article>
  );
}
