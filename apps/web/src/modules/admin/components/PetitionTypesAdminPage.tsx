import { PetitionLimits } from '@concerto/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CREATE_PETITION_TYPE_MUTATION,
  PETITION_SPACES_QUERY,
  PETITION_TYPES_QUERY,
  PETITION_TYPOLOGIES_QUERY,
  UPDATE_PETITION_TYPE_MUTATION,
  type PetitionType,
  type PetitionTypeSettings,
} from '../../petitions/graphql/petitions';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { SafeHtml } from '../../ui/components/SafeHtml';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { AccessDenied } from './AccessDenied';
import { AdministeredSpaces } from './AdministeredSpaces';
import '../../petitions/petitions.css';

/**
 * `/admin/petitions/types`: organization admins set the petition types of every PETITIONS
 * component (title, description, threshold, period, minimum committee, who may sign — everyone
 * or chosen member typologies —, public signatures, optional second stage — a PROPOSALS or MOTIONS
 * component an accepted petition can become part of — and free second-stage link): the list per
 * component, an edit form per type, a form for a new one. Others get « Accès réservé ».
 */
export function PetitionTypesAdminPage() {
  return (
    <AdministeredSpaces>
      {(_spaces, isOrgAdmin) => (isOrgAdmin ? <PetitionTypesAdmin /> : <AccessDenied signedIn />)}
    </AdministeredSpaces>
  );
}

function PetitionTypesAdmin() {
  const { t } = useTranslation();
  useDocumentTitle(t('petitions.adminPages.types.title'));
  const { data, loading, error, refetch } = useQuery(PETITION_SPACES_QUERY, {
    fetchPolicy: 'network-only',
  });
  const components = (data?.spaces ?? []).flatMap((space) =>
    space.components.filter((c) => c.type === 'PETITIONS').map((c) => ({ ...c, space })),
  );
  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to="/admin">{t('admin.title')}</Link> ·{' '}
        <Link to="/admin/petitions">{t('petitions.adminPages.queue.link')}</Link>
      </p>
      <h1 id="page-title">{t('petitions.adminPages.types.title')}</h1>
      <p className="muted">{t('petitions.adminPages.types.intro')}</p>
      {error && !data ? (
        <QueryErrorView error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : components.length === 0 ? (
        <p>{t('petitions.adminPages.types.noComponent')}</p>
      ) : (
        components.map((c) => (
          <ComponentTypes
            key={c.id}
            componentId={c.id}
            title={t('petitions.adminPages.types.componentTitle', {
              space: c.space.title,
              component: c.title,
            })}
          />
        ))
      )}
    </section>
  );
}

