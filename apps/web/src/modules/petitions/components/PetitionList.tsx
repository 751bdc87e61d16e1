import { PetitionLimits } from '@concerto/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { useLivePetitionCounts } from '../hooks/useLivePetitionCounts';
import { EmptyState } from '../../ui/components/EmptyState';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, SelectField, TextField } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { integerProblem, problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  CREATE_PETITION_MUTATION,
  CREATE_PETITION_TYPE_MUTATION,
  PETITION_SORTS,
  PETITION_TYPES_QUERY,
  PETITIONS_QUERY,
  type PetitionFilter,
  type PetitionSort,
} from '../graphql/petitions';
import { sortPetitions } from '../petition-display';
import { PetitionProgress, PetitionStateBadge } from './PetitionProgress';
import '../petitions.css';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

const PUBLIC_FILTERS: PetitionFilter[] = ['OPEN', 'ACCEPTED', 'ANSWERED', 'ALL'];

/** The list's place in the address (`?filtre=acceptees&tri=recentes`), defaults left out. */
const FILTER_SLUGS: Record<PetitionFilter, string> = {
  OPEN: 'ouvertes',
  ACCEPTED: 'acceptees',
  ANSWERED: 'repondues',
  ALL: 'toutes',
  MINE: 'miennes',
  VALIDATING: 'a-valider',
};
const SORT_SLUGS: Record<PetitionSort, string> = {
  SIGNATURES: 'signatures',
  RECENT: 'recentes',
  ENDING_SOON: 'fin-proche',
};
const DEFAULT_FILTER: PetitionFilter = 'OPEN';
const DEFAULT_SORT: PetitionSort = 'SIGNATURES';

function bySlug<K extends string>(slugs: Record<K, string>, slug: string | null): K | undefined {
  return (Object.keys(slugs) as K[]).find((key) => slugs[key] === slug);
}

/**
 * « Pétitions » of a PETITIONS component: filters (open, accepted, answered, all; « Mes
 * pétitions » and the admins' « À valider » queue), orders (signatures, recent, ending soon),
 * both kept in the address (Back, a reload and a shared link show the same list); cards with
 * progress; forms to start a petition and, for organization admins, a type.
 */
