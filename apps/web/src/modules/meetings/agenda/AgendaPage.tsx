import { useQuery } from '@apollo/client/react';
import { MeetingType } from '@concerto/domain';
import {
  type CalendarDate,
  endOfMonth,
  parseAbsolute,
  startOfMonth,
  toCalendarDate,
  today,
} from '@internationalized/date';
import { useMemo, useRef, useState } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  Heading,
} from 'react-aria-components/Calendar';
import { useTranslation } from 'react-i18next';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SelectField } from '../../ui/components/Fields';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { MeetingCard } from '../components/MeetingCard';
import { formatMeetingDay } from '../meetingDates';
import { localeOf } from '../../ui/utils/dates';
import {
  AGENDA_MEETINGS_QUERY,
  AGENDA_SPACES_QUERY,
  type AgendaFilter,
  type AgendaMeeting,
} from './agenda.graphql';

/** Meetings are placed on days in Paris time. */
const TIME_ZONE = 'Europe/Paris';
const PAGE_SIZE = 20;
/** A month holds at most this many meetings on the month view (the list view pages further). */
const MONTH_MAX = 100;

/**
 * `/agenda`: meetings of every space the viewer may see (the `agendaMeetings` query), as a list
 * (upcoming or past, paged) or a month (React Aria's calendar grid: arrow keys move by day,
 * Page Up / Page Down by month; a day with meetings shows up to three dots, and choosing it
 * lists them). Filters by type and space apply to both views and live in the URL.
 */
export function AgendaPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('meetings.agendaPage.title'));
  const view = params.get('vue') === 'mois' ? 'month' : 'list';
  const type = (Object.values(MeetingType) as string[]).includes(params.get('type') ?? '')
    ? (params.get('type') as MeetingType)
    : null;
  const spaceId = params.get('espace') || null;
  const spaces = useQuery(AGENDA_SPACES_QUERY);
  const update = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const viewHref = (v: 'liste' | 'mois') => {
    const next = new URLSearchParams(params);
    next.set('vue', v);
    return `?${next.toString()}`;
  };
  return (
    <div className="page agenda" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title">{t('meetings.agendaPage.title')}</h1>
        <p className="lead">{t('meetings.agendaPage.lead')}</p>
      </header>
      <nav aria-label={t('meetings.agendaPage.views')} className="agenda__views">
        <ul>
          <li>
            <Link
              to={viewHref('liste')}
              aria-current={view === 'list' ? 'page' : undefined}
              className="agenda__view"
            >
              {t('meetings.agendaPage.listView')}
            </Link>
          </li>
          <li>
            <Link
              to={viewHref('mois')}
              aria-current={view === 'month' ? 'page' : undefined}
              className="agenda__view"
            >
              {t('meetings.agendaPage.monthView')}
            </Link>
          </li>
        </ul>
      </nav>
      <div
        className="agenda__filters field-row"
        role="group"
        aria-label={t('meetings.agendaPage.filters')}
      >
        <SelectField
          label={t('meetings.agendaPage.type')}
          value={type ?? ''}
          onChange={(e) => update('type', e.target.value || null)}
          options={[
            { value: '', label: t('meetings.agendaPage.allTypes') },
            ...Object.values(MeetingType).map((v) => ({
              value: v,
              label: t(`meetings.type.${v}`),
            })),
          ]}
        />
        <SelectField
          label={t('meetings.agendaPage.space')}
          value={spaceId ?? ''}
          onChange={(e) => update('espace', e.target.value || null)}
          options={[
            { value: '', label: t('meetings.agendaPage.allSpaces') },
            ...(spaces.data?.spaces ?? []).map((s) => ({ value: s.id, label: s.title })),
          ]}
        />
      </div>
      {view === 'list' ? (
        <AgendaList
          type={type}
          spaceId={spaceId}
          past={params.get('periode') === 'passees'}
          onPeriod={(past) => update('periode', past ? 'passees' : null)}
        />
      ) : (
        <AgendaMonth type={type} spaceId={spaceId} />
      )}
    </div>
  );
}

