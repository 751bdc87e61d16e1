import { useMutation } from '@apollo/client/react';
import { SpaceLimits } from '@concerto/domain';
import type { TFunction } from 'i18next';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateRange } from '../../ui/components/DateRange';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField, VisuallyHidden } from '../../ui/components/Fields';
import {
  ErrorSummary,
  useErrorSummary,
  type ErrorSummaryState,
  type FieldProblem,
  type FormField,
} from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback, type Feedback } from '../../ui/hooks/useFeedback';
import {
  ACTIVATE_PHASE_MUTATION,
  CREATE_PHASE_MUTATION,
  DELETE_PHASE_MUTATION,
  REORDER_PHASES_MUTATION,
  UPDATE_PHASE_MUTATION,
  type AdminPhase,
  type PhaseInput,
} from '../graphql/admin';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

const REFETCH = { refetchQueries: ['AdminSpace'], awaitRefetchQueries: true };

/** The form's values: each field of the API's `PhaseInput` as the text its input holds. */
type PhaseValues = Record<keyof PhaseInput, string>;

/** The fields of one phase form, by the API's input key. */
type PhaseFormFields = Record<keyof PhaseInput, FormField>;

function usePhaseFields(t: TFunction): PhaseFormFields {
  const prefix = useId();
  return {
    title: { id: `${prefix}-title`, label: t('admin.phaseTitle') },
    description: { id: `${prefix}-description`, label: t('admin.phaseDescription') },
    startDate: { id: `${prefix}-start`, label: t('admin.startDate') },
    endDate: { id: `${prefix}-end`, label: t('admin.endDate') },
  };
}

/** The API's checks of a phase: a title ({@link SpaceLimits}), a description's length, an end not before the start. */
function phaseProblems(t: TFunction, fields: PhaseFormFields, values: PhaseValues): FieldProblem[] {
  return problemsOf(
    textProblem(t, fields.title, values.title, {
      min: SpaceLimits.phaseTitleMinLength,
      max: SpaceLimits.phaseTitleMaxLength,
    }),
    textProblem(t, fields.description, values.description, {
      max: SpaceLimits.descriptionMaxLength,
    }),
    values.startDate && values.endDate && values.endDate < values.startDate
      ? {
          fieldId: fields.endDate.id,
          message: t('admin.phaseEndBeforeStart', { label: fields.endDate.label }),
        }
      : null,
  );
}

function toInput(values: PhaseValues): PhaseInput {
  return {
    title: values.title.trim(),
    description: values.description,
    startDate: values.startDate || null,
    endDate: values.endDate || null,
  };
}

/**
 * The phases of a process: add, edit inline, delete, activate, move up/down. Each phase form
 * checks its fields before sending and shows problems on them, focus on its error summary.
 */
export function PhasesAdmin({ spaceId, phases }: { spaceId: string; phases: AdminPhase[] }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ordered = [...phases].sort((a, b) => a.position - b.position);
  const [reorderPhases, reorderState] = useMutation(REORDER_PHASES_MUTATION, REFETCH);

  async function move(index: number, delta: -1 | 1) {
    const ids = ordered.map((phase) => phase.id);
    const target = index + delta;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target], ids[index]];
    feedback.clear();
    try {
      await reorderPhases({ variables: { spaceId, phaseIds: ids } });
      feedback.succeed(t('admin.phasesReordered'));
    } catch (error) {
      feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby="admin-phases" className="panel">
      <h2 id="admin-phases" ref={headingRef} tabIndex={-1}>
        {t('admin.phasesHeading')}
      </h2>
      <FeedbackMessages feedback={feedback} />
      {ordered.length === 0 ? (
        <p>{t('admin.noPhases')}</p>
      ) : (
        <ol className="admin-list">
          {ordered.map((phase, index) => (
            <li key={phase.id} className="admin-list__item">
              <PhaseRow
                phase={phase}
                first={index === 0}
                last={index === ordered.length - 1}
                onMove={(delta) => void move(index, delta)}
                moving={reorderState.loading}
                feedback={feedback}
                onDeleted={() => headingRef.current?.focus()}
              />
            </li>
          ))}
        </ol>
      )}
      <NewPhaseForm spaceId={spaceId} />
    </section>
  );
}

interface PhaseRowProps {
  phase: AdminPhase;
  first: boolean;
  last: boolean;
  moving: boolean;
  onMove: (delta: -1 | 1) => void;
  feedback: Feedback;
  onDeleted: () => void;
}

