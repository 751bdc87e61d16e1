import '../statistics.css';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { formatNumber, formatPercent } from '../../ui/utils/dates';
import { PARTICIPATION_BY_TYPOLOGY_QUERY, type TypologyParticipation } from '../graphql/statistics';
import { AsOf } from './KeyFiguresList';

/**
 * The space admin's « Participation par typologie »: the space's distinct participants per
 * profile typology next to the platform's members per typology, with both shares, as a table.
 */
export function ParticipationByTypologyAdmin({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(PARTICIPATION_BY_TYPOLOGY_QUERY, {
    variables: { spaceId },
    fetchPolicy: 'cache-and-network',
  });
  const p = data?.participationByTypology;
  const share = (n: number, of: number) => (of > 0 ? formatPercent(n / of, i18n.language) : '—');
  const label = (r: TypologyParticipation) => r.label ?? t('statistics.typologies.none');
  return (
    <section aria-labelledby="participation-by-typology" className="admin-section">
      <h2 id="participation-by-typology">{t('statistics.participation.title')}</h2>
      <p>{t('statistics.participation.intro')}</p>
      {error && !p ? (
        <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />
      ) : loading && !p ? (
        <Loading />
      ) : p ? (
        <>
          <p>
            {t('statistics.participation.summary', {
              count: p.participants,
              formatted: formatNumber(p.participants, i18n.language),
              members: formatNumber(p.members, i18n.language),
            })}
          </p>
          <table className="results-table">
            <caption>{t('statistics.participation.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statistics.participation.typology')}</th>
                <th scope="col">{t('statistics.participation.participants')}</th>
                <th scope="col">{t('statistics.participation.participantsShare')}</th>
                <th scope="col">{t('statistics.participation.members')}</th>
                <th scope="col">{t('statistics.participation.membersShare')}</th>
              </tr>
            </thead>
            <tbody>
              {p.typologies.map((r) => (
                <tr key={r.typologyKey ?? ''}>
                  <th scope="row">{label(r)}</th>
                  <td>{formatNumber(r.participants, i18n.language)}</td>
                  <td>{share(r.participants, p.participants)}</td>
                  <td>{formatNumber(r.members, i18n.language)}</td>
                  <td>{share(r.members, p.members)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <AsOf asOf={p.asOf} />
        </>
      ) : null}
    </section>
  );
}