/** Upcoming (not yet ended, soonest first) or past meetings (latest first), 20 at a time. */
function AgendaList({
  type,
  spaceId,
  past,
  onPeriod,
}: {
  type: MeetingType | null;
  spaceId: string | null;
  past: boolean;
  onPeriod: (past: boolean) => void;
}) {
  const { t } = useTranslation();
  const [now] = useState(() => new Date().toISOString());
  const filter: AgendaFilter = { type, spaceId, ...(past ? { to: now } : { from: now }) };
  const order = past ? 'REVERSE_CHRONOLOGICAL' : 'CHRONOLOGICAL';
  const { data, error, refetch, fetchMore } = useQuery(AGENDA_MEETINGS_QUERY, {
    variables: { filter, first: PAGE_SIZE, order },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const page = data?.agendaMeetings;

  async function more() {
    if (!page?.pageInfo.endCursor) return;
    const shown = page.edges.length;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: page.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          agendaMeetings: {
            ...fetchMoreResult.agendaMeetings,
            edges: [...previous.agendaMeetings.edges, ...fetchMoreResult.agendaMeetings.edges],
          },
        }),
      });
      // the first new card's link takes the focus, so keyboard users continue where the list grew
      focusAfterRender(
        () => listRef.current?.querySelectorAll<HTMLAnchorElement>('.card__title a')[shown],
      );
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section aria-labelledby="agenda-list-heading">
      <h2 id="agenda-list-heading">
        {t(past ? 'meetings.agendaPage.past' : 'meetings.agendaPage.upcoming')}
      </h2>
      <p>
        <button type="button" className="button button--link" onClick={() => onPeriod(!past)}>
          {t(past ? 'meetings.agendaPage.showUpcoming' : 'meetings.agendaPage.showPast')}
        </button>
      </p>
      {error && !page ? (
        <QueryErrorView error={error} onRetry={() => void refetch()} />
      ) : !page ? (
        <Loading />
      ) : page.edges.length ? (
        <>
          <div className="cards" ref={listRef}>
            {page.edges.map(({ node }) => (
              <MeetingCard key={node.id} meeting={node} />
            ))}
          </div>
          {page.pageInfo.hasNextPage ? (
            <p>
              <button
                type="button"
                className="button"
                onClick={() => void more()}
                disabled={loadingMore}
              >
                {t('meetings.agendaPage.more')}
              </button>
            </p>
          ) : null}
        </>
      ) : (
        <p>{t(past ? 'meetings.agendaPage.nonePast' : 'meetings.agendaPage.noneUpcoming')}</p>
      )}
    </section>
  );
}

/** Paris calendar days a meeting covers, as `YYYY-MM-DD`. */
function daysOf(meeting: Pick<AgendaMeeting, 'startsAt' | 'endsAt'>): string[] {
  let day = toCalendarDate(parseAbsolute(meeting.startsAt, TIME_ZONE));
  // an end exactly at midnight does not put the meeting on the next day
  const last = toCalendarDate(
    parseAbsolute(new Date(new Date(meeting.endsAt).getTime() - 1).toISOString(), TIME_ZONE),
  );
  const days: string[] = [];
  while (day.compare(last) <= 0 && days.length < 15) {
    days.push(day.toString());
    day = day.add({ days: 1 });
  }
  return days;
}