function ComponentTypes({ componentId, title }: { componentId: string; title: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(PETITION_TYPES_QUERY, {
    variables: { componentId },
  });
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useFocusAfterClose(refocus && !adding, addButton, () => setRefocus(false));
  const types = data?.petitionTypes ?? [];
  const typologies = useQuery(PETITION_TYPOLOGIES_QUERY);
  const labels = new Map((typologies.data?.memberTypologies ?? []).map((o) => [o.key, o.label]));
  return (
    <section aria-labelledby={headingId} className="panel petition-types">
      <h2 id={headingId}>{title}</h2>
      {error && !data ? (
        <QueryErrorView error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : types.length === 0 ? (
        <p>{t('petitions.adminPages.types.none')}</p>
      ) : (
        <ul className="card-list">
          {types.map((type) => (
            <TypeItem key={type.id} type={type} labels={labels} />
          ))}
        </ul>
      )}
      {adding ? (
        <TypeForm
          componentId={componentId}
          onClose={() => {
            setAdding(false);
            setRefocus(true);
          }}
        />
      ) : (
        <button type="button" className="button" ref={addButton} onClick={() => setAdding(true)}>
          {t('petitions.adminPages.types.add')}
        </button>
      )}
    </section>
  );
}

function TypeItem({ type, labels }: { type: PetitionType; labels: Map<string, string> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useFocusAfterClose(refocus && !editing, editButton, () => setRefocus(false));
  return (
    <li className="card">
      <h3 className="card__title">{type.title}</h3>
      {type.description ? <SafeHtml html={type.description} /> : null}
      <p>
        {t('petitions.adminPages.types.summary', {
          threshold: type.threshold.toLocaleString('fr-FR'),
          days: type.periodDays,
          committee: type.minCommitteeSize,
        })}
        {' — '}
        {type.signers === 'EVERYONE'
          ? t('petitions.adminPages.types.signersEveryone')
          : t('petitions.adminPages.types.signersSome', {
              list: type.typologies.map((k) => labels.get(k) ?? k).join(', '),
            })}
        {type.publicSignatures ? ` — ${t('petitions.adminPages.types.publicSignatures')}` : ''}
      </p>
      {type.secondStage ? (
        <p>
          {t('petitions.adminPages.types.secondStageTarget')}{' '}
          <Link to={type.secondStage.link}>
            {t(
              type.secondStage.type === 'PROPOSAL'
                ? 'petitions.adminPages.types.secondStageProposal'
                : 'petitions.adminPages.types.secondStageMotion',
              {
                component: type.secondStage.componentTitle,
                space: type.secondStage.spaceTitle,
              },
            )}
          </Link>
        </p>
      ) : null}
      {type.secondStageUrl ? (
        <p>
          {t('petitions.adminPages.types.secondStage')}{' '}
          <a href={type.secondStageUrl}>{type.secondStageUrl}</a>
        </p>
      ) : null}
      {editing ? (
        <TypeForm
          type={type}
          onClose={() => {
            setEditing(false);
            setRefocus(true);
          }}
        />
      ) : (
        <button
          type="button"
          className="button button--small"
          ref={editButton}
          onClick={() => setEditing(true)}
        >
          {t('petitions.adminPages.types.edit')}
          <span className="visually-hidden"> {type.title}</span>
        </button>
      )}
    </li>
  );
}

/**
 * Puts the focus back on the button that opened a form once the form is gone and the button is
 * rendered again (after React's commit: a frame-timed focus missed it on a loaded machine).
 */
function useFocusAfterClose(
  when: boolean,
  target: RefObject<HTMLButtonElement | null>,
  done: () => void,
) {
  useLayoutEffect(() => {
    if (!when || !target.current) return;
    target.current.focus();
    done();
  });
}

/**
 * The settings form of a type: a new one (`componentId`) or an edit (`type`). Checked with
 * {@link PetitionLimits} before sending; problems on their fields, focus on the error summary.
 */
function TypeForm({
  componentId,
  type,
  onClose,
}: {
  componentId?: string;
  type?: PetitionType;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const headingId = useId();
  const typologies = useQuery(PETITION_TYPOLOGIES_QUERY);
  const [create, createState] = useMutation(CREATE_PETITION_TYPE_MUTATION, {
    refetchQueries: ['PetitionTypes'],
    awaitRefetchQueries: true,
  });
  const [update, updateState] = useMutation(UPDATE_PETITION_TYPE_MUTATION);
  const [title, setTitle] = useState(type?.title ?? '');
  const [description, setDescription] = useState(type?.description ?? '');
  const [threshold, setThreshold] = useState(String(type?.threshold ?? 100));
  const [periodDays, setPeriodDays] = useState(String(type?.periodDays ?? 90));
  const [committee, setCommittee] = useState(String(type?.minCommitteeSize ?? 2));
  const [signers, setSigners] = useState<'EVERYONE' | 'TYPOLOGIES'>(type?.signers ?? 'EVERYONE');
  const [chosen, setChosen] = useState<string[]>(type?.typologies ?? []);
  const [publicSignatures, setPublicSignatures] = useState(type?.publicSignatures ?? false);
  const [secondStageUrl, setSecondStageUrl] = useState(type?.secondStageUrl ?? '');
  const [secondStageComponentId, setSecondStageComponentId] = useState(
    type?.secondStage?.componentId ?? '',
  );
  // the PROPOSALS and MOTIONS components an accepted petition can become part of, from the page's own
  // query (already loaded: a second network read here made the page reload and the focus drop to <body>)
  const spaces = useQuery(PETITION_SPACES_QUERY, { fetchPolicy: 'cache-only' });
  const stages = (spaces.data?.spaces ?? []).flatMap((space) =>
    space.components
      .filter((c) => c.type === 'PROPOSALS' || c.type === 'MOTIONS')
      .map((c) => ({
        value: c.id,
        label: t(
          c.type === 'PROPOSALS'
            ? 'petitions.adminPages.types.secondStageProposal'
            : 'petitions.adminPages.types.secondStageMotion',
          { component: c.title, space: space.title },
        ),
      })),
  );
  const summary = useErrorSummary();
  /** The form's fields, by the API's input key. */
  const fields = {
    title: { id: `${headingId}-title`, label: t('petitions.adminPages.types.name') },
    description: {
      id: `${headingId}-description`,
      label: t('petitions.adminPages.types.description'),
    },
    threshold: { id: `${headingId}-threshold`, label: t('petitions.adminPages.types.threshold') },
    periodDays: { id: `${headingId}-period`, label: t('petitions.adminPages.types.periodDays') },
    minCommitteeSize: {
      id: `${headingId}-committee`,
      label: t('petitions.adminPages.types.committee'),
    },
    typologies: {
      id: `${headingId}-typologies`,
      label: t('petitions.adminPages.types.typologies'),
    },
    secondStageComponentId: {
      id: `${headingId}-second-stage`,
      label: t('petitions.adminPages.types.secondStageComponent'),
    },
    secondStageUrl: {
      id: `${headingId}-second-stage-url`,
      label: t('petitions.adminPages.types.secondStageUrl'),
    },
  };
  const typologiesError = summary.errorOf(fields.typologies.id);
  const options = (typologies.data?.memberTypologies ?? []).filter(
    (o) => !o.archived || chosen.includes(o.key),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    feedback.clear();
    const invalid = (value: string, min: number, max: number) =>
      !Number.isInteger(Number(value)) || Number(value) < min || Number(value) > max;
    const problems = problemsOf(
      (title.trim().length < PetitionLimits.titleMinLength ||
        title.trim().length > PetitionLimits.titleMaxLength) && {
        fieldId: fields.title.id,
        message: t('petitions.adminPages.types.errors.title', {
          min: PetitionLimits.titleMinLength,
          max: PetitionLimits.titleMaxLength,
        }),
      },
      textProblem(t, fields.description, description, { max: PetitionLimits.bodyMaxLength }),
      invalid(threshold, 1, PetitionLimits.thresholdMax) && {
        fieldId: fields.threshold.id,
        message: t('petitions.adminPages.types.errors.threshold'),
      },
      invalid(periodDays, 1, PetitionLimits.periodDaysMax) && {
        fieldId: fields.periodDays.id,
        message: t('petitions.adminPages.types.errors.periodDays', {
          max: PetitionLimits.periodDaysMax,
        }),
      },
      invalid(committee, 0, PetitionLimits.committeeMax) && {
        fieldId: fields.minCommitteeSize.id,
        message: t('petitions.adminPages.types.errors.committee', {
          max: PetitionLimits.committeeMax,
        }),
      },
      signers === 'TYPOLOGIES' &&
        chosen.length === 0 && {
          fieldId: fields.typologies.id,
          message: t('petitions.adminPages.types.errors.typologies'),
        },
    );
    summary.report(problems);
    if (problems.length > 0) return;
    const settings: PetitionTypeSettings = {
      title: title.trim(),
      description,
      threshold: Number(threshold),
      periodDays: Number(periodDays),
      minCommitteeSize: Number(committee),
      signers,
      typologies: signers === 'TYPOLOGIES' ? chosen : [],
      publicSignatures,
      secondStageUrl: secondStageUrl.trim() || null,
      secondStageComponentId: secondStageComponentId || null,
    };
    try {
      if (type) await update({ variables: { id: type.id, input: settings } });
      else await create({ variables: { input: { ...settings, componentId: componentId! } } });
      onClose();
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <form
      className="form petition-type-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        {type
          ? t('petitions.adminPages.types.editTitle', { title: type.title })
          : t('petitions.adminPages.types.newTitle')}
      </h3>
      <ErrorSummary state={summary} />
      <FeedbackMessages feedback={feedback} />
      <TextField
        {...summary.fieldProps(fields.title)}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={PetitionLimits.titleMaxLength}
      />
      <TextAreaField
        {...summary.fieldProps(fields.description)}
        hint={t('petitions.adminPages.types.descriptionHint')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        rows={4}
        maxLength={PetitionLimits.bodyMaxLength}
      />
      <TextField
        {...summary.fieldProps(fields.threshold)}
        type="number"
        inputMode="numeric"
        min={1}
        max={PetitionLimits.thresholdMax}
        value={threshold}
        onChange={(e) => setThreshold(e.target.value)}
        required
      />
      <TextField
        {...summary.fieldProps(fields.periodDays)}
        type="number"
        inputMode="numeric"
        min={1}
        max={PetitionLimits.periodDaysMax}
        value={periodDays}
        onChange={(e) => setPeriodDays(e.target.value)}
        required
      />
      <TextField
        {...summary.fieldProps(fields.minCommitteeSize)}
        type="number"
        inputMode="numeric"
        min={0}
        max={PetitionLimits.committeeMax}
        value={committee}
        onChange={(e) => setCommittee(e.target.value)}
      />
      <SelectField
        label={t('petitions.adminPages.types.signers')}
        value={signers}
        onChange={(e) => setSigners(e.target.value as 'EVERYONE' | 'TYPOLOGIES')}
        options={[
          { value: 'EVERYONE', label: t('petitions.adminPages.types.signersEveryone') },
          { value: 'TYPOLOGIES', label: t('petitions.adminPages.types.signersTypologies') },
        ]}
      />
      {signers === 'TYPOLOGIES' ? (
        <fieldset
          id={fields.typologies.id}
          tabIndex={-1}
          className="field"
          aria-invalid={typologiesError ? true : undefined}
          aria-describedby={typologiesError ? `${headingId}-typologies-error` : undefined}
        >
          <legend>{t('petitions.adminPages.types.typologies')}</legend>
          {options.map((o) => (
            <CheckboxField
              key={o.key}
              label={o.label}
              checked={chosen.includes(o.key)}
              onChange={(e) =>
                setChosen((list) =>
                  e.target.checked ? [...list, o.key] : list.filter((k) => k !== o.key),
                )
              }
            />
          ))}
          {typologiesError ? (
            <p id={`${headingId}-typologies-error`} className="field__error">
              {typologiesError}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <CheckboxField
        label={t('petitions.adminPages.types.publicSignatures')}
        checked={publicSignatures}
        onChange={(e) => setPublicSignatures(e.target.checked)}
      />
      <SelectField
        {...summary.fieldProps(fields.secondStageComponentId)}
        hint={t('petitions.adminPages.types.secondStageComponentHint')}
        value={secondStageComponentId}
        onChange={(e) => setSecondStageComponentId(e.target.value)}
        options={[{ value: '', label: t('petitions.adminPages.types.secondStageNone') }, ...stages]}
      />
      <TextField
        {...summary.fieldProps(fields.secondStageUrl)}
        hint={t('petitions.adminPages.types.secondStageHint')}
        value={secondStageUrl}
        onChange={(e) => setSecondStageUrl(e.target.value)}
      />
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={createState.loading || updateState.loading}
        >
          {type ? t('petitions.adminPages.types.save') : t('petitions.adminPages.types.create')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('petitions.adminPages.types.cancel')}
        </button>
      </div>
    </form>
  );
}
