import { useMutation } from '@apollo/client/react';
import { IdeaLimits } from '@concerto/domain';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { CREATE_IDEA_BOX_MUTATION, IDEA_BOXES_QUERY } from '../graphql/ideas';

/** Seed ideas typed one per line: blank lines are left out. */
export function seedIdeasOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * « Créer une boîte à idées » (space admins): the question, an introduction, the seed ideas one per
 * line, checked with {@link IdeaLimits} before sending. Each problem, and each field the API
 * refuses (a seed idea by its line), is shown on its field with focus on the error summary.
 */
export function CreateIdeaBoxForm({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [question, setQuestion] = useState('');
  const [description, setDescription] = useState('');
  const [seeds, setSeeds] = useState('');
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's fields, by the API's input key. */
  const fields = {
    question: { id: `${prefix}-question`, label: t('ideas.create.question') },
    description: { id: `${prefix}-description`, label: t('ideas.create.description') },
    seedIdeas: { id: `${prefix}-seeds`, label: t('ideas.create.seeds') },
  };
  const questionRef = useRef<HTMLInputElement>(null);
  const [create, creating] = useMutation(CREATE_IDEA_BOX_MUTATION, {
    refetchQueries: [IDEA_BOXES_QUERY],
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    feedback.clear();
    const lines = seedIdeasOf(seeds);
    const badLine = lines.findIndex(
      (line) =>
        line.replace(/\s+/g, ' ').length < IdeaLimits.bodyMinLength ||
        line.replace(/\s+/g, ' ').length > IdeaLimits.bodyMaxLength,
    );
    const problems = problemsOf(
      textProblem(t, fields.question, question, {
        min: IdeaLimits.questionMinLength,
        max: IdeaLimits.questionMaxLength,
      }),
      textProblem(t, fields.description, description, {
        max: IdeaLimits.descriptionMaxLength,
      }),
      badLine >= 0 && {
        fieldId: fields.seedIdeas.id,
        message: t('ideas.create.lineLength', {
          label: fields.seedIdeas.label,
          line: badLine + 1,
          min: IdeaLimits.bodyMinLength,
          max: IdeaLimits.bodyMaxLength,
        }),
      },
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await create({
        variables: {
          input: { componentId, question, description, seedIdeas: lines, published: true },
        },
      });
      setQuestion('');
      setDescription('');
      setSeeds('');
      feedback.succeed(t('ideas.create.done', { count: lines.length }));
      questionRef.current?.focus();
    } catch (error) {
      const info = parseApiError(error);
      // a seed idea is named by its line (`seedIdeas.1`: the second one)
      const seedLine = info.field?.match(/^seedIdeas\.(\d+)$/);
      if (seedLine && info.fieldErrors.length === 0)
        summary.report([
          {
            fieldId: fields.seedIdeas.id,
            message: t('ideas.create.lineError', {
              line: Number(seedLine[1]) + 1,
              message: info.serverMessage ?? '',
            }),
          },
        ]);
      else if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby="create-idea-box" className="panel">
      <h2 id="create-idea-box">{t('ideas.create.heading')}</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.question)}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          inputRef={questionRef}
          required
          maxLength={IdeaLimits.questionMaxLength}
        />
        <TextAreaField
          {...summary.fieldProps(fields.description)}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={2}
          maxLength={IdeaLimits.descriptionMaxLength}
        />
        <TextAreaField
          {...summary.fieldProps(fields.seedIdeas)}
          hint={t('ideas.create.seedsHint')}
          value={seeds}
          onChange={(e) => setSeeds(e.target.value)}
          rows={6}
        />
        <FeedbackMessages feedback={feedback} />
        <button type="submit" className="button button--primary" disabled={creating.loading}>
          {t('ideas.create.submit')}
        </button>
      </form>
    </section>
  );
}
