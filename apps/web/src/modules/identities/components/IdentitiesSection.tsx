import { useMutation, useQuery } from '@apollo/client/react';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert, FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { formatDateTime } from '../../ui/utils/dates';
import {
  IDENTITY_PROVIDERS_QUERY,
  linkPath,
  MY_SIGN_IN_METHODS_QUERY,
  UNLINK_IDENTITY_MUTATION,
  type LinkedIdentity,
} from '../graphql/identities';
import { useOidcError } from './ProviderSignIn';
import '../identities.css';

/**
 * « Identités connectées » on `/mon-compte`: the OpenID Connect identities linked to the account
 * (unlink, refused while it is the last way to sign in), a « Lier » link per configured provider,
 * and the outcome of a link or of a sign-up through a provider (`?oidc_linked`, `?oidc_error`,
 * `?bienvenue=oidc`). Hidden when no provider is configured and none is linked.
 */
export function IdentitiesSection() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const error = useOidcError();
  const feedback = useFeedback();
  const heading = useRef<HTMLHeadingElement>(null);
  const providers = useQuery(IDENTITY_PROVIDERS_QUERY).data?.identityProviders ?? [];
  const methods = useQuery(MY_SIGN_IN_METHODS_QUERY).data?.mySignInMethods;
  const [unlink, { loading }] = useMutation(UNLINK_IDENTITY_MUTATION, {
    refetchQueries: [MY_SIGN_IN_METHODS_QUERY],
    awaitRefetchQueries: true,
  });
  const identities = methods?.identities ?? [];
  const visible = providers.length > 0 || identities.length > 0;
  const outcome = params.has('oidc_linked') || params.get('bienvenue') === 'oidc' || error !== null;
  const shown = useRef(false);
  // back from the provider: bring the outcome (far down the page) into view and focus
  useLayoutEffect(() => {
    if (!visible || !outcome || shown.current) return;
    shown.current = true;
    heading.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus();
  }, [visible, outcome]);
  if (!visible) return null;
  const linkedKey = params.get('oidc_linked');
  const linkedLabel = linkedKey
    ? (providers.find((p) => p.key === linkedKey)?.label ?? linkedKey)
    : null;

  async function remove(identity: LinkedIdentity) {
    feedback.clear();
    try {
      await unlink({ variables: { id: identity.id } });
      feedback.succeed(t('identities.unlinked', { label: identity.providerLabel }));
    } catch (err) {
      feedback.fail(err, { CONFLICT: t('identities.lastWay') });
    }
    // the button pressed may be gone: keep the focus in the section
    heading.current?.focus();
  }

  return (
    <section className="account-section" aria-labelledby="account-identities">
      <h2 id="account-identities" ref={heading} tabIndex={-1}>
        {t('identities.title')}
      </h2>
      {params.get('bienvenue') === 'oidc' ? (
        <p className="notice">{t('identities.welcomeCreated')}</p>
      ) : null}
      {linkedLabel ? (
        <p className="notice">{t('identities.linked', { label: linkedLabel })}</p>
      ) : null}
      {error ? <ErrorAlert message={t(`identities.errors.${error}`)} /> : null}
      <p>{t('identities.intro')}</p>
      {identities.length > 0 ? (
        <ul className="identities-list" aria-label={t('identities.listLabel')}>
          {identities.map((identity) => (
            <li key={identity.id}>
              <span>
                <strong>{identity.providerLabel}</strong>
                {identity.email ? ` — ${identity.email}` : ''}
                {identity.professionalId
                  ? ` — ${t('identities.professionalId', { id: identity.professionalId })}`
                  : ''}
                <br />
                <small>
                  {t('identities.lastSignIn', {
                    date: formatDateTime(identity.lastSignInAt, i18n.language),
                  })}
                </small>
              </span>
              {identity.unlinkable ? (
                <button
                  type="button"
                  className="button"
                  disabled={loading}
                  onClick={() => void remove(identity)}
                >
                  {t('identities.unlink', { label: identity.providerLabel })}
                </button>
              ) : (
                <small className="identities-list__keep">{t('identities.lastWay')}</small>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('identities.none')}</p>
      )}
      <FeedbackMessages feedback={feedback} />
      {providers.length > 0 ? <p>{t('identities.linkHint')}</p> : null}
      {providers.length > 0 ? (
        <ul className="provider-sign-in__list">
          {providers.map((provider) => (
            <li key={provider.key}>
              <a className="button" href={linkPath(provider.key)}>
                {t('identities.link', { label: provider.label })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