export function PetitionList({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const { me, loading: meLoading } = useMe();
  const [params, setParams] = useSearchParams();
  const asked = bySlug(FILTER_SLUGS, params.get('filtre')) ?? DEFAULT_FILTER;
  // « Mes pétitions » and « À valider » need a session: a visitor's link falls back to the default
  const filter: PetitionFilter =
    !PUBLIC_FILTERS.includes(asked) && !me && !meLoading ? DEFAULT_FILTER : asked;
  const sort = bySlug(SORT_SLUGS, params.get('tri')) ?? DEFAULT_SORT;
  const update = (name: 'filtre' | 'tri', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  const setFilter = (next: PetitionFilter) =>
    update('filtre', next === DEFAULT_FILTER ? null : FILTER_SLUGS[next]);
  const setSort = (next: PetitionSort) =>
    update('tri', next === DEFAULT_SORT ? null : SORT_SLUGS[next]);
  const { data, loading, error, refetch } = useQuery(PETITIONS_QUERY, {
    variables: { componentId, filter },
    fetchPolicy: 'cache-and-network',
  });
  useLivePetitionCounts(`component:${componentId}`);
  const filters: PetitionFilter[] = [
    ...PUBLIC_FILTERS,
    ...(me ? (['MINE', 'VALIDATING'] as PetitionFilter[]) : []),
  ];
  const petitions = sortPetitions(data?.petitions ?? [], sort);

  return (
    <div className="petitions">
      <section aria-labelledby="petitions-list-title">
        <h2 id="petitions-list-title">{t('petitions.listTitle')}</h2>
        <div className="toolbar">
          <div role="group" aria-label={t('petitions.filterLabel')} className="segmented">
            {filters.map((f) => (
              <button
                key={f}
                type="button"
                className="button button--small"
                aria-pressed={filter === f}
                onClick={() => setFilter(f)}
              >
                {t(`petitions.filter.${f}`)}
              </button>
            ))}
          </div>
          <SelectField
            label={t('petitions.sortLabel')}
            value={sort}
            onChange={(e) => setSort(e.target.value as PetitionSort)}
            options={PETITION_SORTS.map((s) => ({ value: s, label: t(`petitions.sort.${s}`) }))}
          />
        </div>
        {error && !data ? (
          <QueryErrorView error={error} onRetry={() => void refetch()} />
        ) : loading && !data ? (
          <Loading />
        ) : petitions.length === 0 ? (
          <EmptyState text={t(`petitions.emptyFor.${filter}`)} />
        ) : (
          <ul className="card-list">
            {petitions.map((p) => (
              <li key={p.id} className="card">
                <h3 className="card__title">
                  <Link to={p.link} lang={CONTENT_LANGUAGE}>
                    {p.title}
                  </Link>
                </h3>
                <p>
                  <PetitionStateBadge state={p.state} />{' '}
                  <span className="field__hint" lang={CONTENT_LANGUAGE}>
                    {p.type.title}
                  </span>
                </p>
                {p.state === 'CREATED' ||
                p.state === 'VALIDATING' ||
                p.state === 'DISCARDED' ? null : (
                  <PetitionProgress petition={p} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {me ? <NewPetitionForm componentId={componentId} /> : null}
      {me?.isAdmin ? <NewPetitionTypeForm componentId={componentId} /> : null}
    </div>
  );
}

/**
 * « Lancer une pétition »: a type, a title and the text, checked with {@link PetitionLimits}
 * before sending (problems on their fields, focus on the error summary); lands on the new
 * petition's page.
 */
function NewPetitionForm({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const prefix = useId();
  const fields = {
    typeId: { id: `${prefix}-type`, label: t('petitions.new.type') },
    title: { id: `${prefix}-title`, label: t('petitions.new.petitionTitle') },
    body: { id: `${prefix}-body`, label: t('petitions.new.body') },
  };
  const types = useQuery(PETITION_TYPES_QUERY, { variables: { componentId } });
  const [create, state] = useMutation(CREATE_PETITION_MUTATION);
  const [typeId, setTypeId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const list = types.data?.petitionTypes ?? [];
  if (!list.length) return null;
  const chosen = typeId || list[0].id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.title, title, {
        min: PetitionLimits.titleMinLength,
        max: PetitionLimits.titleMaxLength,
      }),
      body.length > PetitionLimits.bodyMaxLength && {
        fieldId: fields.body.id,
        message: t('forms.tooLong', {
          label: fields.body.label,
          max: PetitionLimits.bodyMaxLength,
        }),
      },
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const res = await create({
        variables: { input: { typeId: chosen, title: title.trim(), body } },
      });
      if (res.data) await navigate(res.data.createPetition.link);
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby="petition-new-title" className="panel">
      <h2 id="petition-new-title">{t('petitions.new.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary state={summary} />
        <SelectField
          id={fields.typeId.id}
          label={fields.typeId.label}
          value={chosen}
          onChange={(e) => setTypeId(e.target.value)}
          options={list.map((ty) => ({
            value: ty.id,
            label: t('petitions.new.typeOption', {
              title: ty.title,
              threshold: ty.threshold,
              days: ty.periodDays,
            }),
          }))}
        />
        <TextField
          {...summary.fieldProps(fields.title)}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={PetitionLimits.titleMaxLength}
        />
        <RichTextField
          {...summary.fieldProps(fields.body)}
          hint={t('petitions.new.bodyHint')}
          value={body}
          onChange={setBody}
          required
          rows={6}
          maxLength={PetitionLimits.bodyMaxLength}
        />
        <button type="submit" className="button button--primary" disabled={state.loading}>
          {t('petitions.new.submit')}
        </button>
        <FeedbackMessages feedback={feedback} />
      </form>
    </section>
  );
}

/**
 * Organization admins: a petition type (threshold, period, committee, public signatures),
 * checked with {@link PetitionLimits} before sending.
 */
function NewPetitionTypeForm({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const headingId = useId();
  const fields = {
    title: { id: `${headingId}-title`, label: t('petitions.type.name') },
    threshold: { id: `${headingId}-threshold`, label: t('petitions.type.threshold') },
    periodDays: { id: `${headingId}-period`, label: t('petitions.type.periodDays') },
    minCommitteeSize: { id: `${headingId}-committee`, label: t('petitions.type.committee') },
  };
  const [create, state] = useMutation(CREATE_PETITION_TYPE_MUTATION, {
    refetchQueries: ['PetitionTypes'],
  });
  const [title, setTitle] = useState('');
  const [threshold, setThreshold] = useState('100');
  const [periodDays, setPeriodDays] = useState('90');
  const [committee, setCommittee] = useState('2');
  const [publicSignatures, setPublicSignatures] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.title, title, {
        min: PetitionLimits.titleMinLength,
        max: PetitionLimits.titleMaxLength,
      }),
      integerProblem(t, fields.threshold, threshold, 1, PetitionLimits.thresholdMax),
      integerProblem(t, fields.periodDays, periodDays, 1, PetitionLimits.periodDaysMax),
      integerProblem(t, fields.minCommitteeSize, committee, 0, PetitionLimits.committeeMax),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await create({
        variables: {
          input: {
            componentId,
            title: title.trim(),
            threshold: Number(threshold),
            periodDays: Number(periodDays),
            minCommitteeSize: Number(committee),
            publicSignatures,
          },
        },
      });
      feedback.succeed(t('petitions.type.created'));
      setTitle('');
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t('petitions.type.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.title)}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={PetitionLimits.titleMaxLength}
        />
        <TextField
          {...summary.fieldProps(fields.threshold)}
          type="number"
          min={1}
          max={PetitionLimits.thresholdMax}
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
          required
        />
        <TextField
          {...summary.fieldProps(fields.periodDays)}
          type="number"
          min={1}
          max={PetitionLimits.periodDaysMax}
          value={periodDays}
          onChange={(e) => setPeriodDays(e.target.value)}
          required
        />
        <TextField
          {...summary.fieldProps(fields.minCommitteeSize)}
          type="number"
          min={0}
          max={PetitionLimits.committeeMax}
          value={committee}
          onChange={(e) => setCommittee(e.target.value)}
        />
        <CheckboxField
          label={t('petitions.type.publicSignatures')}
          checked={publicSignatures}
          onChange={(e) => setPublicSignatures(e.target.checked)}
        />
        <button type="submit" className="button" disabled={state.loading}>
          {t('petitions.type.submit')}
        </button>
        <FeedbackMessages feedback={feedback} />
      </form>
    </section>
  );
}
