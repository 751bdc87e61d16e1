import { useMutation, useQuery } from '@apollo/client/react';
import { NewsLimits } from '@concerto/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AccessDenied } from '../../admin/components/AccessDenied';
import { useMe } from '../../auth/hooks/useMe';
import { COMPONENT_QUERY } from '../../components/graphql/components';
import { isoToParisLocal, parisLocalToIso } from '../../meetings/meetingDates';
import { MEETINGS_ADMIN_SPACE_QUERY } from '../../meetings/graphql/meetings';
import { Breadcrumb } from '../../ui/components/Breadcrumb';
import { DateTime } from '../../ui/components/DateTime';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, SelectField, TextField } from '../../ui/components/Fields';
import { RichTextField } from '../../ui/components/RichTextField';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { ConfirmButton } from '../../ui/feedback/ConfirmButton';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf, textProblem } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { richTextPlain } from '../../ui/rich-text-plain';
import {
  CREATE_NEWS_POST_MUTATION,
  DELETE_NEWS_POST_MUTATION,
  NEWS_POSTS_QUERY,
  UPDATE_NEWS_POST_MUTATION,
  uploadNewsImage,
  type NewsPost,
  type NewsPostFieldsInput,
} from '../graphql/news';
import { newsPostPath } from './NewsCard';
import { useFocusAfterRender } from '../../ui/feedback/useFocusAfterRender';

const REFETCH = { refetchQueries: ['NewsPosts'], awaitRefetchQueries: true };

