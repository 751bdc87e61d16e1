import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { SEARCH_QUERY, type SearchGroup, type SearchHit } from '../graphql/search';
import { SearchBox } from './SearchBox';
import { SearchExcerpt } from './SearchExcerpt';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** Hits shown per group at first, and added by « Plus de résultats ». */
const PAGE = 5;

/**
 * `/recherche?q=…`: the global search — proposals, text articles, meetings and petitions the
 * visitor may see, grouped by type (« Propositions (12) »), best first, each hit with its space
 * and an excerpt where the words are highlighted. « Plus de résultats » loads the next hits of one
 * group (keyset) and moves focus to the first new one.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  useDocumentTitle(query ? t('search.titleFor', { query }) : t('search.title'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const valid = query.length >= 2 && query.length <= 200;
  const { data, error, loading, refetch } = useQuery(SEARCH_QUERY, {
    variables: { query, first: PAGE },
    skip: !valid,
  });

  return (
    <div className="search-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('search.title')}
      </h1>
      <SearchBox
        key={query}
        initial={query}
        className="search-box search-box--page"
        name={t('search.pageForm')}
      />
      {!valid && query && <p className="field__error">{t('search.tooShort')}</p>}
      {valid && error && !data && <QueryErrorView error={error} onRetry={() => void refetch()} />}
      {valid && loading && !data && <Loading />}
      {valid && data && <SearchResults query={data.search.query} groups={data.search.groups} />}
    </div>
  );
}

function SearchResults({ query, groups }: { query: string; groups: SearchGroup[] }) {
  const { t } = useTranslation();
  const total = groups.reduce((n, g) => n + (g.totalCount ?? g.hits.length), 0);
  return (
    <>
      <p className="search-page__summary" role="status">
        {total ? t('search.summary', { count: total, query }) : t('search.none', { query })}
      </p>
      {groups.map((group) => (
        <SearchGroupSection key={group.type} query={query} group={group} />
      ))}
    </>
  );
}

function SearchGroupSection({ query, group }: { query: string; group: SearchGroup }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [hits, setHits] = useState<SearchHit[]>(group.hits);
  const [pageInfo, setPageInfo] = useState(group.pageInfo);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const focusIndex = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const headingId = `search-group-${group.type}`;

  useEffect(() => {
    setHits(group.hits);
    setPageInfo(group.pageInfo);
  }, [group]);

  useLayoutEffect(() => {
    if (focusIndex.current === null) return;
    list.current
      ?.querySelectorAll<HTMLAnchorElement>('.search-hit__title a')
      [focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [hits]);

  async function more() {
    if (!pageInfo.endCursor || busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const { data } = await client.query({
        query: SEARCH_QUERY,
        variables: { query, types: [group.type], first: PAGE, after: pageInfo.endCursor },
        fetchPolicy: 'network-only',
      });
      const next = data?.search.groups[0];
      if (next) {
        focusIndex.current = hits.length;
        setHits([...hits, ...next.hits]);
        setPageInfo(next.pageInfo);
      } else {
        setPageInfo({ ...pageInfo, hasNextPage: false });
      }
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="search-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`search.types.${group.type}`)}{' '}
        <span className="search-group__count">({group.totalCount ?? hits.length})</span>
      </h2>
      <ol className="search-group__hits" ref={list}>
        {hits.map((hit) => (
          <li key={hit.id} className="search-hit">
            <h3 className="search-hit__title">
              <Link to={hit.link} lang={CONTENT_LANGUAGE}>
                {hit.title}
              </Link>
            </h3>
            <p className="search-hit__space" lang={CONTENT_LANGUAGE}>
              {hit.spaceTitle}
            </p>
            {hit.excerptHtml && <SearchExcerpt html={hit.excerptHtml} />}
          </li>
        ))}
      </ol>
      {failed && (
        <p className="field__error" role="alert">
          {t('search.moreFailed')}
        </p>
      )}
      {pageInfo.hasNextPage && (
        <button
          type="button"
          className="button button--small"
          onClick={() => void more()}
          aria-disabled={busy || undefined}
        >
          {busy
            ? t('search.loadingMore')
            : t('search.more', { type: t(`search.types.${group.type}`).toLowerCase() })}
        </button>
      )}
    </section>
  );
}
