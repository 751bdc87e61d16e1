import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/utils/dates';
import { MY_TERMS_ACCEPTANCES_QUERY } from '../graphql/account';

const PATHS = { TERMS: '/conditions', PRIVACY: '/confidentialite' } as const;

/** "Conditions acceptées": every version of the terms and privacy notice the user accepted, and when. */
export function TermsAcceptancesSection() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(MY_TERMS_ACCEPTANCES_QUERY);
  const acceptances = data?.myTermsAcceptances ?? [];
  return (
    <section className="account-section" aria-labelledby="account-terms">
      <h2 id="account-terms">{t('account.acceptancesTitle')}</h2>
      {acceptances.length === 0 ? (
        <p>{t('account.noAcceptance')}</p>
      ) : (
        <ul>
          {acceptances.map((a) => (
            <li key={`${a.kind}-${a.version}`}>
              <Link to={PATHS[a.kind]}>{t(`account.documents.${a.kind}`)}</Link>{' '}
              {t('account.acceptedVersion', {
                version: a.version,
                date: formatDateTime(a.acceptedAt, i18n.language),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