/** `/admin/espaces/:slug/actualites/:componentId`: write, schedule and delete the posts of a NEWS component. Space admins. */
export function NewsAdminPage() {
  const { slug = '', componentId = '' } = useParams();
  const { t } = useTranslation();
  const { me, loading: meLoading } = useMe();
  const space = useQuery(MEETINGS_ADMIN_SPACE_QUERY, { variables: { slug }, skip: !me });
  const component = useQuery(COMPONENT_QUERY, { variables: { id: componentId }, skip: !me });
  const posts = useQuery(NEWS_POSTS_QUERY, {
    variables: { componentId },
    skip: !me,
    fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(t('news.admin.title'));
  if (meLoading) return <Loading page />;
  if (!me) return <AccessDenied signedIn={false} />;
  const error = space.error ?? component.error ?? (!posts.data ? posts.error : undefined);
  if (error) return <QueryErrorView error={error} onRetry={() => void posts.refetch()} />;
  if (!space.data || !component.data || !posts.data) return <Loading page />;
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
        <p className="eyebrow">{t('spaces.componentType.NEWS')}</p>
        <h1 id="page-title">
          {t('news.admin.heading', { title: component.data.component.title })}
        </h1>
        <p>
          <Link to={`/espaces/${s.slug}/f/${componentId}`}>{t('news.admin.publicPage')}</Link>
        </p>
      </header>
      <section aria-labelledby="news-admin-new" className="panel">
        <h2 id="news-admin-new">{t('news.admin.new')}</h2>
        <NewsPostForm componentId={componentId} canFeature={me.isAdmin} />
      </section>
      <section aria-labelledby="news-admin-list" className="panel">
        <h2 id="news-admin-list" tabIndex={-1}>
          {t('news.admin.list')}
        </h2>
        {posts.data.newsPosts.length === 0 ? (
          <p>{t('news.none')}</p>
        ) : (
          <ul className="admin-list">
            {posts.data.newsPosts.map((post) => (
              <li key={post.id} className="admin-list__item">
                <NewsAdminRow post={post} canFeature={me.isAdmin} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function NewsAdminRow({ post, canFeature }: { post: NewsPost; canFeature: boolean }) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [remove] = useMutation(DELETE_NEWS_POST_MUTATION, REFETCH);
  async function onDelete() {
    feedback.clear();
    try {
      await remove({ variables: { id: post.id } });
      // the row is gone: focus the list's heading, never the page
      focusAfterRender(() => document.getElementById('news-admin-list'));
    } catch (error) {
      feedback.fail(error);
    }
  }
  const close = () => {
    setEditing(false);
    focusAfterRender(editButton);
  };
  return (
    <>
      <h3 className="admin-list__title">
        <Link to={newsPostPath(post)}>{post.title}</Link>
      </h3>
      <p className="muted">
        {t(post.status === 'SCHEDULED' ? 'news.admin.scheduledFor' : 'news.admin.publishedOn')}{' '}
        <DateTime iso={post.publishedAt} style="short" /> ·{' '}
        {t('news.by', { name: post.authorName })}
        {post.onHomePage ? <> · {t('news.admin.onHomePage')}</> : null}
      </p>
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button
          type="button"
          className="button"
          ref={editButton}
          aria-expanded={editing}
          aria-label={t('news.admin.editLabel', { title: post.title })}
          onClick={() => setEditing((v) => !v)}
        >
          {t('news.admin.edit')}
        </button>
        <ConfirmButton
          label={t('news.admin.delete')}
          question={t('news.admin.deleteQuestion', { title: post.title })}
          confirmLabel={t('news.admin.deleteConfirm')}
          danger
          onConfirm={onDelete}
        />
      </div>
      {editing ? (
        <>
          <NewsPostForm
            componentId={post.componentId}
            canFeature={canFeature}
            post={post}
            onSaved={close}
          />
          <button type="button" className="button button--link" onClick={close}>
            {t('news.admin.cancelEdit')}
          </button>
        </>
      ) : null}
    </>
  );
}

interface Values {
  title: string;
  body: string;
  imageAlt: string;
  authorKind: 'SPACE' | 'MEMBER';
  when: 'NOW' | 'LATER';
  publishAt: string;
  onHomePage: boolean;
}
const EMPTY: Values = {
  title: '',
  body: '',
  imageAlt: '',
  authorKind: 'SPACE',
  when: 'NOW',
  publishAt: '',
  onHomePage: false,
};
const valuesOf = (post: NewsPost | undefined): Values =>
  post
    ? {
        title: post.title,
        body: post.body,
        imageAlt: post.imageAlt,
        authorKind: post.bySpace ? 'SPACE' : 'MEMBER',
        when: post.status === 'SCHEDULED' ? 'LATER' : 'NOW',
        publishAt: post.status === 'SCHEDULED' ? isoToParisLocal(post.publishedAt) : '',
        onHomePage: post.onHomePage,
      }
    : EMPTY;

/**
 * Writes or edits a post: title, text (paragraphs separated by a blank line, or HTML; sanitised by the
 * API), an image with its alternative text (uploaded first, resized by the API), who signs it,
 * publication now or at a date typed in Europe/Paris. The fields are checked with
 * {@link NewsLimits} before sending; each problem, and each field the API refuses, is shown on
 * its field, focus on the error summary.
 */
export function NewsPostForm({
  componentId,
  canFeature,
  post,
  onSaved,
}: {
  componentId: string;
  canFeature: boolean;
  post?: NewsPost;
  onSaved?: () => void;
}) {
  const focusAfterRender = useFocusAfterRender();
  const { t } = useTranslation();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const [values, setValues] = useState<Values>(() => valuesOf(post));
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const [create] = useMutation(CREATE_NEWS_POST_MUTATION, REFETCH);
  const [update] = useMutation(UPDATE_NEWS_POST_MUTATION, REFETCH);
  const published = post?.status === 'PUBLISHED';
  const id = (name: string) => `news-${post ? `${post.id}-` : ''}${name}`;
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  /** The form's fields, by the API's input key. */
  const fields = {
    title: { id: id('title'), label: t('news.form.title') },
    body: { id: id('body'), label: t('news.form.body') },
    imageId: { id: id('image'), label: t('news.form.image') },
    imageAlt: { id: id('image-alt'), label: t('news.form.imageAlt') },
    publishAt: { id: id('publish-at'), label: t('news.form.publishAt') },
  };
  const errorFor = (name: keyof typeof fields) => summary.errorOf(fields[name].id);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const publishAt = values.when === 'LATER' ? parisLocalToIso(values.publishAt) : null;
    const withImage = Boolean(file || post?.imageUrl);
    const problems = problemsOf(
      textProblem(t, fields.title, values.title, {
        min: NewsLimits.titleMinLength,
        max: NewsLimits.titleMaxLength,
      }),
      textProblem(t, fields.body, richTextPlain(values.body), {
        min: 1,
        max: NewsLimits.bodyMaxLength,
      }),
      withImage &&
        (values.imageAlt.trim()
          ? textProblem(t, fields.imageAlt, values.imageAlt, {
              max: NewsLimits.imageAltMaxLength,
            })
          : { fieldId: fields.imageAlt.id, message: t('news.form.altRequired') }),
      values.when === 'LATER' &&
        !published &&
        !publishAt && { fieldId: fields.publishAt.id, message: t('news.form.dateRequired') },
    );
    summary.report(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      let imageId: string | null = null;
      if (file) {
        try {
          imageId = (await uploadNewsImage(componentId, file)).imageId;
        } catch (error) {
          summary.report([
            {
              fieldId: fields.imageId.id,
              message: t('forms.serverField', {
                label: fields.imageId.label,
                message: (error as Error).message,
              }),
            },
          ]);
          return;
        }
      }
      const sent: NewsPostFieldsInput = { title: values.title.trim(), body: values.body };
      if (imageId || !post?.imageUrl)
        Object.assign(sent, { imageId, imageAlt: imageId ? values.imageAlt.trim() : '' });
      else sent.imageAlt = values.imageAlt.trim();
      if (!post || values.authorKind !== (post.bySpace ? 'SPACE' : 'MEMBER'))
        sent.authorKind = values.authorKind;
      if (!published) sent.publishAt = publishAt;
      if (canFeature) sent.onHomePage = values.onHomePage;
      if (post) {
        const result = await update({ variables: { id: post.id, input: sent } });
        feedback.succeed(
          t('news.admin.updated', { title: result.data?.updateNewsPost.title ?? values.title }),
        );
        onSaved?.();
        return;
      }
      const result = await create({ variables: { input: { ...sent, componentId } } });
      const created = result.data?.createNewsPost;
      feedback.succeed(
        t(created?.status === 'SCHEDULED' ? 'news.admin.scheduled' : 'news.admin.published', {
          title: created?.title ?? values.title,
        }),
      );
      setValues(EMPTY);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      focusAfterRender(titleRef);
    } catch (error) {
      if (!summary.reportApiError(error, fields)) feedback.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary state={summary} />
      <FeedbackMessages feedback={feedback} />
      <TextField
        {...summary.fieldProps(fields.title)}
        inputRef={titleRef}
        required
        maxLength={NewsLimits.titleMaxLength}
        value={values.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <RichTextField
        {...summary.fieldProps(fields.body)}
        hint={t('news.form.bodyHint')}
        rows={8}
        value={values.body}
        onChange={(body) => set('body', body)}
      />
      <div className="field">
        <label htmlFor={id('image')}>{t('news.form.image')}</label>
        <p className="field__hint" id={id('image-hint')}>
          {t('news.form.imageHint')}
        </p>
        <input
          id={id('image')}
          ref={fileRef}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          aria-describedby={[id('image-hint'), errorFor('imageId') ? id('image-error') : null]
            .filter(Boolean)
            .join(' ')}
          aria-invalid={errorFor('imageId') ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {errorFor('imageId') ? (
          <p id={id('image-error')} className="field__error">
            {errorFor('imageId')}
          </p>
        ) : null}
      </div>
      {post?.imageUrl && !file ? <p className="muted">{t('news.form.keepImage')}</p> : null}
      {file || post?.imageUrl ? (
        <TextField
          {...summary.fieldProps(fields.imageAlt)}
          hint={t('news.form.imageAltHint')}
          required
          maxLength={NewsLimits.imageAltMaxLength}
          value={values.imageAlt}
          onChange={(e) => set('imageAlt', e.target.value)}
        />
      ) : null}
      <SelectField
        id={id('author')}
        label={t('news.form.author')}
        value={values.authorKind}
        onChange={(e) => set('authorKind', e.target.value as Values['authorKind'])}
        options={[
          { value: 'SPACE', label: t('news.form.authorSpace') },
          { value: 'MEMBER', label: t('news.form.authorMember') },
        ]}
      />
      {published ? null : (
        <SelectField
          id={id('when')}
          label={t('news.form.when')}
          value={values.when}
          onChange={(e) => set('when', e.target.value as Values['when'])}
          options={[
            { value: 'NOW', label: t('news.form.now') },
            { value: 'LATER', label: t('news.form.later') },
          ]}
        />
      )}
      {values.when === 'LATER' && !published ? (
        <TextField
          {...summary.fieldProps(fields.publishAt)}
          type="datetime-local"
          hint={t('news.form.parisTime')}
          required
          value={values.publishAt}
          onChange={(e) => set('publishAt', e.target.value)}
        />
      ) : null}
      {canFeature ? (
        <CheckboxField
          label={t('news.form.onHomePage')}
          checked={values.onHomePage}
          onChange={(e) => set('onHomePage', e.target.checked)}
        />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {post
            ? t('news.form.save')
            : t(values.when === 'LATER' ? 'news.form.schedule' : 'news.form.publish')}
        </button>
      </div>
    </form>
  );
}
