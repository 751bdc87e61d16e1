import { useMutation, useQuery } from '@apollo/client/react';
import { TermsDocumentKind } from '@concerto/domain';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import '../account.css';
import {
  ACCEPT_TERMS_MUTATION,
  MY_TERMS_ACCEPTANCES_QUERY,
  PENDING_TERMS_QUERY,
  TERMS_DOCUMENTS_QUERY,
} from '../graphql/account';

const PATHS = { TERMS: '/conditions', PRIVACY: '/confidentialite' } as const;
/** Pages a user may read before accepting: the documents themselves and the account page. */
const ALWAYS_OPEN = new Set(['/conditions', '/confidentialite', '/mon-compte']);

/**
 * Shows the page unless the signed-in user has not accepted the current terms or privacy
 * notice (`pendingTerms`): then a blocking panel asks them to read and accept the new versions.
 */
export function TermsGate({ children }: { children: ReactNode }) {
  const { me } = useMe();
  const location = useLocation();
  const pending = useQuery(PENDING_TERMS_QUERY, { skip: !me });
  const documents = me ? (pending.data?.pendingTerms ?? []) : [];
  if (documents.length === 0 || ALWAYS_OPEN.has(location.pathname)) return <>{children}</>;
  return <TermsAcceptancePanel kinds={documents.map((d) => d.kind)} />;
}

function TermsAcceptancePanel({ kinds }: { kinds: TermsDocumentKind[] }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const checkboxId = useId();
  const [checked, setChecked] = useState(false);
  const [missing, setMissing] = useState(false);
  const current = useQuery(TERMS_DOCUMENTS_QUERY, { fetchPolicy: 'network-only' });
  const [accept, { loading }] = useMutation(ACCEPT_TERMS_MUTATION, {
    refetchQueries: [PENDING_TERMS_QUERY, MY_TERMS_ACCEPTANCES_QUERY],
    awaitRefetchQueries: true,
  });
  const versionOf = (kind: TermsDocumentKind) =>
    current.data?.termsDocuments.find((d) => d.kind === kind)?.version;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    if (!checked) {
      setMissing(true);
      return;
    }
    const termsVersion = versionOf(TermsDocumentKind.TERMS);
    const privacyVersion = versionOf(TermsDocumentKind.PRIVACY);
    if (!termsVersion || !privacyVersion) return;
    try {
      await accept({ variables: { input: { termsVersion, privacyVersion } } });
    } catch (error) {
      void current.refetch();
      feedback.fail(error, { BAD_USER_INPUT: t('account.termsChanged') });
    }
  }

  return (
    <section className="page page--narrow terms-gate" aria-labelledby="page-title">
      <h1 id="page-title">{t('account.gateTitle')}</h1>
      <p>{t('account.gateIntro')}</p>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <Link to={PATHS[kind]}>{t(`account.documents.${kind}`)}</Link>
          </li>
        ))}
      </ul>
      <form className="form" noValidate onSubmit={submit} aria-busy={loading || undefined}>
        <div
          className={['field', 'field--checkbox', missing && !checked ? 'field--invalid' : '']
            .filter(Boolean)
            .join(' ')}
        >
          <input
            id={checkboxId}
            type="checkbox"
            required
            checked={checked}
            onChange={(event) => setChecked(event.target.checked)}
            aria-invalid={missing && !checked ? true : undefined}
            aria-describedby={missing && !checked ? `${checkboxId}-error` : undefined}
          />
          <label htmlFor={checkboxId}>{t('account.consentLabel')}</label>
          {missing && !checked ? (
            <p id={`${checkboxId}-error`} className="field__error">
              {t('account.consentRequired')}
            </p>
          ) : null}
        </div>
        <FeedbackMessages feedback={feedback} />
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={loading || !current.data}
          >
            {t('account.acceptAndContinue')}
          </button>
        </div>
      </form>
    </section>
  );
}
