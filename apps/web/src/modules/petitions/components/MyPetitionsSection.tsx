import { useQuery } from '@apollo/client/react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../ui/components/Loading';
import { QueryErrorView } from '../../ui/components/QueryErrorView';
import {
  MY_PETITION_RELATIONS,
  MY_PETITIONS_QUERY,
  type MyPetitionRelation,
} from '../graphql/petitions';
import { PetitionProgress, PetitionStateBadge } from './PetitionProgress';
import '../petitions.css';
import { CONTENT_LANGUAGE } from '../../ui/content-language';

/** Petitions per page of « Mes pétitions ». */
export const MY_PETITIONS_PAGE_SIZE = 10;

/**
 * « Mes pétitions » in `/mon-compte`: the petitions the member started, promotes in the committee
 * or signed (a filter chooses), newest first; « Afficher plus » loads the next page and moves the
 * focus to its first petition.
 */
export function MyPetitionsSection() {
  const { t } = useTranslation();
  const [relation, setRelation] = useState<MyPetitionRelation>('ALL');
  // one cursor per loaded page: null for the first
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const choose = (next: MyPetitionRelation) => {
    setRelation(next);
    setPages([null]);
  };
  return (
    <section className="account-section my-petitions" aria-labelledby="account-petitions">
      <h2 id="account-petitions">{t('petitions.mine.title')}</h2>
      <p>{t('petitions.mine.intro')}</p>
      <div role="group" aria-label={t('petitions.mine.filterLabel')} className="segmented">
        {MY_PETITION_RELATIONS.map((r) => (
          <button
            key={r}
            type="button"
            className="button button--small"
            aria-pressed={relation === r}
            onClick={() => choose(r)}
          >
            {t(`petitions.mine.relation.${r}`)}
          </button>
        ))}
      </div>
      {pages.map((after, index) => (
        <MyPetitionsPage
          key={`${relation}-${after ?? 'first'}`}
          relation={relation}
          after={after}
          first={index === 0}
          last={index === pages.length - 1}
          onMore={(cursor) => setPages((loaded) => [...loaded, cursor])}
        />
      ))}
    </section>
  );
}

function MyPetitionsPage({
  relation,
  after,
  first,
  last,
  onMore,
}: {
  relation: MyPetitionRelation;
  after: string | null;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MY_PETITIONS_QUERY, {
    variables: { relation, first: MY_PETITIONS_PAGE_SIZE, after },
    fetchPolicy: 'cache-and-network',
  });
  const firstLink = useRef<HTMLAnchorElement>(null);
  const page = data?.myPetitions;
  useLayoutEffect(() => {
    // a page asked for by « Afficher plus »: the focus goes to its first petition (the button is gone)
    if (!first && page) firstLink.current?.focus();
  }, [first, page]);
  if (error && !data) return <QueryErrorView error={error} onRetry={() => void refetch()} />;
  if (loading && !page) return <Loading />;
  if (!page) return null;
  if (first && page.edges.length === 0) return <p>{t(`petitions.mine.empty.${relation}`)}</p>;
  return (
    <>
      <ul className="card-list my-petitions__list">
        {page.edges.map(({ node: p }, i) => (
          <li key={p.id} className="card">
            <h3 className="card__title">
              <Link to={p.link} ref={i === 0 ? firstLink : undefined} lang={CONTENT_LANGUAGE}>
                {p.title}
              </Link>
            </h3>
            <p>
              <PetitionStateBadge state={p.state} />{' '}
              <span className="field__hint">
                {[
                  p.viewerIsAuthor ? t('petitions.mine.tie.author') : null,
                  p.viewerInCommittee ? t('petitions.mine.tie.committee') : null,
                  p.viewerHasSigned ? t('petitions.mine.tie.signed') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </p>
            {p.state === 'CREATED' || p.state === 'VALIDATING' || p.state === 'DISCARDED' ? null : (
              <PetitionProgress petition={p} />
            )}
          </li>
        ))}
      </ul>
      {last && page.hasNextPage && page.endCursor ? (
        <button type="button" className="button" onClick={() => onMore(page.endCursor!)}>
          {t('petitions.mine.more')}
        </button>
      ) : null}
    </>
  );
}