/** A month as React Aria's calendar grid, each day with its meetings; the selected day's meetings (else the month's) listed below. */
function AgendaMonth({ type, spaceId }: { type: MeetingType | null; spaceId: string | null }) {
  const { t, i18n } = useTranslation();
  const [focused, setFocused] = useState<CalendarDate>(() => today(TIME_ZONE));
  const [selected, setSelected] = useState<CalendarDate | null>(null);
  const first = startOfMonth(focused);
  const filter: AgendaFilter = {
    type,
    spaceId,
    from: first.toDate(TIME_ZONE).toISOString(),
    to: endOfMonth(focused).add({ days: 1 }).toDate(TIME_ZONE).toISOString(),
  };
  const { data, previousData, error, refetch } = useQuery(AGENDA_MEETINGS_QUERY, {
    variables: { filter, first: MONTH_MAX, order: 'CHRONOLOGICAL' },
  });
  const edges = (data ?? previousData)?.agendaMeetings.edges;
  const truncated = (data ?? previousData)?.agendaMeetings.pageInfo.hasNextPage ?? false;
  const meetings = useMemo(() => edges?.map((e) => e.node) ?? [], [edges]);
  const byDay = useMemo(() => {
    const map = new Map<string, AgendaMeeting[]>();
    for (const m of meetings)
      for (const day of daysOf(m)) map.set(day, [...(map.get(day) ?? []), m]);
    return map;
  }, [meetings]);
  const shownDay =
    selected && selected.month === focused.month && selected.year === focused.year
      ? selected
      : null;
  const listed = shownDay ? (byDay.get(shownDay.toString()) ?? []) : meetings;
  const monthLabel = new Intl.DateTimeFormat(localeOf(i18n.language), {
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(first.toDate(TIME_ZONE));

  return (
    <section aria-labelledby="agenda-month-heading" className="agenda-month">
      <h2 id="agenda-month-heading" className="visually-hidden">
        {t('meetings.agendaPage.monthView')}
      </h2>
      {error && !data ? <QueryErrorView error={error} onRetry={() => void refetch()} /> : null}
      <Calendar
        aria-label={t('meetings.agendaPage.calendarLabel')}
        focusedValue={focused}
        onFocusChange={setFocused}
        value={selected}
        onChange={setSelected}
        className="agenda-month__calendar"
      >
        <header className="agenda-month__header">
          <Button slot="previous" className="button">
            <span aria-hidden="true">‹</span>
          </Button>
          <Heading className="agenda-month__title" />
          <Button slot="next" className="button">
            <span aria-hidden="true">›</span>
          </Button>
        </header>
        <CalendarGrid className="agenda-month__grid" weekdayStyle="short">
          {(date) => (
            <CalendarCell date={date} className="agenda-month__cell">
              {({ formattedDate, isOutsideMonth }) => {
                const count = isOutsideMonth ? 0 : (byDay.get(date.toString())?.length ?? 0);
                return (
                  <>
                    <span className="agenda-month__day">{formattedDate}</span>
                    {count ? (
                      // dots without text: the cell's accessible name is its date (React Aria's), and its
                      // visible text must stay part of it; the day's meetings are listed below when it is chosen
                      <span
                        className="agenda-month__dots"
                        data-count={count}
                        title={t('meetings.agendaPage.dayCount', { count })}
                        aria-hidden="true"
                      >
                        {Array.from({ length: Math.min(count, 3) }, (_, i) => (
                          <span key={i} className="agenda-month__dot" />
                        ))}
                      </span>
                    ) : null}
                  </>
                );
              }}
            </CalendarCell>
          )}
        </CalendarGrid>
      </Calendar>
      <section
        aria-labelledby="agenda-day-heading"
        aria-live="polite"
        className="agenda-month__list"
      >
        <h3 id="agenda-day-heading">
          {shownDay
            ? listed.length
              ? t('meetings.agendaPage.dayHeading', {
                  day: formatMeetingDay(shownDay.toDate(TIME_ZONE).toISOString(), i18n.language),
                  count: listed.length,
                })
              : formatMeetingDay(shownDay.toDate(TIME_ZONE).toISOString(), i18n.language)
            : listed.length
              ? t('meetings.agendaPage.monthHeading', { month: monthLabel, count: listed.length })
              : monthLabel}
        </h3>
        {truncated ? (
          <p className="notice">{t('meetings.agendaPage.truncated', { count: MONTH_MAX })}</p>
        ) : null}
        {!data && !previousData ? (
          <Loading />
        ) : listed.length ? (
          <div className="cards">
            {listed.map((m) => (
              <MeetingCard key={m.id} meeting={m} headingLevel={4} />
            ))}
          </div>
        ) : (
          <p>{t(shownDay ? 'meetings.agendaPage.noneDay' : 'meetings.agendaPage.noneMonth')}</p>
        )}
      </section>
    </section>
  );
}
