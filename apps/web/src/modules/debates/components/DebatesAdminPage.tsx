import { useMutation, useQuery } from '@apollo/client/react';
import { DebateLimits } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY } from '../../components/graphql/components';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextAreaField, TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import {
  ADD_DEBATE_STATEMENT_MUTATION,
  CLOSE_DEBATE_MUTATION,
  CREATE_DEBATE_MUTATION,
  DEBATES_ADMIN_SPACE_QUERY,
  DEBATES_QUERY,
  MODERATE_DEBATE_STATEMENT_MUTATION,
  PENDING_DEBATE_STATEMENTS_QUERY,
  type Debate,
} from '../graphql/debates';
import '../debates.css';

/**
 * `/admin/espaces/:slug/debats/:componentId`: open a debate, add seed statements, close or reopen
 * it, and publish or reject the statements waiting for review (moderated setting). Space admins.
 * Both forms check their text with {@link DebateLimits} before sending; a problem, or the API's
 * refusal of a field, is shown on its field with focus on the error summary.
 */
export function DebatesAdminPage() {
  const { slug = '', componentId = '' } = useParams();
  const { t } = useTranslation();
  const { me, loading: meLoading } = useMe();
  const space = useQuery(DEBATES_ADMIN_SPACE_QUERY, { variables: { slug }, skip: !me });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId }, skip: !me });
  const debates = useQuery(DEBATES_QUERY, {
    variables: { componentId },
    skip: !me,
    fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(t('debates.admin.title'));
  if (meLoading) return <Loading page />;
  if (!me) return <AccessDenied signedIn={false} />;
  const error = space.error ?? component.error ?? (!debates.data ? debates.error : undefined);
  if (error) return <QueryErrorView error={error} onRetry={() => void debates.refetch()} />;
  if (!space.data || !component.data || !debates.data) return <Loading page />;
  if (!space.data.space.viewerCanAdminister) return <AccessDenied signedIn />;
  const s = space.data.space;
  return (
    <article className="page" aria-labelledby="page-title">
      <Breadcrumb
        trail={[
          { to: '/admin', label: t('admin.title') },
          { to: `/admin/espaces/${s.slug}`, label: s.title },
        ]}
        current={component.data.component.title}
      />
      <header className="page__header">
        <p className="eyebrow">{t('spaces.componentType.DEBATE')}</p>
        <h1 id="page-title">
          {t('debates.admin.heading', { title: component.data.component.title })}
        </h1>
        <p>
          <Link to={`/espaces/${s.slug}/f/${componentId}`}>{t('debates.admin.publicPage')}</Link>
        </p>
      </header>
      <section aria-labelledby="debates-admin-list" className="panel">
        <h2 id="debates-admin-list">{t('debates.admin.list')}</h2>
        {debates.data.debates.length === 0 ? (
          <p>{t('debates.none')}</p>
        ) : (
          <ul className="admin-list">
            {debates.data.debates.map((d) => (
              <li key={d.id} className="admin-list__item">
                <DebateAdminRow debate={d} slug={s.slug} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewDebateForm componentId={componentId} />
    </article>
  );
}

function NewDebateForm({ componentId }: { componentId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's fields, by the API's argument names. */
  const fields = {
    title: { id: `${prefix}-title`, label: t('debates.admin.titleLabel') },
    description: { id: `${prefix}-description`, label: t('debates.admin.descriptionLabel') },
  };
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [create, state] = useMutation(CREATE_DEBATE_MUTATION, {
    refetchQueries: ['Debates'],
    awaitRefetchQueries: true,
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.title, title, {
        min: DebateLimits.titleMinLength,
        max: DebateLimits.titleMaxLength,
      }),
      textProblem(t, fields.description, description, {
        max: DebateLimits.descriptionMaxLength,
      }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await create({
        variables: {
          componentId,
          title,
          description: description.trim() ? `<p>${escapeHtml(description.trim())}</p>` : '',
        },
      });
      feedback.succeed(
        t('debates.admin.created', { title: result.data?.createDebate.title ?? title }),
      );
      setTitle('');
      setDescription('');
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby="debates-admin-new" className="panel">
      <h2 id="debates-admin-new">{t('debates.admin.new')}</h2>
      <form className="form" noValidate onSubmit={submit} aria-labelledby="debates-admin-new">
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.title)}
          hint={t('debates.admin.titleHint')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextAreaField
          {...summary.fieldProps(fields.description)}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <FeedbackMessages feedback={feedback} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={state.loading}>
            {t('debates.admin.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function DebateAdminRow({ debate, slug }: { debate: Debate; slug: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  /** The seed form's field, by the API's argument name. */
  const fields = { body: { id: `debate-seed-${debate.id}`, label: t('debates.admin.seedLabel') } };
  const [seed, setSeed] = useState('');
  const pending = useQuery(PENDING_DEBATE_STATEMENTS_QUERY, {
    variables: { debateId: debate.id },
    fetchPolicy: 'cache-and-network',
  });
  const [close, closing] = useMutation(CLOSE_DEBATE_MUTATION, { refetchQueries: ['Debates'] });
  const [moderate, moderating] = useMutation(MODERATE_DEBATE_STATEMENT_MUTATION, {
    refetchQueries: ['PendingDebateStatements', 'Debates'],
    awaitRefetchQueries: true,
  });
  const [add, adding] = useMutation(ADD_DEBATE_STATEMENT_MUTATION, { refetchQueries: ['Debates'] });
  const headingId = `debate-admin-${debate.id}`;

  async function run(action: () => Promise<unknown>, done: string) {
    feedback.clear();
    try {
      await action();
      feedback.succeed(done);
    } catch (error) {
      feedback.fail(error);
    }
  }

  async function addSeed(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      textProblem(t, fields.body, seed, { min: 1, max: DebateLimits.statementMaxLength }),
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await add({ variables: { debateId: debate.id, body: seed } });
      setSeed('');
      feedback.succeed(t('debates.admin.seedAdded'));
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/espaces/${slug}/f/${debate.componentId}/debats/${debate.id}`}>
          {debate.title}
        </Link>
      </h3>
      <p>
        {t('debates.statements', { count: debate.statementsCount })} ·{' '}
        {t('debates.participants', { count: debate.participantsCount })}
        {debate.closedAt ? (
          <>
            {' '}
            · <span className="badge badge--closed">{t('debates.closed')}</span>
          </>
        ) : null}
      </p>
      <FeedbackMessages feedback={feedback} />
      <p>
        <button
          type="button"
          className="button"
          disabled={closing.loading}
          onClick={() =>
            void run(
              () => close({ variables: { id: debate.id, closed: !debate.closedAt } }),
              t(debate.closedAt ? 'debates.admin.reopened' : 'debates.admin.closedDone'),
            )
          }
        >
          {t(debate.closedAt ? 'debates.admin.reopen' : 'debates.admin.close')}{' '}
          <span className="visually-hidden">{debate.title}</span>
        </button>
      </p>
      {pending.data?.debateStatements.length ? (
        <>
          <h4>{t('debates.admin.pending', { count: pending.data.debateStatements.length })}</h4>
          <ul>
            {pending.data.debateStatements.map((st) => (
              <li key={st.id}>
                {st.body}{' '}
                <button
                  type="button"
                  className="button"
                  disabled={moderating.loading}
                  onClick={() =>
                    void run(
                      () => moderate({ variables: { id: st.id, publish: true } }),
                      t('debates.admin.publishedDone'),
                    )
                  }
                >
                  {t('debates.admin.publish')} <span className="visually-hidden">{st.body}</span>
                </button>{' '}
                <button
                  type="button"
                  className="button button--danger"
                  disabled={moderating.loading}
                  onClick={() =>
                    void run(
                      () => moderate({ variables: { id: st.id, publish: false } }),
                      t('debates.admin.rejectedDone'),
                    )
                  }
                >
                  {t('debates.admin.reject')} <span className="visually-hidden">{st.body}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {debate.closedAt ? null : (
        <form
          className="form"
          noValidate
          onSubmit={addSeed}
          aria-label={t('debates.admin.seedFor', { title: debate.title })}
        >
          <ErrorSummary state={summary} />
          <TextAreaField
            {...summary.fieldProps(fields.body)}
            hint={t('debates.add.hint', { max: DebateLimits.statementMaxLength })}
            rows={2}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={adding.loading}>
              {t('debates.admin.addSeed')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n{2,}/g, '</p><p>')
    .replace(/\n/g, '<br>');
}
