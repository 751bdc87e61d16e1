import { useMutation } from '@apollo/client/react';
import { ComponentType, SpaceLimits } from '@concerto/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, SelectField, TextField, VisuallyHidden } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback, type Feedback } from '../../ui/hooks/useFeedback';
import {
  CREATE_COMPONENT_MUTATION,
  DELETE_COMPONENT_MUTATION,
  UPDATE_COMPONENT_MUTATION,
  type AdminComponent,
} from '../graphql/admin';
import { ProposalSettingsForm } from '../../proposals/components/ProposalSettingsForm';
import { TextImportAdmin } from '../../participatory-texts/components/TextImportAdmin';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';
import { COMPONENT_TYPE_ADMIN } from '../../component-types-admin';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

const REFETCH = { refetchQueries: ['AdminSpace', 'Surveys'], awaitRefetchQueries: true };
const COMPONENT_TYPES = [
  ComponentType.PROPOSALS,
  ComponentType.PARTICIPATORY_TEXT,
  ComponentType.SURVEY,
  ComponentType.MOTIONS,
  ComponentType.PETITIONS,
  ComponentType.MEETINGS,
  ComponentType.VOTES,
];

/**
 * The components of a space: add, rename, publish/unpublish, delete. Titles are checked with the
 * API's limits before sending; problems show on the field, focus on the form's error summary.
 */
