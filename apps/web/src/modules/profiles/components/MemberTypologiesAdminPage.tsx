import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorCode, ProfileRules } from '@concerto/domain';
import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { AdministeredSpaces } from '../../admin/components/AdministeredSpaces';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField, VisuallyHidden } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { textProblem } from '../../ui/feedback/fieldChecks';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback, type Feedback } from '../../ui/hooks/useFeedback';
import { useInlineEditor } from '../../ui/hooks/useInlineEditor';
import { parseApiError } from '../../ui/utils/apiError';
import {
  CREATE_MEMBER_TYPOLOGY_MUTATION,
  MEMBER_TYPOLOGIES_QUERY,
  UPDATE_MEMBER_TYPOLOGY_MUTATION,
  type MemberTypology,
} from '../graphql/members';
import '../profiles.css';

const REFRESH = { refetchQueries: ['MemberTypologies'], awaitRefetchQueries: true };

/**
 * `/admin/typologies`: « Typologies des membres », for organization admins only (others get
 * « Accès réservé »): the list in order, archived ones included, each with « Renommer »,
 * « Monter », « Descendre », « Archiver » / « Restaurer »; and a form to add one at the end. In
 * both forms (add, rename) an empty, too long or taken label is said on the field, with focus on
 * the error summary, and nothing is sent when the label fails its check.
 */
export function MemberTypologiesAdminPage() {
  return (
    <AdministeredSpaces>
      {(_spaces, isOrgAdmin) => (isOrgAdmin ? <MemberTypologiesView /> : <AccessDenied signedIn />)}
    </AdministeredSpaces>
  );
}

