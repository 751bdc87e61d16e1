import { RESOURCE_COMMENTS_QUERY } from '../../comments/graphql/comments';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { typeRich } from '../../../test/rich-text';
import { ME_QUERY } from '../../auth/graphql/auth';
import { COMPONENT_QUERY, COMPONENT_SPACE_QUERY } from '../../components/graphql/components';
import {
  UPDATE_NEWS_POST_MUTATION,
  CREATE_NEWS_POST_MUTATION,
  HOME_NEWS_QUERY,
  NEWS_POST_QUERY,
  NEWS_POSTS_QUERY,
} from '../graphql/news';
import { LatestNews } from './LatestNews';
import { NewsPostForm } from './NewsAdminPage';
import { NewsList } from './NewsList';
import { NewsPage } from './NewsPage';

const space = {
  __typename: 'ParticipatorySpace',
  id: 's1',
  slug: 'structuration',
  title: 'Structuration de la filière',
  type: 'PROCESS',
};
const component = {
  __typename: 'Component',
  id: 'c1',
  title: 'Actualités',
  description: '',
  type: 'NEWS',
  spaceId: 's1',
  published: true,
};
const post = {
  __typename: 'NewsPost',
  viewerReported: false,
  id: 'p1',
  componentId: 'c1',
  spaceId: 's1',
  spaceSlug: 'structuration',
  spaceTitle: 'Structuration de la filière',
  title: 'Synthèse de la concertation',
  body: '<p>Le rapport est <strong>publié</strong>.</p>',
  excerpt: 'Le rapport est publié.',
  imageUrl: '/news-images/i1.webp',
  imageAlt: 'Participants de l’atelier',
  bySpace: true,
  authorName: 'Structuration de la filière',
  onHomePage: true,
  publishedAt: '2026-04-02T07:00:00.000Z',
  status: 'PUBLISHED',
  hidden: false,
  commentsCount: 0,
  viewerFollows: false,
};
const scheduled = {
  ...post,
  id: 'p2',
  title: 'Appel à poursuivre le travail',
  status: 'SCHEDULED',
  imageUrl: null,
  imageAlt: '',
  publishedAt: '2026-05-01T08:00:00.000Z',
};
const me = {
  __typename: 'User',
  id: 'u1',
  name: 'Alice Martin',
  email: 'alice@example.org',
  isAdmin: false,
};