export function ComponentsAdmin({
  spaceId,
  components,
}: {
  spaceId: string;
  components: AdminComponent[];
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ordered = [...components].sort((a, b) => a.position - b.position);
  return (
    <section aria-labelledby="admin-components" className="panel">
      <h2 id="admin-components" ref={headingRef} tabIndex={-1}>
        {t('admin.componentsHeading')}
      </h2>
      <FeedbackMessages feedback={feedback} />
      {ordered.length === 0 ? (
        <p>{t('admin.noComponents')}</p>
      ) : (
        <ul className="admin-list">
          {ordered.map((component) => (
            <li key={component.id} className="admin-list__item">
              <ComponentRow
                component={component}
                feedback={feedback}
                onDeleted={() => headingRef.current?.focus()}
              />
            </li>
          ))}
        </ul>
      )}
      <NewComponentForm spaceId={spaceId} />
    </section>
  );
}

function ComponentRow({
  component,
  feedback,
  onDeleted,
}: {
  component: AdminComponent;
  feedback: Feedback;
  onDeleted: () => void;
}) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const { slug: spaceSlug = '' } = useParams();
  const [renaming, setRenaming] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [title, setTitle] = useState(component.title);
  const renameButton = useRef<HTMLButtonElement>(null);
  const [updateComponent, updateState] = useMutation(UPDATE_COMPONENT_MUTATION, REFETCH);
  const [deleteComponent] = useMutation(DELETE_COMPONENT_MUTATION, REFETCH);
  const target = t('admin.theComponent', { title: component.title });
  const summary = useErrorSummary();
  const renameId = useId();
  const titleField = { id: `${renameId}-title`, label: t('admin.newTitle') };

  function closeRename() {
    setRenaming(false);
    focusAfterRender(renameButton);
  }

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(textProblem(t, titleField, title, TITLE_LIMITS));
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await updateComponent({
        variables: { id: component.id, input: { title: title.trim() } },
      });
      feedback.succeed(
        t('admin.componentRenamed', { title: result.data?.updateComponent.title ?? title }),
      );
      closeRename();
    } catch (error) {
      if (!summary.reportApiError(error, { title: titleField })) feedback.fail(error);
    }
  }

  async function togglePublished() {
    feedback.clear();
    try {
      const result = await updateComponent({
        variables: { id: component.id, input: { published: !component.published } },
      });
      const published = result.data?.updateComponent.published ?? !component.published;
      feedback.succeed(
        t(published ? 'admin.componentPublished' : 'admin.componentUnpublished', {
          title: component.title,
        }),
      );
    } catch (error) {
      feedback.fail(error);
    }
  }

  async function remove() {
    feedback.clear();
    try {
      await deleteComponent({
        variables: { id: component.id },
        update: (cache) => {
          cache.evict({ id: cache.identify({ __typename: 'Component', id: component.id }) });
          cache.gc();
        },
      });
      feedback.succeed(t('admin.componentDeleted', { title: component.title }));
      onDeleted();
    } catch (error) {
      feedback.fail(error);
    }
  }

  return (
    <div className="admin-row">
      <div className="admin-row__main">
        <h3 className="admin-row__title">{component.title}</h3>
        <p className="muted">
          {t(`spaces.componentType.${component.type}`)} ·{' '}
          {t(component.published ? 'common.published' : 'common.unpublished')}
        </p>
        {component.type === ComponentType.SURVEY ? (
          <p>
            <Link to={`/admin/enquetes/${component.id}`}>
              {t('surveys.builder.title')} <VisuallyHidden>{target}</VisuallyHidden>
            </Link>
          </p>
        ) : null}
        {registeredAdminLink(component, spaceSlug, t, target)}
        {renaming ? (
          <form
            className="form form--inline-edit"
            noValidate
            onSubmit={rename}
            aria-label={t('admin.rename') + ' ' + target}
          >
            <ErrorSummary state={summary} />
            <TextField
              {...summary.fieldProps(titleField)}
              name="title"
              required
              maxLength={TITLE_LIMITS.max}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
            <div className="form__actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={updateState.loading}
              >
                {t('common.save')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setTitle(component.title);
                  summary.report([]);
                  closeRename();
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : null}
        {component.type === ComponentType.PROPOSALS && settingsOpen ? (
          <ProposalSettingsForm componentId={component.id} componentTitle={component.title} />
        ) : null}
        {component.type === ComponentType.PARTICIPATORY_TEXT ? (
          <TextImportAdmin componentId={component.id} title={component.title} />
        ) : null}
      </div>
      <div className="actions">
        {component.type === ComponentType.PROPOSALS ? (
          <button
            type="button"
            className="button"
            aria-expanded={settingsOpen}
            onClick={() => setSettingsOpen((value) => !value)}
          >
            {t('proposals.settings.open')} <VisuallyHidden>{target}</VisuallyHidden>
          </button>
        ) : null}
        {!renaming ? (
          <button
            type="button"
            className="button"
            ref={renameButton}
            onClick={() => setRenaming(true)}
          >
            {t('admin.rename')} <VisuallyHidden>{target}</VisuallyHidden>
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => void togglePublished()}
          disabled={updateState.loading}
        >
          {t(component.published ? 'admin.unpublish' : 'admin.publish')}{' '}
          <VisuallyHidden>{target}</VisuallyHidden>
        </button>
        <ConfirmDeleteButton target={target} name={component.title} onConfirm={remove} />
      </div>
    </div>
  );
}

/** A component's title, with the API's limits. */
const TITLE_LIMITS = {
  min: SpaceLimits.componentTitleMinLength,
  max: SpaceLimits.componentTitleMaxLength,
};

const EMPTY = { type: ComponentType.PROPOSALS as ComponentType, title: '', published: false };

/** The admin screen link of a type registered in `component-types-admin.ts`, if it has one. */
function registeredAdminLink(
  component: AdminComponent,
  spaceSlug: string,
  t: (key: string) => string,
  target: string,
) {
  const registered = COMPONENT_TYPE_ADMIN[component.type];
  if (!registered || !spaceSlug) return null;
  return (
    <p>
      <Link to={registered.path(spaceSlug, component.id)}>
        {t(registered.label)} <VisuallyHidden>{target}</VisuallyHidden>
      </Link>
    </p>
  );
}

function NewComponentForm({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [values, setValues] = useState(EMPTY);
  const [createComponent, { loading }] = useMutation(CREATE_COMPONENT_MUTATION, REFETCH);
  const summary = useErrorSummary();
  const prefix = useId();
  const fields = {
    type: { id: `${prefix}-type`, label: t('admin.componentType') },
    title: { id: `${prefix}-title`, label: t('admin.componentTitle') },
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(textProblem(t, fields.title, values.title, TITLE_LIMITS));
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      const result = await createComponent({
        variables: {
          input: {
            spaceId,
            type: values.type,
            title: values.title.trim(),
            published: values.published,
          },
        },
      });
      feedback.succeed(
        t('admin.componentAdded', { title: result.data?.createComponent.title ?? values.title }),
      );
      setValues(EMPTY);
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    }
  }

  return (
    <form className="form subpanel" noValidate onSubmit={submit} aria-labelledby="new-component">
      <h3 id="new-component">{t('admin.newComponent')}</h3>
      <ErrorSummary state={summary} />
      <SelectField
        id={fields.type.id}
        label={fields.type.label}
        name="type"
        value={values.type}
        onChange={(event) => setValues({ ...values, type: event.target.value as ComponentType })}
        options={COMPONENT_TYPES.map((type) => ({
          value: type,
          label: t(`spaces.componentType.${type}`),
        }))}
      />
      <TextField
        {...summary.fieldProps(fields.title)}
        name="title"
        required
        maxLength={TITLE_LIMITS.max}
        value={values.title}
        onChange={(event) => setValues({ ...values, title: event.target.value })}
      />
      <CheckboxField
        label={t('admin.publishedField')}
        name="published"
        checked={values.published}
        onChange={(event) => setValues({ ...values, published: event.target.checked })}
      />
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('admin.addComponent')}
        </button>
      </div>
    </form>
  );
}
