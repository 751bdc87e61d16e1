import { useMutation, useQuery } from '@apollo/client/react';
import { AssemblyPosition, SpaceLimits } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { SelectField, TextField } from '../../ui/components/Fields';
import { memberFields, memberProblems, weightOf } from '../../admin/memberChecks';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { ASSEMBLY_INVITATIONS_QUERY, INVITE_ASSEMBLY_MEMBER_MUTATION } from '../graphql/assembly';

const POSITIONS = [
  AssemblyPosition.MEMBER,
  AssemblyPosition.PRESIDENT,
  AssemblyPosition.VICE_PRESIDENT,
  AssemblyPosition.SECRETARY,
];
const EMPTY = {
  email: '',
  position: AssemblyPosition.MEMBER as AssemblyPosition,
  college: '',
  weight: '1',
};

/**
 * Invite people who have no account yet to an assembly, by e-mail (address, college and weight
 * checked with the API's limits before sending; each problem on its field, focus on the error
 * summary); lists pending and accepted invitations.
 */
export function InvitationsAdmin({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [values, setValues] = useState(EMPTY);
  const summary = useErrorSummary();
  const prefix = useId();
  const fields = memberFields(t, prefix, t('invitations.email'));
  const { data } = useQuery(ASSEMBLY_INVITATIONS_QUERY, { variables: { spaceId } });
  const [invite, state] = useMutation(INVITE_ASSEMBLY_MEMBER_MUTATION, {
    refetchQueries: ['AssemblyInvitations'],
    awaitRefetchQueries: true,
  });
  const invitations = data?.assemblyInvitations ?? [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = memberProblems(t, fields, values);
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await invite({
        variables: {
          input: {
            spaceId,
            email: values.email.trim(),
            position: values.position,
            college: values.college.trim() || null,
            weight: weightOf(values.weight),
          },
        },
      });
      feedback.succeed(t('invitations.sent', { email: values.email.trim() }));
      setValues(EMPTY);
    } catch (caught) {
      if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  }

  return (
    <section aria-labelledby="admin-invitations" className="panel">
      <h2 id="admin-invitations">{t('invitations.title')}</h2>
      <p>{t('invitations.intro')}</p>
      {invitations.length ? (
        <ul>
          {invitations.map((i) => (
            <li key={i.id}>
              {i.email} — {t(`spaces.position.${i.position}`)} —{' '}
              {i.acceptedAt ? t('invitations.accepted') : t('invitations.pending')}
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="form subpanel"
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-labelledby="invite-member"
      >
        <h3 id="invite-member">{t('invitations.invite')}</h3>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.email)}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
          required
        />
        <SelectField
          id={fields.position.id}
          label={fields.position.label}
          value={values.position}
          onChange={(e) => setValues({ ...values, position: e.target.value as AssemblyPosition })}
          options={POSITIONS.map((value) => ({ value, label: t(`spaces.position.${value}`) }))}
        />
        <TextField
          {...summary.fieldProps(fields.college)}
          maxLength={SpaceLimits.memberCollegeMaxLength}
          value={values.college}
          onChange={(e) => setValues({ ...values, college: e.target.value })}
        />
        <TextField
          {...summary.fieldProps(fields.weight)}
          inputMode="decimal"
          value={values.weight}
          onChange={(e) => setValues({ ...values, weight: e.target.value })}
        />
        <FeedbackMessages feedback={feedback} />
        <button type="submit" className="button button--primary" disabled={state.loading}>
          {t('invitations.send')}
        </button>
      </form>
    </section>
  );
}