describe('Actualités (web)', () => {
  it('<NewsList> lists posts with date in Paris time, author, scheduled badge and the space’s RSS/Atom feeds', async () => {
    renderWithProviders(<NewsList componentId="c1" />, {
      route: '/espaces/structuration/f/c1',
      path: '/espaces/:slug/f/:componentId',
      mocks: [
        {
          request: { query: NEWS_POSTS_QUERY, variables: { componentId: 'c1' } },
          result: { data: { newsPosts: [scheduled, post] } },
        },
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Publications' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Synthèse de la concertation' })).toHaveAttribute(
      'href',
      '/espaces/structuration/f/c1/actualites/p1',
    );
    expect(screen.getByRole('img', { name: 'Participants de l’atelier' })).toHaveAttribute(
      'src',
      '/news-images/i1.webp',
    );
    expect(screen.getByText('Programmée')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'flux RSS' })).toHaveAttribute(
      'href',
      '/feeds/spaces/structuration/news.rss',
    );
    expect(screen.getByRole('link', { name: 'flux Atom' })).toHaveAttribute(
      'href',
      '/feeds/spaces/structuration/news.atom',
    );
  });

  it('<NewsPage> renders the sanitised rich text, the image with its alternative text and the comments', async () => {
    renderWithProviders(<NewsPage />, {
      route: '/espaces/structuration/f/c1/actualites/p1',
      path: '/espaces/:slug/f/:componentId/actualites/:postId',
      mocks: [
        { request: { query: ME_QUERY }, result: { data: { me: null } } },
        {
          request: { query: COMPONENT_SPACE_QUERY, variables: { slug: 'structuration' } },
          result: { data: { space } },
        },
        {
          request: { query: COMPONENT_QUERY, variables: { id: 'c1' } },
          result: { data: { component } },
        },
        {
          request: { query: NEWS_POST_QUERY, variables: { id: 'p1' } },
          result: { data: { newsPost: post } },
        },
        {
          request: {
            query: RESOURCE_COMMENTS_QUERY,
            variables: { commentableType: 'NEWS_POST', commentableId: 'p1' },
          },
          result: {
            data: {
              comments: [
                {
                  __typename: 'Comment',
                  id: 'k1',
                  body: '<p>Merci pour la synthèse.</p>',
                  authorName: 'Bruno Petit',
                  createdAt: '2026-04-03T10:00:00.000Z',
                  deleted: false,
                  hidden: false,
                  viewerIsAuthor: false,
                  viewerReported: false,
                },
              ],
            },
          },
        },
      ],
    });
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Synthèse de la concertation' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('publié').tagName).toBe('STRONG');
    expect(screen.getByRole('img', { name: 'Participants de l’atelier' })).toBeInTheDocument();
    expect(screen.getByText(/par Structuration de la filière/)).toBeInTheDocument();
    expect(
      await screen.findByText('Merci pour la synthèse.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Connectez-vous pour commenter' }, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('<LatestNews> shows the home page’s posts and the organization’s feeds; nothing when there are none', async () => {
    const { unmount } = renderWithProviders(<LatestNews />, {
      mocks: [
        {
          request: { query: HOME_NEWS_QUERY, variables: { first: 3 } },
          result: { data: { homeNews: [post] } },
        },
      ],
    });
    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'Dernières actualités' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'flux Atom' })).toHaveAttribute(
      'href',
      '/feeds/news.atom',
    );
    unmount();
    const empty = renderWithProviders(<LatestNews />, {
      mocks: [
        {
          request: { query: HOME_NEWS_QUERY, variables: { first: 3 } },
          result: { data: { homeNews: [] } },
        },
      ],
    });
    await waitFor(() => expect(empty.container.querySelector('section')).toBeNull());
  });

  it('the admin form refuses a scheduled date in the past on its field (API code and field)', async () => {
    renderWithProviders(<NewsPostForm componentId="c1" canFeature={false} />, {
      mocks: [
        { request: { query: ME_QUERY }, result: { data: { me } } },
        {
          request: {
            query: CREATE_NEWS_POST_MUTATION,
            // the body is the editor's HTML of the text typed
            variables: ({ input }: { input: Record<string, unknown> }) =>
              input.componentId === 'c1' &&
              input.title === 'Trop tard' &&
              /Un texte/.test(String(input.body)) &&
              input.publishAt === '2020-01-01T09:00:00.000Z',
          },
          result: {
            errors: [
              {
                message:
                  'publishAt : la date de publication programmée est passée ; choisissez une date à venir ou publiez maintenant.',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  field: 'publishAt',
                  reason: 'SCHEDULE_IN_PAST',
                },
              },
            ],
          },
        },
      ],
    });
    await userEvent.type(screen.getByLabelText(/^Titre/), 'Trop tard');
    await typeRich(userEvent.setup(), /^Texte/, 'Un texte');
    await userEvent.selectOptions(screen.getByLabelText('Publication'), 'LATER');
    const date = screen.getByLabelText(/^Date et heure de publication/);
    await userEvent.type(date, '2020-01-01T10:00');
    expect(screen.queryByLabelText(/Mettre à la une/)).toBeNull(); // space admins may not feature a post
    await userEvent.click(screen.getByRole('button', { name: 'Programmer' }));
    expect(
      await screen.findAllByText(
        /la date de publication programmée est passée/,
        {},
        { timeout: 5000 },
      ),
    ).not.toHaveLength(0);
    await waitFor(() => expect(date).toHaveAttribute('aria-invalid', 'true'));
    // the API's input key gives way to the field's label, focus on the error summary
    expect(date).toHaveAccessibleDescription(
      expect.stringMatching(/«\u00a0Date et heure de publication\u00a0»\u00a0: la date/),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(document.body).not.toHaveTextContent(/publishAt/);
  });

  it('the admin form checks title and text before sending, each on its field, focus on the summary', async () => {
    renderWithProviders(<NewsPostForm componentId="c1" canFeature={false} />, {
      mocks: [{ request: { query: ME_QUERY }, result: { data: { me } } }],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Titre/), 'Ab');
    await user.click(screen.getByRole('button', { name: 'Publier' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText(/^Titre/)).toHaveAccessibleDescription(
      '«\u00a0Titre\u00a0»\u00a0: de 3 à 150 caractères.',
    );
    expect(within(summary).getAllByRole('link')[1].textContent).toBe(
      'Renseignez le champ «\u00a0Texte\u00a0».',
    );
  });

  it('editing a published post keeps its date (no publication choice) and its image, and sends only what the form owns', async () => {
    const saved = { ...post, title: 'Synthèse (mise à jour)' };
    renderWithProviders(<NewsPostForm componentId="c1" canFeature={false} post={post as never} />, {
      mocks: [
        { request: { query: ME_QUERY }, result: { data: { me } } },
        {
          request: {
            query: UPDATE_NEWS_POST_MUTATION,
            variables: {
              id: 'p1',
              input: {
                title: 'Synthèse (mise à jour)',
                body: post.body,
                imageAlt: 'Participants de l’atelier',
              },
            },
          },
          result: { data: { updateNewsPost: saved } },
        },
      ],
    });
    expect(screen.queryByLabelText('Publication')).toBeNull();
    expect(
      screen.getByText('Image actuelle conservée ; choisissez-en une autre pour la remplacer.'),
    ).toBeInTheDocument();
    const title = screen.getByLabelText(/^Titre/);
    await userEvent.clear(title);
    await userEvent.type(title, 'Synthèse (mise à jour)');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText(
        'Actualité « Synthèse (mise à jour) » enregistrée.',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
  });
});
