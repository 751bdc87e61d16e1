import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { SelectField, TextField, VisuallyHidden } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { type AdminSpaceRow } from '../graphql/admin';
import {
  ACTION_LOG_ACTIONS,
  ACTION_LOG_PAGE_SIZE,
  ACTION_LOG_RESOURCE_TYPES,
  ACTION_LOGS_QUERY,
  type ActionLogFilter,
  type ActionLogRow,
  type ActionLogVisibility,
} from '../graphql/actionLogs';
import { AdministeredSpaces } from './AdministeredSpaces';
import '../action-log.css';
import { DateTime } from '../../ui/components/DateTime';
import { UserText } from '../../ui/components/UserText';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** The filter form's fields (dates as the `<input type="date">` values, YYYY-MM-DD). */
export interface ActionLogFilterForm {
  spaceId: string;
  resourceType: string;
  action: string;
  visibility: ActionLogVisibility | '';
  from: string;
  to: string;
}

/**
 * The API filter for the form: empty fields dropped; `from` is the start of that day and `to`
 * the start of the day after (the end date is inclusive), both in the browser's time zone.
 */
export function toActionLogFilter(
  form: ActionLogFilterForm,
  actor: { id: string } | null,
): ActionLogFilter {
  const filter: ActionLogFilter = {};
  if (form.spaceId) filter.spaceId = form.spaceId;
  if (form.resourceType) filter.resourceType = form.resourceType;
  if (form.action) filter.action = form.action;
  if (form.visibility) filter.visibility = form.visibility;
  if (form.from) filter.from = new Date(`${form.from}T00:00:00`).toISOString();
  if (form.to) {
    const end = new Date(`${form.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    filter.to = end.toISOString();
  }
  if (actor) filter.userId = actor.id;
  return filter;
}

/**
 * `/admin/journal`: "Journal des actions". Organization admins see every line; a space admin
 * picks one of the spaces they administer (the API enforces it too).
 */
export function ActionLogPage() {
  return (
    <AdministeredSpaces>
      {(spaces, isOrgAdmin) => <ActionLogView spaces={spaces} isOrgAdmin={isOrgAdmin} />}
    </AdministeredSpaces>
  );
}

function ActionLogView({ spaces, isOrgAdmin }: { spaces: AdminSpaceRow[]; isOrgAdmin: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('actionLog.title'));
  const initial: ActionLogFilterForm = {
    spaceId: isOrgAdmin ? '' : spaces[0].id,
    resourceType: '',
    action: '',
    visibility: '',
    from: '',
    to: '',
  };
  const [draft, setDraft] = useState(initial);
  const [applied, setApplied] = useState(initial);
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const set = (field: keyof ActionLogFilterForm) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setApplied(draft);
  }
  function reset() {
    setDraft(initial);
    setApplied(initial);
    setActor(null);
  }

  const spaceOptions = [
    ...(isOrgAdmin ? [{ value: '', label: t('actionLog.allSpaces') }] : []),
    ...spaces.map((s) => ({ value: s.id, label: s.title })),
  ];
  return (
    <section className="page action-log" aria-labelledby="page-title">
      <p>
        <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <h1 id="page-title">{t('actionLog.title')}</h1>
      <p className="muted">{isOrgAdmin ? t('actionLog.intro') : t('actionLog.spaceAdminHint')}</p>
      <form
        className="form action-log__filters"
        aria-labelledby="action-log-filters"
        onSubmit={submit}
      >
        <h2 id="action-log-filters">{t('actionLog.filtersHeading')}</h2>
        <div className="action-log__fields">
          <SelectField
            label={t('actionLog.space')}
            options={spaceOptions}
            value={draft.spaceId}
            onChange={set('spaceId')}
          />
          <SelectField
            label={t('actionLog.resourceType')}
            options={[
              { value: '', label: t('actionLog.allTypes') },
              ...ACTION_LOG_RESOURCE_TYPES.map((type) => ({
                value: type,
                label: t(`actionLog.resourceTypes.${type}`),
              })),
            ]}
            value={draft.resourceType}
            onChange={set('resourceType')}
          />
          <SelectField
            label={t('actionLog.action')}
            options={[
              { value: '', label: t('actionLog.allActions') },
              ...ACTION_LOG_ACTIONS.map((action) => ({
                value: action,
                label: t(`actionLog.actions.${action}`),
              })),
            ]}
            value={draft.action}
            onChange={set('action')}
          />
          <SelectField
            label={t('actionLog.visibilityFilter')}
            options={[
              { value: '', label: t('actionLog.allVisibilities') },
              ...(['PUBLIC', 'ADMIN_ONLY', ...(isOrgAdmin ? ['PRIVATE'] : [])] as const).map(
                (v) => ({ value: v, label: t(`actionLog.visibility.${v}`) }),
              ),
            ]}
            value={draft.visibility}
            onChange={set('visibility')}
          />
          <TextField
            label={t('actionLog.from')}
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={set('from')}
          />
          <TextField
            label={t('actionLog.to')}
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={set('to')}
          />
        </div>
        {actor ? (
          <p className="action-log__actor">
            {t('actionLog.actor', { name: actor.name })}{' '}
            <button type="button" className="button button--link" onClick={() => setActor(null)}>
              {t('actionLog.reset')}
              <VisuallyHidden> — {t('actionLog.clearActor', { name: actor.name })}</VisuallyHidden>
            </button>
          </p>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('actionLog.apply')}
          </button>{' '}
          <button type="button" className="button" onClick={reset}>
            {t('actionLog.reset')}
          </button>
        </div>
      </form>
      <ActionLogTable filter={toActionLogFilter(applied, actor)} onActor={setActor} />
    </section>
  );
}

/** The lines matching `filter`, newest first, with "Charger plus". */
export function ActionLogTable({
  filter,
  onActor,
}: {
  filter: ActionLogFilter;
  onActor: (actor: { id: string; name: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(ACTION_LOGS_QUERY, {
    variables: { filter, first: ACTION_LOG_PAGE_SIZE },
    fetchPolicy: 'network-only',
  });
  if (error && !data)
    return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (loading && !data) return <Loading />;
  const page = data?.actionLogs;
  const rows: ActionLogRow[] = page?.nodes ?? [];

  async function loadMore() {
    if (!page?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: page.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) =>
          ({
            actionLogs: {
              ...fetchMoreResult.actionLogs,
              nodes: [...(previous.actionLogs?.nodes ?? []), ...fetchMoreResult.actionLogs.nodes],
            },
          }) as typeof fetchMoreResult,
      });
    } finally {
      setLoadingMore(false);
    }
  }

  if (!rows.length) return <p>{t('actionLog.empty')}</p>;
  return (
    <>
      <p className="muted" aria-live="polite">
        {t('actionLog.count', { count: rows.length })}
      </p>
      <div className="table-wrapper">
        <table className="table action-log__table">
          <caption>{t('actionLog.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actionLog.columns.date')}</th>
              <th scope="col">{t('actionLog.columns.actor')}</th>
              <th scope="col">{t('actionLog.columns.action')}</th>
              <th scope="col">{t('actionLog.columns.resource')}</th>
              <th scope="col">{t('actionLog.columns.space')}</th>
              <th scope="col">{t('actionLog.columns.visibility')}</th>
              <th scope="col">{t('actionLog.columns.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <DateTime iso={row.createdAt} style="short" />
                </td>
                <td>
                  {row.actor ? (
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => onActor(row.actor!)}
                    >
                      {row.actor.name}
                      <VisuallyHidden>
                        {' '}
                        — {t('actionLog.filterActor', { name: row.actor.name })}
                      </VisuallyHidden>
                    </button>
                  ) : (
                    <span className="muted">{t('actionLog.system')}</span>
                  )}
                </td>
                <th scope="row">
                  {t(`actionLog.actions.${row.action}`, { defaultValue: row.action })}
                </th>
                <td>
                  {t(`actionLog.resourceTypes.${row.resourceType}`, {
                    defaultValue: row.resourceType,
                  })}
                </td>
                <td>{row.spaceTitle ? <UserText>{row.spaceTitle}</UserText> : '—'}</td>
                <td>{t(`actionLog.visibility.${row.visibility}`)}</td>
                <td lang={CONTENT_LANGUAGE}>{row.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page?.pageInfo.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => void loadMore()}
            disabled={loadingMore}
          >
            {loadingMore ? t('actionLog.loadingMore') : t('actionLog.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}
