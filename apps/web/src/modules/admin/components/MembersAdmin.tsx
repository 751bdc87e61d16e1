import { useMutation, useQuery } from '@apollo/client/react';
import { AssemblyPosition, ErrorCode, SpaceLimits } from '@concerto/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { SelectField, TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import {
  ADD_ASSEMBLY_MEMBER_MUTATION,
  ADMIN_MEMBERS_QUERY,
  REMOVE_ASSEMBLY_MEMBER_MUTATION,
} from '../graphql/admin';
import { memberFields, memberProblems, weightOf } from '../memberChecks';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';

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
 * Assembly members: list, add by e-mail (position, college, weight; checked with the API's limits
 * before sending, each problem on its field, focus on the error summary), remove.
 */
export function MembersAdmin({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const listFeedback = useFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [values, setValues] = useState(EMPTY);
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's fields, by the API's input key. */
  const fields = memberFields(t, prefix, t('admin.memberEmail'));
  const { data, loading, error } = useQuery(ADMIN_MEMBERS_QUERY, { variables: { spaceId } });
  const refetch = {
    refetchQueries: ['AdminAssemblyMembers', 'AssemblyMembers'],
    awaitRefetchQueries: true,
  };
  const [addAssemblyMember, addState] = useMutation(ADD_ASSEMBLY_MEMBER_MUTATION, refetch);
  const [removeAssemblyMember] = useMutation(REMOVE_ASSEMBLY_MEMBER_MUTATION, refetch);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = memberProblems(t, fields, values);
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await addAssemblyMember({
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
      feedback.succeed(
        t('admin.memberAdded', { name: result.data?.addAssemblyMember.userName ?? values.email }),
      );
      setValues(EMPTY);
    } catch (caught) {
      if (parseApiError(caught).code === ErrorCode.NOT_FOUND)
        summary.report([{ fieldId: fields.email.id, message: t('admin.accountNotFound') }]);
      else if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  }

  async function remove(id: string, name: string) {
    listFeedback.clear();
    try {
      await removeAssemblyMember({ variables: { id } });
      listFeedback.succeed(t('admin.memberRemoved', { name }));
      headingRef.current?.focus();
    } catch (caught) {
      listFeedback.fail(caught);
    }
  }

  const members = data?.assemblyMembers ?? [];
  return (
    <section aria-labelledby="admin-members" className="panel">
      <h2 id="admin-members" ref={headingRef} tabIndex={-1}>
        {t('admin.membersHeading')}
      </h2>
      <FeedbackMessages feedback={listFeedback} />
      {error && !data ? (
        <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />
      ) : loading && !data ? (
        <Loading />
      ) : members.length === 0 ? (
        <p>{t('admin.noMembers')}</p>
      ) : (
        <ul className="admin-list">
          {members.map((member) => (
            <li key={member.id} className="admin-list__item admin-row">
              <div className="admin-row__main">
                <span className="admin-row__title">{member.userName}</span> —{' '}
                {t(`spaces.position.${member.position}`)}
                {member.college ? `, ${t('spaces.college', { college: member.college })}` : ''}
                {`, ${t('spaces.weight', { weight: member.weight })}`}
              </div>
              <div className="actions">
                <ConfirmDeleteButton
                  label={t('admin.removeMember')}
                  target={t('admin.memberOf', { name: member.userName })}
                  name={member.userName}
                  onConfirm={() => remove(member.id, member.userName)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="form subpanel" noValidate onSubmit={add} aria-labelledby="add-member">
        <h3 id="add-member">{t('admin.addMember')}</h3>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.email)}
          name="email"
          type="email"
          autoComplete="off"
          required
          value={values.email}
          onChange={(event) => setValues({ ...values, email: event.target.value })}
        />
        <SelectField
          id={fields.position.id}
          label={fields.position.label}
          name="position"
          value={values.position}
          onChange={(event) =>
            setValues({ ...values, position: event.target.value as AssemblyPosition })
          }
          options={POSITIONS.map((value) => ({ value, label: t(`spaces.position.${value}`) }))}
        />
        <TextField
          {...summary.fieldProps(fields.college)}
          name="college"
          maxLength={SpaceLimits.memberCollegeMaxLength}
          value={values.college}
          onChange={(event) => setValues({ ...values, college: event.target.value })}
        />
        <TextField
          {...summary.fieldProps(fields.weight)}
          name="weight"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={values.weight}
          onChange={(event) => setValues({ ...values, weight: event.target.value })}
        />
        <FeedbackMessages feedback={feedback} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={addState.loading}>
            {t('admin.addMember')}
          </button>
        </div>
      </form>
    </section>
  );
}
