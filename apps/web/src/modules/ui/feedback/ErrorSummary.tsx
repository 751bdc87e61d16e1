import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, parseApiError } from '../utils/apiError';
import { focusOnceNotInert } from './useFocusAfterRender';

/** One invalid field: the id of its control (or of its fieldset) and what is wrong, naming the field. */
export interface FieldProblem {
  fieldId: string;
  message: string;
}

/** A field of a form: its control's id and its label (an error summary's link names it). */
export interface FormField {
  id: string;
  label: string;
}

/** What a field component (`TextField`, `SelectField`…) takes from the summary: its id and its error. */
export interface SummaryFieldProps {
  id: string;
  error: string | null;
}

/** The same, with the field's label (a {@link FormField}'s). */
export interface SummaryLabelledFieldProps extends SummaryFieldProps {
  label: string;
}

/** The fields of a form the API may name, by the API's input key (`title`, `startsAt`…). */
export type ApiFields = Partial<Record<string, FormField>>;

/** What a form needs to show an {@link ErrorSummary} after a failed submit. */
export interface ErrorSummaryState {
  problems: FieldProblem[];
  /** Shows the problems and moves focus to the summary (empty list: hides it). */
  report: (problems: FieldProblem[]) => void;
  /** The problem of one field, for the field's own error text. */
  errorOf: (fieldId: string) => string | null;
  /**
   * A field component's `id`, `label` and `error` in one spread, for the usual
   * `<TextField {...summary.fieldProps(fields.title)} …/>`; given only an id (the field shows a
   * label of its own), its `id` and `error`.
   */
  fieldProps: {
    (field: FormField): SummaryLabelledFieldProps;
    (fieldId: string): SummaryFieldProps;
  };
  /** Bumped at each report, so the summary takes focus again on a second failed submit. */
  reportCount: number;
  /**
   * After a refused request: shows each field the API names (`extensions.fields`, else
   * `extensions.field`) on that field, with focus on the summary. Returns true when every
   * problem found its field; false when the form must also show the error as a whole.
   */
  reportApiError: (error: unknown, fields: ApiFields) => boolean;
}

/**
 * After a failed submit: the list of problems, each field's own error, and focus on the
 * summary (GOV.UK Design System's error summary pattern).
 */
export function useErrorSummary(): ErrorSummaryState {
  const { t, i18n } = useTranslation();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [reportCount, setReportCount] = useState(0);
  const report = useCallback((next: FieldProblem[]) => {
    setProblems(next);
    setReportCount((count) => count + 1);
  }, []);
  const errorOf = useCallback(
    (fieldId: string) => problems.find((problem) => problem.fieldId === fieldId)?.message ?? null,
    [problems],
  );
  const fieldProps = useCallback(
    (field: FormField | string) =>
      typeof field === 'string'
        ? { id: field, error: errorOf(field) }
        : { id: field.id, label: field.label, error: errorOf(field.id) },
    [errorOf],
  ) as ErrorSummaryState['fieldProps'];
  const reportApiError = useCallback(
    (error: unknown, fields: ApiFields) => {
      const info = parseApiError(error);
      // `agenda.0.title` or `agenda[0].title` belongs to the agenda's field when the form has no finer one
      const fieldOf = (key: string) => fields[key] ?? fields[/^\w+/.exec(key)?.[0] ?? ''];
      const found: FieldProblem[] = [];
      let unplaced = false;
      if (info.fieldErrors.length > 0) {
        for (const { field, message } of info.fieldErrors) {
          const target = fieldOf(field);
          if (!target) unplaced = true;
          else if (!found.some((problem) => problem.fieldId === target.id))
            found.push({
              fieldId: target.id,
              message: t('forms.serverField', { label: target.label, message }),
            });
        }
      } else if (info.field && fieldOf(info.field)) {
        const target = fieldOf(info.field)!;
        const message = errorMessage(info, t, i18n.language);
        // « body : le texte est vide. »: the API's key gives way to the field's label
        const key = [`${info.field} :`, `${info.field}:`].find((k) => message.startsWith(k));
        found.push({
          fieldId: target.id,
          message: key
            ? t('forms.serverField', {
                label: target.label,
                message: message.slice(key.length).trim(),
              })
            : message,
        });
      }
      report(found);
      return found.length > 0 && !unplaced;
    },
    [report, t, i18n.language],
  );
  return { problems, report, errorOf, fieldProps, reportCount, reportApiError };
}

/**
 * « Le formulaire contient 2 erreurs » and a link to each invalid field; takes focus when
 * problems are reported. Following a link focuses the field (not only scrolls to it).
 */
export function ErrorSummary({ state }: { state: ErrorSummaryState }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // one per form: a page with several forms (a debate's rows, phases) may show two at once
  const titleId = useId();
  useLayoutEffect(() => {
    const summary = ref.current;
    if (state.reportCount === 0 || state.problems.length === 0 || !summary) return;
    // a refusal that comes while a confirmation dialog is open: focus once the dialog has closed
    return focusOnceNotInert(summary);
  }, [state.reportCount, state.problems.length]);
  if (state.problems.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {t('forms.errorSummary', { count: state.problems.length })}
      </h2>
      <ul>
        {state.problems.map((problem) => (
          <li key={problem.fieldId}>
            <a
              href={`#${problem.fieldId}`}
              onClick={(event) => {
                const field = document.getElementById(problem.fieldId);
                if (!field) return;
                event.preventDefault();
                field.scrollIntoView?.({ block: 'center' });
                field.focus();
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
