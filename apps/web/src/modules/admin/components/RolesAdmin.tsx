import { useMutation, useQuery } from '@apollo/client/react';
import { AccountRules, ErrorCode, SpaceRole } from '@concerto/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { SelectField, TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { emailProblem, problemsOf } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import {
  ASSIGN_SPACE_ROLE_MUTATION,
  REVOKE_SPACE_ROLE_MUTATION,
  SPACE_ROLES_QUERY,
} from '../graphql/admin';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';

/** Space roles: list, assign by e-mail (checked before sending; problems on the field), revoke. */
export function RolesAdmin({ spaceId }: { spaceId: string }) {
  const { t, i18n } = useTranslation();
  const feedback = useFeedback();
  const listFeedback = useFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<SpaceRole>(SpaceRole.MODERATOR);
  const summary = useErrorSummary();
  const prefix = useId();
  const fields = {
    email: { id: `${prefix}-email`, label: t('admin.roleEmail') },
    role: { id: `${prefix}-role`, label: t('admin.role') },
  };
  const { data, loading, error } = useQuery(SPACE_ROLES_QUERY, { variables: { spaceId } });
  const refetch = {
    refetchQueries: ['SpaceRoles', 'AdminSpace', 'AdminSpaces'],
    awaitRefetchQueries: true,
  };
  const [assignSpaceRole, assignState] = useMutation(ASSIGN_SPACE_ROLE_MUTATION, refetch);
  const [revokeSpaceRole] = useMutation(REVOKE_SPACE_ROLE_MUTATION, refetch);

  async function assign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(emailProblem(t, fields.email, email, AccountRules.emailMaxLength));
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await assignSpaceRole({
        variables: { input: { spaceId, email: email.trim(), role } },
      });
      const assignment = result.data?.assignSpaceRole;
      feedback.succeed(
        t('admin.roleAssigned', {
          role: t(`admin.roles.${role}`),
          name: assignment?.userName ?? email,
        }),
      );
      setEmail('');
    } catch (caught) {
      if (parseApiError(caught).code === ErrorCode.NOT_FOUND)
        summary.report([{ fieldId: fields.email.id, message: t('admin.accountNotFound') }]);
      else if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  }

  async function revoke(id: string, name: string) {
    listFeedback.clear();
    try {
      await revokeSpaceRole({ variables: { id } });
      listFeedback.succeed(t('admin.roleRevoked', { name }));
      headingRef.current?.focus();
    } catch (caught) {
      listFeedback.fail(caught);
    }
  }

  const roles = data?.spaceRoles ?? [];
  return (
    <section aria-labelledby="admin-roles" className="panel">
      <h2 id="admin-roles" ref={headingRef} tabIndex={-1}>
        {t('admin.rolesHeading')}
      </h2>
      <FeedbackMessages feedback={listFeedback} />
      {error && !data ? (
        <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />
      ) : loading && !data ? (
        <Loading />
      ) : roles.length === 0 ? (
        <p>{t('admin.noRoles')}</p>
      ) : (
        <ul className="admin-list">
          {roles.map((assignment) => (
            <li key={assignment.id} className="admin-list__item admin-row">
              <div className="admin-row__main">
                <span className="admin-row__title">{assignment.userName}</span> (
                {assignment.userEmail}) — {t(`admin.roles.${assignment.role}`)}
              </div>
              <div className="actions">
                <ConfirmDeleteButton
                  label={t('admin.revoke')}
                  target={t('admin.roleOf', { name: assignment.userName })}
                  name={`${t(`admin.roles.${assignment.role}`)} — ${assignment.userName}`}
                  onConfirm={() => revoke(assignment.id, assignment.userName)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="form subpanel" noValidate onSubmit={assign} aria-labelledby="assign-role">
        <h3 id="assign-role">{t('admin.assignRole')}</h3>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.email)}
          name="email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <SelectField
          id={fields.role.id}
          label={fields.role.label}
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value as SpaceRole)}
          options={[SpaceRole.ADMIN, SpaceRole.MODERATOR].map((value) => ({
            value,
            label: t(`admin.roles.${value}`),
          }))}
        />
        <FeedbackMessages feedback={feedback} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={assignState.loading}>
            {t('admin.assignRole')}
          </button>
        </div>
      </form>
    </section>
  );
}
