import { useMutation } from '@apollo/client/react';
import { MotionMajority } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { useAnnounce } from '../../ui/feedback/Announcer';
import { ErrorSummary, useErrorSummary, type FieldProblem } from '../../ui/feedback/ErrorSummary';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { CREATE_MOTION_MUTATION } from '../graphql/assembly';
import { parisLocal, parisLocalToIso } from './ParisTime';

/** Files a motion (members and admins of the assembly); times are entered in Europe/Paris time. */
export function MotionForm({
  componentId,
  onCreated,
}: {
  componentId: string;
  onCreated: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [opensAt, setOpensAt] = useState(() => parisLocal(0));
  const [closesAt, setClosesAt] = useState(() => parisLocal(14 * 24 * 60));
  const [majority, setMajority] = useState<MotionMajority>(MotionMajority.SIMPLE);
  const [quorum, setQuorum] = useState('0');
  const [secret, setSecret] = useState(false);
  const [hidden, setHidden] = useState(false);
  const [createMotion, { loading, error }] = useMutation(CREATE_MOTION_MUTATION, {
    refetchQueries: ['AssemblyMotions'],
    awaitRefetchQueries: true,
  });

  const summary = useErrorSummary();
  const announce = useAnnounce();
  const ids = {
    title: 'motion-title',
    body: 'motion-body',
    opensAt: 'motion-opens-at',
    closesAt: 'motion-closes-at',
    quorum: 'motion-quorum',
  };

  /** The form's own checks, in the interface language (no browser validation bubbles). */
  const problemsOf = (): FieldProblem[] => {
    const problems: FieldProblem[] = [];
    const trimmed = title.trim();
    if (trimmed.length < 3 || trimmed.length > 150)
      problems.push({
        fieldId: ids.title,
        message: t('assembly.form.titleLength', { min: 3, max: 150 }),
      });
    if (!body.trim())
      problems.push({ fieldId: ids.body, message: t('assembly.form.bodyRequired') });
    if (!opensAt)
      problems.push({ fieldId: ids.opensAt, message: t('assembly.form.opensAtRequired') });
    if (!closesAt || (opensAt && closesAt <= opensAt))
      problems.push({ fieldId: ids.closesAt, message: t('assembly.form.closesAtAfter') });
    const q = Number(quorum);
    if (quorum.trim() === '' || !Number.isFinite(q) || q < 0 || q > 100)
      problems.push({ fieldId: ids.quorum, message: t('assembly.form.quorumRange') });
    return problems;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = problemsOf();
    summary.report(problems);
    if (problems.length) return;
    try {
      await createMotion({
        variables: {
          input: {
            componentId,
            title,
            body,
            opensAt: parisLocalToIso(opensAt),
            closesAt: parisLocalToIso(closesAt),
            majority,
            quorumPercent: Number(quorum) || 0,
            secretBallot: secret,
            hideTallyUntilClosed: secret || hidden,
          },
        },
      });
      announce(t('assembly.form.created', { title: title.trim() }));
      setTitle('');
      setBody('');
      onCreated();
    } catch {
      /* shown below */
    }
  };

  return (
    <form className="form motion-form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary state={summary} />
      <TextField
        {...summary.fieldProps(ids.title)}
        label={t('assembly.form.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        aria-required="true"
        maxLength={150}
      />
      <RichTextField
        {...summary.fieldProps(ids.body)}
        label={t('assembly.form.body')}
        value={body}
        onChange={setBody}
        required
        rows={6}
      />
      <TextField
        {...summary.fieldProps(ids.opensAt)}
        label={t('assembly.form.opensAt')}
        type="datetime-local"
        value={opensAt}
        onChange={(e) => setOpensAt(e.target.value)}
        required
        hint={t('assembly.form.parisHint')}
      />
      <TextField
        {...summary.fieldProps(ids.closesAt)}
        label={t('assembly.form.closesAt')}
        type="datetime-local"
        value={closesAt}
        onChange={(e) => setClosesAt(e.target.value)}
        required
      />
      <SelectField
        label={t('assembly.form.majority')}
        value={majority}
        onChange={(e) => setMajority(e.target.value as MotionMajority)}
        options={Object.values(MotionMajority).map((m) => ({
          value: m,
          label: t(`assembly.majority.${m}`),
        }))}
      />
      <TextField
        {...summary.fieldProps(ids.quorum)}
        label={t('assembly.form.quorum')}
        type="number"
        min={0}
        max={100}
        step={0.01}
        value={quorum}
        onChange={(e) => setQuorum(e.target.value)}
      />
      <CheckboxField
        label={t('assembly.form.secret')}
        checked={secret}
        onChange={(e) => setSecret(e.target.checked)}
      />
      {/* a secret ballot's tally is always hidden until the close: its moves would tell who voted what */}
      <CheckboxField
        label={secret ? t('assembly.form.hideTallySecret') : t('assembly.form.hideTally')}
        checked={secret || hidden}
        disabled={secret}
        onChange={(e) => setHidden(e.target.checked)}
      />
      {error ? <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} /> : null}
      <button type="submit" className="button button--primary" disabled={loading}>
        {t('assembly.form.submit')}
      </button>
    </form>
  );
}
