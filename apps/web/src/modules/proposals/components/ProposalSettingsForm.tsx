import { useMutation, useQuery } from '@apollo/client/react';
import { ProposalSettingsLimits } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, SelectField, TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { ErrorSummary, useErrorSummary, type FormField } from '../../ui/feedback/ErrorSummary';
import { integerProblem, problemsOf } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  PROPOSAL_COMPONENT_QUERY,
  UPDATE_PROPOSAL_SETTINGS_MUTATION,
  type ProposalSettings,
  type SupportsState,
} from '../graphql/proposals';

const SUPPORTS_STATES: readonly SupportsState[] = ['ENABLED', 'BLOCKED', 'HIDDEN'];
const NUMBER_FIELDS = [
  'supportLimit',
  'minimumSupportsPerUser',
  'threshold',
  'hideThreshold',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
type Draft = Omit<ProposalSettings, NumberField> & Record<NumberField, string>;

function toDraft(settings: ProposalSettings): Draft {
  return {
    ...settings,
    supportLimit: String(settings.supportLimit),
    minimumSupportsPerUser: String(settings.minimumSupportsPerUser),
    threshold: String(settings.threshold),
    hideThreshold: String(settings.hideThreshold),
  };
}

/**
 * "Réglages des propositions" of a PROPOSALS component (space admins): supports, limits, threshold,
 * creation, « pas d'accord », hiding, comments. The numbers are checked with
 * {@link ProposalSettingsLimits} before sending; each problem, and each field the API refuses, is
 * shown on its field with focus on the error summary.
 */
export function ProposalSettingsForm({
  componentId,
  componentTitle,
}: {
  componentId: string;
  componentTitle: string;
}) {
  const { data } = useQuery(PROPOSAL_COMPONENT_QUERY, {
    variables: { componentId },
    fetchPolicy: 'network-only',
  });
  const settings = data?.proposalComponent.settings;
  if (!settings) return <Loading />;
  return (
    <SettingsForm componentId={componentId} componentTitle={componentTitle} settings={settings} />
  );
}

function SettingsForm({
  componentId,
  componentTitle,
  settings,
}: {
  componentId: string;
  componentTitle: string;
  settings: ProposalSettings;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const summary = useErrorSummary();
  const [save, { loading }] = useMutation(UPDATE_PROPOSAL_SETTINGS_MUTATION, {
    refetchQueries: ['ProposalComponent'],
  });
  const headingId = `settings-${componentId}`;
  /** The number fields, by the API's input key. */
  const fields: Record<NumberField, FormField> = {
    supportLimit: { id: `${headingId}-supportLimit`, label: t('proposals.settings.supportLimit') },
    minimumSupportsPerUser: {
      id: `${headingId}-minimumSupportsPerUser`,
      label: t('proposals.settings.minimumSupportsPerUser'),
    },
    threshold: { id: `${headingId}-threshold`, label: t('proposals.settings.threshold') },
    hideThreshold: {
      id: `${headingId}-hideThreshold`,
      label: t('proposals.settings.hideThreshold'),
    },
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      ...NUMBER_FIELDS.map((field) =>
        integerProblem(
          t,
          fields[field],
          draft[field],
          ProposalSettingsLimits[field].min,
          ProposalSettingsLimits[field].max,
        ),
      ),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    const numbers = Object.fromEntries(
      NUMBER_FIELDS.map((field) => [field, Number(draft[field])]),
    ) as Record<NumberField, number>;
    try {
      await save({
        variables: {
          componentId,
          input: {
            supportsState: draft.supportsState,
            canAccumulateSupportsBeyondThreshold: draft.canAccumulateSupportsBeyondThreshold,
            creationEnabled: draft.creationEnabled,
            disagreementsEnabled: draft.disagreementsEnabled,
            commentsEnabled: draft.commentsEnabled,
            ...numbers,
          },
        },
      });
      feedback.succeed(t('proposals.settings.saved'));
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  const numberField = (field: NumberField, hint?: string) => (
    <TextField
      {...summary.fieldProps(fields[field])}
      hint={hint}
      name={field}
      inputMode="numeric"
      value={draft[field]}
      onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
    />
  );

  return (
    <form className="form subpanel" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h4 id={headingId}>{t('proposals.settings.heading', { title: componentTitle })}</h4>
      <ErrorSummary state={summary} />
      <SelectField
        label={t('proposals.settings.supportsState')}
        name="supportsState"
        value={draft.supportsState}
        onChange={(event) =>
          setDraft({ ...draft, supportsState: event.target.value as SupportsState })
        }
        options={SUPPORTS_STATES.map((value) => ({
          value,
          label: t(`proposals.settings.supportsStates.${value}`),
        }))}
      />
      {numberField('supportLimit', t('proposals.settings.supportLimitHint'))}
      {numberField('minimumSupportsPerUser', t('proposals.settings.minimumHint'))}
      {numberField('threshold', t('proposals.settings.thresholdHint'))}
      <CheckboxField
        label={t('proposals.settings.canAccumulate')}
        name="canAccumulateSupportsBeyondThreshold"
        checked={draft.canAccumulateSupportsBeyondThreshold}
        onChange={(event) =>
          setDraft({ ...draft, canAccumulateSupportsBeyondThreshold: event.target.checked })
        }
      />
      <CheckboxField
        label={t('proposals.settings.creationEnabled')}
        name="creationEnabled"
        checked={draft.creationEnabled}
        onChange={(event) => setDraft({ ...draft, creationEnabled: event.target.checked })}
      />
      <CheckboxField
        label={t('proposals.settings.disagreementsEnabled')}
        aria-describedby={`${headingId}-disagreements-hint`}
        name="disagreementsEnabled"
        checked={draft.disagreementsEnabled}
        onChange={(event) => setDraft({ ...draft, disagreementsEnabled: event.target.checked })}
      />
      <p id={`${headingId}-disagreements-hint`} className="field__hint">
        {t('proposals.settings.disagreementsEnabledHint')}
      </p>
      {numberField('hideThreshold')}
      <CheckboxField
        label={t('proposals.settings.commentsEnabled')}
        name="commentsEnabled"
        checked={draft.commentsEnabled}
        onChange={(event) => setDraft({ ...draft, commentsEnabled: event.target.checked })}
      />
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('proposals.settings.save')}
        </button>
      </div>
    </form>
  );
}
