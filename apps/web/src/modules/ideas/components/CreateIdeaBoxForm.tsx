import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField } from '../../ui/components/Fields';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { CREATE_IDEA_BOX_MUTATION, IDEA_BOXES_QUERY } from '../graphql/ideas';

/** Seed ideas typed one per line: blank lines are left out. */
export function seedIdeasOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** « Créer une boîte à idées » (space admins): the question, an introduction, the seed ideas one per line. The error names its field and focus goes there. */
export function CreateIdeaBoxForm({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [question, setQuestion] = useState('');
  const [description, setDescription] = useState('');
  const [seeds, setSeeds] = useState('');
  const [errors, setErrors] = useState<{ question?: string; seeds?: string }>({});
  const questionRef = useRef<HTMLInputElement>(null);
  const seedsRef = useRef<HTMLTextAreaElement>(null);
  const [create, creating] = useMutation(CREATE_IDEA_BOX_MUTATION, {
    refetchQueries: [IDEA_BOXES_QUERY],
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    feedback.clear();
    setErrors({});
    const lines = seedIdeasOf(seeds);
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
      const info = feedback.fail(error);
      const seedLine = info.field?.match(/^input\.seedIdeas\.(\d+)$/);
      if (seedLine) {
        setErrors({
          seeds: t('ideas.create.lineError', {
            line: Number(seedLine[1]) + 1,
            message: info.serverMessage ?? '',
          }),
        });
        seedsRef.current?.focus();
      } else if (info.field === 'input.question') {
        setErrors({ question: info.serverMessage ?? '' });
        questionRef.current?.focus();
      }
    }
  }

  return (
    <section aria-labelledby="create-idea-box" className="panel">
      <h2 id="create-idea-box">{t('ideas.create.heading')}</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label={t('ideas.create.question')}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          error={errors.question}
          inputRef={questionRef}
          required
          maxLength={300}
        />
        <TextAreaField
          label={t('ideas.create.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={2}
          maxLength={5000}
        />
        <TextAreaField
          label={t('ideas.create.seeds')}
          hint={t('ideas.create.seedsHint')}
          value={seeds}
          onChange={(e) => setSeeds(e.target.value)}
          error={errors.seeds}
          textareaRef={seedsRef}
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
