import { useMutation, useQuery } from '@apollo/client/react';
import { AccountRules, ErrorCode } from '@concerto/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { emailProblem, problemsOf } from '../../ui/feedback/fieldChecks';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { formatDateTime } from '../../ui/utils/dates';
import {
  APPOINT_ORGANIZATION_ADMIN_MUTATION,
  ORGANIZATION_ADMINS_QUERY,
  REVOKE_ORGANIZATION_ADMIN_MUTATION,
} from '../graphql/organizationAdmins';
import { AccessDenied } from './AccessDenied';
import { AdministeredSpaces } from './AdministeredSpaces';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';

/**
 * `/admin/administrateurs`: "Administrateurs de l’organisation", for organization admins only
 * (others get "Accès réservé"). The list (name, e-mail), a "Retirer" button per row behind a
 * confirmation (the API refuses to remove the last one: LAST_ADMIN), and a form to appoint an
 * existing account by e-mail (checked before sending; a problem or a refusal is said on the field,
 * with focus on the error summary).
 */
export function OrganizationAdminsPage() {
  return (
    <AdministeredSpaces>
      {(_spaces, isOrgAdmin) =>
        isOrgAdmin ? <OrganizationAdminsView /> : <AccessDenied signedIn />
      }
    </AdministeredSpaces>
  );
}

function OrganizationAdminsView() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('organizationAdmins.title'));
  const { me } = useMe();
  const listFeedback = useFeedback();
  const formFeedback = useFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [email, setEmail] = useState('');
  const summary = useErrorSummary();
  const prefix = useId();
  const fields = { email: { id: `${prefix}-email`, label: t('organizationAdmins.email') } };
  const onEmail = (message: string) => summary.report([{ fieldId: fields.email.id, message }]);
  const { data, loading, error, refetch } = useQuery(ORGANIZATION_ADMINS_QUERY, {
    fetchPolicy: 'network-only',
  });
  const refresh = { refetchQueries: ['OrganizationAdmins'], awaitRefetchQueries: true };
  const [appointAdmin, appointState] = useMutation(APPOINT_ORGANIZATION_ADMIN_MUTATION, refresh);
  const [revokeAdmin] = useMutation(REVOKE_ORGANIZATION_ADMIN_MUTATION);

  async function appoint(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    formFeedback.clear();
    const address = email.trim();
    const problems = problemsOf(
      emailProblem(t, fields.email, address, AccountRules.emailMaxLength),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await appointAdmin({ variables: { email: address } });
      formFeedback.succeed(
        t('organizationAdmins.appointed', {
          name: result.data?.appointOrganizationAdmin.name ?? address,
        }),
      );
      setEmail('');
    } catch (caught) {
      const { code } = parseApiError(caught);
      if (code === ErrorCode.NOT_FOUND) onEmail(t('organizationAdmins.notFound'));
      else if (code === ErrorCode.CONFLICT) onEmail(t('organizationAdmins.alreadyAdmin'));
      else if (code === ErrorCode.BAD_USER_INPUT) onEmail(t('organizationAdmins.emailInvalid'));
      else formFeedback.fail(caught);
    }
  }

  async function revoke(userId: string, name: string) {
    listFeedback.clear();
    const self = userId === me?.id;
    try {
      // revoking oneself: the admin list is no longer readable; re-read who the viewer is instead (the page then shows "Accès réservé")
      await revokeAdmin({
        variables: { userId },
        refetchQueries: self ? ['Me'] : ['OrganizationAdmins'],
        awaitRefetchQueries: true,
      });
      if (self) return;
      listFeedback.succeed(t('organizationAdmins.removed', { name }));
      headingRef.current?.focus();
    } catch (caught) {
      const lastAdmin = parseApiError(caught).reason === 'LAST_ADMIN';
      const info = listFeedback.fail(caught, {
        [ErrorCode.NOT_FOUND]: t('organizationAdmins.alreadyRemoved'),
        ...(lastAdmin ? { [ErrorCode.CONFLICT]: t('organizationAdmins.lastAdmin') } : {}),
      });
      if (info.code === ErrorCode.NOT_FOUND) void refetch();
    }
  }

  const admins = data?.organizationAdmins ?? [];
  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <h1 id="page-title">{t('organizationAdmins.title')}</h1>
      <p className="muted">{t('organizationAdmins.intro')}</p>
      <section aria-labelledby="org-admins-list" className="panel">
        <h2 id="org-admins-list" ref={headingRef} tabIndex={-1}>
          {t('organizationAdmins.listHeading')}
        </h2>
        <FeedbackMessages feedback={listFeedback} />
        {error && !data ? (
          <QueryErrorView error={error} onRetry={() => void refetch()} />
        ) : loading && !data ? (
          <Loading />
        ) : (
          <ul className="admin-list">
            {admins.map((admin) => (
              <li key={admin.id} className="admin-list__item admin-row">
                <div className="admin-row__main">
                  <span className="admin-row__title">{admin.name}</span>
                  {admin.id === me?.id ? ` ${t('organizationAdmins.you')}` : ''} — {admin.email}
                  {admin.appointedAt ? (
                    <span className="muted">{`, ${t('organizationAdmins.appointedOn', { date: formatDateTime(admin.appointedAt, i18n.language) })}`}</span>
                  ) : null}
                </div>
                <div className="actions">
                  <ConfirmDeleteButton
                    label={t('organizationAdmins.remove')}
                    target={t('organizationAdmins.removeTarget', { name: admin.name })}
                    name={t('organizationAdmins.removeTarget', { name: admin.name })}
                    onConfirm={() => revoke(admin.id, admin.name)}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <form
        className="form panel"
        noValidate
        onSubmit={appoint}
        aria-labelledby="org-admins-appoint"
      >
        <h2 id="org-admins-appoint">{t('organizationAdmins.appointHeading')}</h2>
        <FeedbackMessages feedback={formFeedback} />
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.email)}
          hint={t('organizationAdmins.appointHint')}
          name="email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={appointState.loading}>
            {t('organizationAdmins.appoint')}
          </button>
        </div>
      </form>
    </section>
  );
}