function MemberTypologiesView() {
  const { t } = useTranslation();
  useDocumentTitle(t('members.typologies.title'));
  const listFeedback = useFeedback();
  const formFeedback = useFeedback();
  const [label, setLabel] = useState('');
  const summary = useErrorSummary();
  const prefix = useId();
  const fields = { label: { id: `${prefix}-label`, label: t('members.typologies.label') } };
  const labelRef = useRef<HTMLInputElement>(null);
  const { data, loading, error, refetch } = useQuery(MEMBER_TYPOLOGIES_QUERY, {
    variables: { includeArchived: true },
    fetchPolicy: 'network-only',
  });
  const [create, createState] = useMutation(CREATE_MEMBER_TYPOLOGY_MUTATION, REFRESH);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createState.loading) return;
    formFeedback.clear();
    const text = label.trim();
    const problem = !text
      ? { fieldId: fields.label.id, message: t('members.typologies.labelRequired') }
      : textProblem(t, fields.label, text, { max: ProfileRules.typologyLabelMaxLength });
    summary.report(problem ? [problem] : []);
    if (problem) return;
    try {
      const result = await create({ variables: { input: { label: text } } });
      setLabel('');
      formFeedback.succeed(
        t('members.typologies.added', { label: result.data?.createMemberTypology.label ?? text }),
      );
      labelRef.current?.focus();
    } catch (caught) {
      if (parseApiError(caught).code === ErrorCode.CONFLICT)
        summary.report([{ fieldId: fields.label.id, message: t('members.typologies.labelTaken') }]);
      else if (!summary.reportApiError(caught, fields)) formFeedback.fail(caught);
    }
  }

  const typologies = [...(data?.memberTypologies ?? [])].sort((a, b) => a.position - b.position);
  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <h1 id="page-title">{t('members.typologies.title')}</h1>
      <p className="muted">{t('members.typologies.intro')}</p>
      <section aria-labelledby="typologies-list" className="panel">
        <h2 id="typologies-list">{t('members.typologies.listHeading')}</h2>
        <FeedbackMessages feedback={listFeedback} />
        {error && !data ? (
          <QueryErrorView error={error} onRetry={() => void refetch()} />
        ) : loading && !data ? (
          <Loading />
        ) : typologies.length === 0 ? (
          <p>{t('members.typologies.empty')}</p>
        ) : (
          <ol className="admin-list members-typologies">
            {typologies.map((typology, index) => (
              <TypologyRow
                key={typology.key}
                typology={typology}
                isFirst={index === 0}
                isLast={index === typologies.length - 1}
                feedback={listFeedback}
              />
            ))}
          </ol>
        )}
      </section>
      <form className="form panel" noValidate onSubmit={add} aria-labelledby="typologies-add">
        <h2 id="typologies-add">{t('members.typologies.addHeading')}</h2>
        <ErrorSummary state={summary} />
        <TextField
          {...summary.fieldProps(fields.label)}
          hint={t('members.typologies.labelHint')}
          name="label"
          autoComplete="off"
          required
          maxLength={ProfileRules.typologyLabelMaxLength}
          value={label}
          inputRef={labelRef}
          onChange={(event) => setLabel(event.target.value)}
        />
        <FeedbackMessages feedback={formFeedback} />
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={createState.loading || undefined}
          >
            {t('members.typologies.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

interface TypologyRowProps {
  typology: MemberTypology;
  isFirst: boolean;
  isLast: boolean;
  feedback: Feedback;
}

/**
 * One typology: its position and label, and its actions. Buttons that cannot act (« Monter » on
 * the first) stay focusable with `aria-disabled`, so the focus never drops after a move.
 */
function TypologyRow({ typology, isFirst, isLast, feedback }: TypologyRowProps) {
  const { t } = useTranslation();
  const editor = useInlineEditor();
  const [draft, setDraft] = useState(typology.label);
  const summary = useErrorSummary();
  const prefix = useId();
  /** The rename form's field, by the API's input key. */
  const fields = { label: { id: `${prefix}-label`, label: t('members.typologies.label') } };
  const [update, { loading }] = useMutation(UPDATE_MEMBER_TYPOLOGY_MUTATION, REFRESH);
  const target = t('members.typologies.target', { label: typology.label });
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  // the row moves in the list after « Monter »/« Descendre »: the focus goes back to the button pressed
  const focusAfterMove = useRef<HTMLButtonElement | null>(null);
  useLayoutEffect(() => {
    focusAfterMove.current?.focus();
    focusAfterMove.current = null;
  }, [typology.position]);

  async function change(
    input: { position?: number; archived?: boolean },
    success: (saved: MemberTypology) => string,
  ) {
    if (loading) return;
    feedback.clear();
    try {
      const result = await update({ variables: { key: typology.key, input } });
      if (result.data) feedback.succeed(success(result.data.updateMemberTypology));
    } catch (caught) {
      feedback.fail(caught);
    }
  }

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    feedback.clear();
    const text = draft.trim();
    const problem = !text
      ? { fieldId: fields.label.id, message: t('members.typologies.labelRequired') }
      : textProblem(t, fields.label, text, { max: ProfileRules.typologyLabelMaxLength });
    summary.report(problem ? [problem] : []);
    if (problem) return;
    try {
      const result = await update({ variables: { key: typology.key, input: { label: text } } });
      if (result.data)
        feedback.succeed(
          t('members.typologies.renamed', { label: result.data.updateMemberTypology.label }),
        );
      editor.setOpen(false);
    } catch (caught) {
      if (parseApiError(caught).code === ErrorCode.CONFLICT)
        summary.report([{ fieldId: fields.label.id, message: t('members.typologies.labelTaken') }]);
      else if (!summary.reportApiError(caught, fields)) feedback.fail(caught);
    }
  }

  const move = (delta: number) => {
    focusAfterMove.current = delta < 0 ? upRef.current : downRef.current;
    return change({ position: typology.position + delta }, (saved) =>
      t('members.typologies.moved', { label: saved.label, position: saved.position }),
    );
  };
  const toggleArchived = () =>
    change({ archived: !typology.archived }, (saved) =>
      t(saved.archived ? 'members.typologies.archivedDone' : 'members.typologies.restored', {
        label: saved.label,
      }),
    );

  return (
    <li className="admin-list__item admin-row members-typologies__row">
      <div className="admin-row__main">
        <span className="members-typologies__position">
          {t('members.typologies.position', { position: typology.position })}
        </span>{' '}
        <span className="admin-row__title">{typology.label}</span>
        {typology.archived ? (
          <span className="muted"> {t('members.typologies.archived')}</span>
        ) : null}
        <span className="muted" translate="no">
          {' '}
          ({typology.key})
        </span>
      </div>
      {editor.open ? (
        <form
          className="form members-typologies__rename"
          noValidate
          onSubmit={rename}
          onKeyDown={editor.onKeyDown}
        >
          <ErrorSummary state={summary} />
          <TextField
            {...summary.fieldProps(fields.label.id)}
            label={t('members.typologies.renameLabel', { label: typology.label })}
            name="label"
            autoComplete="off"
            maxLength={ProfileRules.typologyLabelMaxLength}
            value={draft}
            inputRef={editor.fieldRef}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="actions">
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={loading || undefined}
            >
              {t('members.typologies.save')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                summary.report([]);
                setDraft(typology.label);
                editor.setOpen(false);
              }}
            >
              {t('members.typologies.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          ref={editor.buttonRef}
          aria-expanded={editor.open}
          onClick={() => {
            setDraft(typology.label);
            summary.report([]);
            editor.setOpen(!editor.open);
          }}
        >
          {t('members.typologies.rename')} <VisuallyHidden>{target}</VisuallyHidden>
        </button>
        <button
          type="button"
          className="button"
          ref={upRef}
          aria-disabled={isFirst || undefined}
          onClick={() => void (isFirst ? undefined : move(-1))}
        >
          {t('members.typologies.moveUp')} <VisuallyHidden>{target}</VisuallyHidden>
        </button>
        <button
          type="button"
          className="button"
          ref={downRef}
          aria-disabled={isLast || undefined}
          onClick={() => void (isLast ? undefined : move(1))}
        >
          {t('members.typologies.moveDown')} <VisuallyHidden>{target}</VisuallyHidden>
        </button>
        <button type="button" className="button" onClick={() => void toggleArchived()}>
          {typology.archived ? t('members.typologies.restore') : t('members.typologies.archive')}{' '}
          <VisuallyHidden>{target}</VisuallyHidden>
        </button>
      </div>
    </li>
  );
}
