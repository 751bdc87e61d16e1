import type { Typenamed } from '../../../test/typenamed';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { SEARCH_QUERY, type SearchHit } from '../graphql/search';
import { SearchPage } from './SearchPage';

const hit = (id: string, title: string): Typenamed<SearchHit> => ({
  __typename: 'SearchHit',
  id,
  title,
  excerptHtml: `Une <mark>journée</mark> &amp; des ateliers &lt;b&gt;`,
  link: `/espaces/filiere/f/c1/rencontres/${id}`,
  spaceTitle: 'Structuration de la filière',
});
const page = (hits: Typenamed<SearchHit>[], hasNextPage: boolean, totalCount: number | null) => ({
  __typename: 'SearchGroup' as const,
  type: 'MEETING' as const,
  totalCount,
  hits,
  pageInfo: { __typename: 'PageInfo' as const, hasNextPage, endCursor: hasNextPage ? 'c1' : null },
});
const first = {
  request: { query: SEARCH_QUERY, variables: { query: 'journée', first: 5 } },
  result: {
    data: {
      search: {
        __typename: 'SearchResults' as const,
        query: 'journée',
        groups: [
          {
            ...page(
              [1, 2, 3, 4, 5].map((n) => hit(`m${n}`, `Journée ${n}`)),
              true,
              6,
            ),
          },
          {
            ...page([], false, 1),
            type: 'PETITION' as const,
            hits: [
              {
                ...hit('p1', 'Pour une journée de la filière'),
                link: '/espaces/filiere/f/c2/petitions/p1',
              },
            ],
          },
        ],
      },
    },
  },
};
const more = {
  request: {
    query: SEARCH_QUERY,
    variables: { query: 'journée', types: ['MEETING'], first: 5, after: 'c1' },
  },
  result: {
    data: {
      search: {
        __typename: 'SearchResults' as const,
        query: 'journée',
        groups: [page([hit('m6', 'Journée 6')], false, null)],
      },
    },
  },
};

describe('<SearchPage> (/recherche)', () => {
  it('groups the hits by type with counts, highlights the words without rendering other markup, and loads more hits of one type with focus on the first new one', async () => {
    renderWithProviders(<SearchPage />, {
      route: '/recherche?q=journ%C3%A9e',
      mocks: [first, more],
    });
    expect(await screen.findByText('7 résultats pour « journée »')).toHaveAttribute(
      'role',
      'status',
    );
    const meetings = screen.getByRole('region', { name: 'Rencontres (6)' });
    expect(within(meetings).getAllByRole('listitem')).toHaveLength(5);
    expect(screen.getByRole('region', { name: 'Pétitions (1)' })).toBeInTheDocument();
    const excerpt = within(meetings).getAllByText(
      (_, el) => el?.classList.contains('search-hit__excerpt') ?? false,
    )[0];
    expect(excerpt.querySelector('mark')).toHaveTextContent('journée');
    expect(excerpt).toHaveTextContent('Une journée & des ateliers <b>');
    expect(excerpt.querySelector('b')).toBeNull();
    expect(within(meetings).getByRole('link', { name: 'Journée 1' })).toHaveAttribute(
      'href',
      '/espaces/filiere/f/c1/rencontres/m1',
    );

    await userEvent.click(
      within(meetings).getByRole('button', { name: 'Plus de résultats (rencontres)' }),
    );
    const sixth = await within(meetings).findByRole('link', { name: 'Journée 6' });
    expect(sixth).toHaveFocus();
    expect(within(meetings).queryByRole('button', { name: /Plus de résultats/ })).toBeNull();
  });

  it('asks for 2 characters instead of searching for fewer', async () => {
    renderWithProviders(<SearchPage />, { route: '/recherche?q=a', mocks: [] });
    expect(screen.getAllByText('Saisissez au moins 2 caractères.').length).toBeGreaterThan(0);
    const field = screen.getAllByRole('searchbox')[0];
    await userEvent.clear(field);
    await userEvent.type(field, 'x{Enter}');
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });
});
