import { useMutation } from '@apollo/client/react';
import { MotionMajority } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/components/Fields';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import { CREATE_MOTION_MUTATION } from '../graphql/assembly';
import { parisLocal, parisLocalToIso } from './ParisTime';

/** Files a motion (members and admins of the assembly); times are entered in Europe/Paris time. */
export function MotionForm({ componentId, onCreated }: { componentId: string; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [opensAt, setOpensAt] = useState(() => parisLocal(0));
  const [closesAt, setClosesAt] = useState(() => parisLocal(14 * 24 * 60));
  const [majority, setMajority] = useState<MotionMajority>(MotionMajority.SIMPLE);
  const [quorum, setQuorum] = useState('0');
  const [secret, setSecret] = useState(false);
  const [hidden, setHidden] = useState(false);
  const [createMotion, { loading, error }] = useMutation(CREATE_MOTION_MUTATION, { refetchQueries: ['AssemblyMotions'], awaitRefetchQueries: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
      setTitle('');
      setBody('');
      onCreated();
    } catch {
      /* shown below */
    }
  };

  return (
    <form className="form motion-form" onSubmit={(e) => void submit(e)}>
      <TextField label={t('assembly.form.title')} value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={150} />
      <TextAreaField label={t('assembly.form.body')} value={body} onChange={(e) => setBody(e.target.value)} required rows={6} />
      <TextField label={t('assembly.form.opensAt')} type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} required hint={t('assembly.form.parisHint')} />
      <TextField label={t('assembly.form.closesAt')} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} required />
      <SelectField
        label={t('assembly.form.majority')}
        value={majority}
        onChange={(e) => setMajority(e.target.value as MotionMajority)}
        options={Object.values(MotionMajority).map((m) => ({ value: m, label: t(`assembly.majority.${m}`) }))}
      />
      <TextField label={t('assembly.form.quorum')} type="number" min={0} max={100} step={0.01} value={quorum} onChange={(e) => setQuorum(e.target.value)} />
      <CheckboxField label={t('assembly.form.secret')} checked={secret} onChange={(e) => setSecret(e.target.checked)} />
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