function PhaseRow({ phase, first, last, moving, onMove, feedback, onDeleted }: PhaseRowProps) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [activatePhase, activateState] = useMutation(ACTIVATE_PHASE_MUTATION, REFETCH);
  const [deletePhase] = useMutation(DELETE_PHASE_MUTATION, REFETCH);
  const target = t('admin.thePhase', { title: phase.title });

  async function activate() {
    feedback.clear();
    try {
      await activatePhase({ variables: { id: phase.id } });
      feedback.succeed(t('admin.phaseActivated', { title: phase.title }));
    } catch (error) {
      feedback.fail(error);
    }
  }

  async function remove() {
    feedback.clear();
    try {
      await deletePhase({ variables: { id: phase.id } });
      feedback.succeed(t('admin.phaseDeleted', { title: phase.title }));
      onDeleted();
    } catch (error) {
      feedback.fail(error);
    }
  }

  if (editing) {
    return (
      <PhaseEditor
        phase={phase}
        feedback={feedback}
        onDone={() => {
          setEditing(false);
          focusAfterRender(editButton);
        }}
      />
    );
  }

  return (
    <div className="admin-row">
      <div className="admin-row__main">
        <h3 className="admin-row__title">{phase.title}</h3>
        {phase.active ? <p className="badge badge--active">{t('spaces.currentPhase')}</p> : null}
        <p className="muted">
          <DateRange start={phase.startDate} end={phase.endDate} kind="day" />
        </p>
      </div>
      <div className="actions">
        <button type="button" className="button" ref={editButton} onClick={() => setEditing(true)}>
          {t('common.edit')} <VisuallyHidden>{target}</VisuallyHidden>
        </button>
        {!phase.active ? (
          <button
            type="button"
            className="button"
            onClick={() => void activate()}
            disabled={activateState.loading}
          >
            {t('admin.activate')} <VisuallyHidden>{target}</VisuallyHidden>
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => onMove(-1)}
          disabled={first || moving}
        >
          {t('admin.moveUp')} <VisuallyHidden>{target}</VisuallyHidden>
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onMove(1)}
          disabled={last || moving}
        >
          {t('admin.moveDown')} <VisuallyHidden>{target}</VisuallyHidden>
        </button>
        <ConfirmDeleteButton target={target} name={phase.title} onConfirm={remove} />
      </div>
    </div>
  );
}

function PhaseFields({
  values,
  onChange,
  fields,
  summary,
}: {
  values: PhaseValues;
  onChange: (values: PhaseValues) => void;
  fields: PhaseFormFields;
  summary: ErrorSummaryState;
}) {
  return (
    <>
      <ErrorSummary state={summary} />
      <TextField
        {...summary.fieldProps(fields.title)}
        name="title"
        required
        maxLength={SpaceLimits.phaseTitleMaxLength}
        value={values.title}
        onChange={(event) => onChange({ ...values, title: event.target.value })}
      />
      <TextAreaField
        {...summary.fieldProps(fields.description)}
        name="description"
        rows={3}
        maxLength={SpaceLimits.descriptionMaxLength}
        value={values.description}
        onChange={(event) => onChange({ ...values, description: event.target.value })}
      />
      <div className="field-row">
        <TextField
          {...summary.fieldProps(fields.startDate)}
          name="startDate"
          type="date"
          value={values.startDate}
          onChange={(event) => onChange({ ...values, startDate: event.target.value })}
        />
        <TextField
          {...summary.fieldProps(fields.endDate)}
          name="endDate"
          type="date"
          value={values.endDate}
          onChange={(event) => onChange({ ...values, endDate: event.target.value })}
        />
      </div>
    </>
  );
}

function PhaseEditor({
  phase,
  feedback,
  onDone,
}: {
  phase: AdminPhase;
  feedback: Feedback;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<PhaseValues>({
    title: phase.title,
    description: phase.description,
    startDate: phase.startDate ?? '',
    endDate: phase.endDate ?? '',
  });
  const [updatePhase, { loading }] = useMutation(UPDATE_PHASE_MUTATION, REFETCH);
  const summary = useErrorSummary();
  const fields = usePhaseFields(t);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = phaseProblems(t, fields, values);
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await updatePhase({ variables: { id: phase.id, input: toInput(values) } });
      feedback.succeed(
        t('admin.phaseSaved', { title: result.data?.updatePhase.title ?? values.title }),
      );
      onDone();
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <form
      className="form form--inline-edit"
      noValidate
      onSubmit={submit}
      aria-label={t('admin.thePhase', { title: phase.title })}
    >
      <PhaseFields values={values} onChange={setValues} fields={fields} summary={summary} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

const EMPTY_PHASE: PhaseValues = { title: '', description: '', startDate: '', endDate: '' };

function NewPhaseForm({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [values, setValues] = useState<PhaseValues>(EMPTY_PHASE);
  const [createPhase, { loading }] = useMutation(CREATE_PHASE_MUTATION, REFETCH);
  const summary = useErrorSummary();
  const fields = usePhaseFields(t);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = phaseProblems(t, fields, values);
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await createPhase({ variables: { input: { spaceId, ...toInput(values) } } });
      feedback.succeed(
        t('admin.phaseAdded', { title: result.data?.createPhase.title ?? values.title }),
      );
      setValues(EMPTY_PHASE);
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <form className="form subpanel" noValidate onSubmit={submit} aria-labelledby="new-phase">
      <h3 id="new-phase">{t('admin.newPhase')}</h3>
      <PhaseFields values={values} onChange={setValues} fields={fields} summary={summary} />
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('admin.addPhase')}
        </button>
      </div>
    </form>
  );
}
