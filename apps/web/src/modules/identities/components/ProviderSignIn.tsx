import { useQuery } from '@apollo/client/react';
import { OIDC_ERROR_CODES, type OidcErrorCode } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { IDENTITY_PROVIDERS_QUERY, signInPath } from '../graphql/identities';
import '../identities.css';

/** The `oidc_error` code of the current URL, when it is one the API sends. */
export function useOidcError(): OidcErrorCode | null {
  const [params] = useSearchParams();
  const code = params.get('oidc_error');
  return code && (OIDC_ERROR_CODES as readonly string[]).includes(code)
    ? (code as OidcErrorCode)
    : null;
}

/**
 * The sign-in page's « Se connecter avec … » buttons, one per configured OpenID Connect provider
 * (nothing at all when none is configured), and the message of a failed provider sign-in.
 */
export function ProviderSignIn({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const error = useOidcError();
  const { data } = useQuery(IDENTITY_PROVIDERS_QUERY);
  const providers = data?.identityProviders ?? [];
  return (
    <>
      {error ? <ErrorAlert message={t(`identities.errors.${error}`)} /> : null}
      {providers.length > 0 ? (
        <section className="provider-sign-in" aria-labelledby="provider-sign-in-title">
          <h2 id="provider-sign-in-title">{t('identities.signInWithTitle')}</h2>
          <p>{t('identities.signInWithIntro')}</p>
          <ul className="provider-sign-in__list">
            {providers.map((provider) => (
              <li key={provider.key}>
                <a
                  className="button provider-sign-in__button"
                  href={signInPath(provider.key, returnTo)}
                >
                  {t('identities.signInWith', { label: provider.label })}
                </a>
              </li>
            ))}
          </ul>
          <p className="provider-sign-in__or">{t('identities.orWithPassword')}</p>
        </section>
      ) : null}
    </>
  );
}
