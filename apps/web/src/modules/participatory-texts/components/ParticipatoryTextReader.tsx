import { useApolloClient, useQuery } from '@apollo/client/react';
import { Suspense, createElement, lazy, useDeferredValue, useLayoutEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../components/components/Markdown';
import { ErrorAlert } from '../../ui/components/FeedbackMessages';
import { Loading } from '../../ui/components/Loading';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import {
  PARTICIPATORY_TEXT_MARKDOWN_QUERY,
  PARTICIPATORY_TEXT_QUERY,
  type TextArticle,
} from '../graphql/texts';
import '../participatory-texts.css';
import { useLiveEvent } from '../../notifications/live/LiveConnection';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/**
 * The panel of an opened article (amendments, comments, history, forms) loads when an article is
 * first opened: the text itself reads without it (and without its dialogs and form fields).
 */
const ArticlePanel = lazy(() =>
  import('./ArticlePanel').then((module) => ({ default: module.ArticlePanel })),
);

/**
 * The reading view of a participatory text: sections (headings nested by level) and numbered
 * articles at their current version, each with its amendment counts and a button that opens
 * its amendments, the amendment form and its history. Exports the consolidated text as
 * Markdown and prints it (`@media print` hides the controls).
 */
export function ParticipatoryTextReader({ componentId }: { componentId: string }) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const query = useQuery(PARTICIPATORY_TEXT_QUERY, { variables: { componentId } });
  const { loading, error, refetch } = query;
  // The text (≈ 200 articles) renders as a deferred update: React renders it in slices and lets
  // the browser respond between them, instead of one long task right when the answer arrives.
  const data = useDeferredValue(query.data);
  // an amendment created, accepted or rejected in another browser updates counts, articles and panels
  useLiveEvent(`component:${componentId}`, 'amendment.changed', () => {
    void refetch();
    void client.refetchQueries({ include: ['Amendments', 'Versions'] });
  });
  const [selected, setSelected] = useState<string | null>(null);
  // « …#article-12 » (links from search, notifications, history) opens that article and moves focus to it
  const { hash } = useLocation();
  const loaded = data?.participatoryText;
  useLayoutEffect(() => {
    const number = /^#article-(\d+)$/.exec(hash)?.[1];
    const articles = loaded
      ? [...loaded.preamble, ...loaded.sections.flatMap((s) => s.articles)]
      : [];
    const target = number ? articles.find((a) => a.number === Number(number)) : undefined;
    if (!target) return;
    setSelected(target.id);
    const element = document.getElementById(`article-${target.number}`);
    element?.scrollIntoView?.({ block: 'start' });
    element?.querySelector<HTMLButtonElement>('.text-article__select')?.focus();
  }, [hash, loaded]);
  if (error && !data)
    return <ErrorAlert message={errorMessage(parseApiError(error), t, i18n.language)} />;
  if (!data && (loading || query.data)) return <Loading />;
  const text = data?.participatoryText;
  if (!text) return <p>{t('participatoryText.empty')}</p>;

  async function downloadMarkdown() {
    const result = await client.query({
      query: PARTICIPATORY_TEXT_MARKDOWN_QUERY,
      variables: { componentId },
      fetchPolicy: 'network-only',
    });
    const markdown = result.data?.participatoryTextMarkdown ?? '';
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'texte-consolide.md';
    link.click();
    URL.revokeObjectURL(url);
  }

  const article = (a: TextArticle) => (
    <div
      key={a.id}
      id={`article-${a.number}`}
      className={`text-article${selected === a.id ? ' text-article--selected' : ''}`}
    >
      <p className="text-article__meta">
        <button
          type="button"
          className="link-button text-article__select"
          aria-expanded={selected === a.id}
          aria-controls={`article-panel-${a.id}`}
          onClick={() => setSelected(selected === a.id ? null : a.id)}
        >
          {t('texts.article', { number: a.number })}
        </button>{' '}
        <span className="muted">
          {t('texts.pendingCount', { count: a.pendingAmendmentsCount })},{' '}
          {t('texts.acceptedCount', { count: a.acceptedAmendmentsCount })}
          {a.commentsCount ? ` · ${t('texts.commentsCount', { count: a.commentsCount })}` : ''}
          {a.version > 1 ? ` · ${t('texts.versionLabel', { version: a.version })}` : ''}
        </span>
      </p>
      <div className="text-article__body">
        <Markdown source={a.body} className="prose" />
      </div>
      {selected === a.id ? (
        <Suspense fallback={<Loading />}>
          <ArticlePanel article={a} text={text} />
        </Suspense>
      ) : null}
    </div>
  );

  return (
    <div className="participatory-text">
      {!text.published ? (
        <p className="message message--info">{t('texts.unpublishedPreview')}</p>
      ) : null}
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => void downloadMarkdown()}>
          {t('texts.exportMarkdown')}
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('texts.print')}
        </button>
      </div>
      <p className="muted no-print">{t('texts.howTo')}</p>
      {text.preamble.map(article)}
      {text.sections.map((section) => (
        <section
          key={section.id}
          className={`text-section text-section--level-${section.level}`}
          aria-labelledby={`section-${section.id}`}
        >
          {createElement(
            `h${Math.min(6, section.level + 1)}`,
            { id: `section-${section.id}`, lang: CONTENT_LANGUAGE },
            section.title.replace(/\*\*/g, ''),
          )}
          {section.articles.map(article)}
        </section>
      ))}
    </div>
  );
}
