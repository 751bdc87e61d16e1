import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { TextField } from '../../ui/components/Fields';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { ASSEMBLY_MINUTES_QUERY, MINUTES_SPACE_QUERY } from '../graphql/assembly';
import { MotionResultView, TallyTable } from './MotionResultView';
import { ParisTime, parisLocalToIso } from './ParisTime';
import { useCollegeName } from '../hooks/useCollegeName';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const day = (date: Date) => date.toISOString().slice(0, 10);
/** The calendar day after `yyyy-mm-dd` (the period's end is exclusive). */
const nextDay = (value: string) => day(new Date(Date.parse(`${value}T12:00:00Z`) + 86400_000));

/** `/espaces/:slug/proces-verbal`: the minutes of an Assemblée for a period, printable and downloadable as Markdown. */
export function MinutesPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [fromInput, setFromInput] = useState(() => day(new Date(Date.now() - 30 * 86400_000)));
  const [toInput, setToInput] = useState(() => day(new Date(Date.now() + 30 * 86400_000)));
  const [period, setPeriod] = useState({ from: fromInput, to: toInput });
  const collegeName = useCollegeName();
  const spaceQuery = useQuery(MINUTES_SPACE_QUERY, { variables: { slug } });
  const space = spaceQuery.data?.space;
  const minutesQuery = useQuery(ASSEMBLY_MINUTES_QUERY, {
    variables: {
      spaceId: space?.id ?? '',
      from: parisLocalToIso(`${period.from}T00:00`),
      to: parisLocalToIso(`${nextDay(period.to)}T00:00`),
    },
    skip: !space,
    fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(
    space ? t('minutes.documentTitle', { title: space.title }) : t('common.loading'),
  );
  const error = spaceQuery.error ?? (minutesQuery.data ? undefined : minutesQuery.error);
  if (error) return <QueryErrorView error={error} />;
  if (!space) return <Loading page />;
  const minutes = minutesQuery.data?.assemblyMinutes;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ from: fromInput, to: toInput });
  };
  const download = () => {
    if (!minutes) return;
    const url = URL.createObjectURL(
      new Blob([minutes.markdown], { type: 'text/markdown;charset=utf-8' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `proces-verbal-${space.slug}-${period.from}-${period.to}.md`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <article className="page minutes" aria-labelledby="page-title">
      <nav aria-label={t('spaces.breadcrumb')} className="breadcrumb no-print">
        <ol>
          <li>
            <Link to="/assemblees">{t('layout.nav.assemblies')}</Link>
          </li>
          <li>
            <Link to={`/espaces/${space.slug}`} lang={CONTENT_LANGUAGE}>
              {space.title}
            </Link>
          </li>
          <li>
            <span aria-current="page">{t('minutes.title')}</span>
          </li>
        </ol>
      </nav>
      <header className="page__header">
        <p className="eyebrow">{t('minutes.title')}</p>
        <h1 id="page-title" lang={CONTENT_LANGUAGE}>
          {space.title}
        </h1>
      </header>
      <form
        className="form form--inline no-print"
        onSubmit={apply}
        aria-label={t('minutes.periodForm')}
      >
        <TextField
          label={t('minutes.from')}
          type="date"
          value={fromInput}
          onChange={(e) => setFromInput(e.target.value)}
          required
        />
        <TextField
          label={t('minutes.to')}
          type="date"
          value={toInput}
          onChange={(e) => setToInput(e.target.value)}
          required
        />
        <button type="submit" className="button">
          {t('minutes.show')}
        </button>{' '}
        <button
          type="button"
          className="button button--primary"
          onClick={download}
          disabled={!minutes}
        >
          {t('minutes.download')}
        </button>{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          {t('minutes.print')}
        </button>
      </form>
      {!minutes ? (
        <Loading />
      ) : (
        <>
          <p>
            {t('minutes.period')} <ParisTime iso={minutes.from} language={i18n.language} /> –{' '}
            <ParisTime iso={minutes.to} language={i18n.language} /> {t('assembly.parisTime')}
          </p>
          <section aria-labelledby="minutes-members">
            <h2 id="minutes-members">{t('minutes.members', { count: minutes.members.length })}</h2>
            {minutes.members.length ? (
              <table className="table minutes__table">
                <caption className="visually-hidden">
                  {t('minutes.members', { count: minutes.members.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('minutes.memberName')}</th>
                    <th scope="col">{t('minutes.position')}</th>
                    <th scope="col">{t('minutes.college')}</th>
                    <th scope="col">{t('assembly.weightHeader')}</th>
                  </tr>
                </thead>
                <tbody>
                  {minutes.members.map((m, i) => (
                    <tr key={`${m.name}-${i}`}>
                      <td>{m.name}</td>
                      <td>{t(`spaces.position.${m.position}`)}</td>
                      <td>{m.college ? collegeName(m.college) : '—'}</td>
                      <td>{m.weight}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{t('spaces.noMembers')}</p>
            )}
          </section>
          <section aria-labelledby="minutes-motions">
            <h2 id="minutes-motions">{t('minutes.motions', { count: minutes.motions.length })}</h2>
            {minutes.motions.length === 0 ? <p>{t('minutes.noMotions')}</p> : null}
            {minutes.motions.map((motion) => (
              <article
                key={motion.id}
                className="minutes__motion"
                aria-labelledby={`minutes-${motion.id}`}
              >
                <h3 id={`minutes-${motion.id}`}>
                  {motion.reference ? `${motion.reference} — ` : ''}
                  <UserText>{motion.title}</UserText>
                </h3>
                <p>
                  {t('assembly.opens')}{' '}
                  {motion.opensAt ? (
                    <ParisTime iso={motion.opensAt} language={i18n.language} />
                  ) : (
                    '—'
                  )}{' '}
                  · {t('assembly.closes')}{' '}
                  {motion.closesAt ? (
                    <ParisTime iso={motion.closesAt} language={i18n.language} />
                  ) : (
                    '—'
                  )}
                </p>
                <p>
                  {t(`assembly.majority.${motion.majority}`)} ·{' '}
                  {t('assembly.quorum', { percent: motion.quorumPercent })} ·{' '}
                  {t(motion.secretBallot ? 'assembly.secret' : 'assembly.public')}
                </p>
                <SafeHtml html={motion.body} className="item__body" />
                {motion.result ? (
                  <MotionResultView result={motion.result} />
                ) : motion.tally ? (
                  <TallyTable tally={motion.tally} caption={t('assembly.tallyCaption')} />
                ) : (
                  <p>{t('assembly.tallyHidden')}</p>
                )}
              </article>
            ))}
          </section>
        </>
      )}
    </article>
  );
}
