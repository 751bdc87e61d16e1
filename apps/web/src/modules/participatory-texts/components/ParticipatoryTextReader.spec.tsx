import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ME_QUERY } from '../../auth/graphql/auth';
import { participatoryTextFixture } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { withEditorLayout } from '../../../test/rich-text';
import {
  AMENDMENTS_QUERY,
  PARTICIPATORY_TEXT_QUERY,
  TEXT_COMMENTS_QUERY,
  VERSIONS_QUERY,
} from '../graphql/texts';
import { DiffView } from './DiffView';
import { ParticipatoryTextReader } from './ParticipatoryTextReader';

const me = {
  __typename: 'User',
  id: 'u1',
  name: 'Alice',
  email: 'alice@example.org',
  isAdmin: false,
};
const amendment = {
  __typename: 'Amendment',
  id: 'am-1',
  amendableType: 'ARTICLE',
  amendableId: 'a-3',
  title: 'Préciser la conclusion du texte',
  body: 'Conclusion provisoire.',
  baseVersion: 1,
  currentVersion: 2,
  state: 'EVALUATING',
  outdated: true,
  rejectionReason: null,
  author: { __typename: 'AmendmentAuthor', id: 'u1', name: 'Alice' },
  supportsCount: 0,
  commentsCount: 0,
  promotedProposalId: null,
  createdAt: '2026-01-02T00:00:00.000Z',
  answeredBy: null,
  answeredAt: null,
  baseText: 'Conclusion.',
  currentText: 'Conclusion générale.',
  viewerIsAuthor: true,
  viewerCanAnswer: false,
  viewerSupports: false,
  hidden: false,
  viewerReported: false,
};

const mocks = [
  { request: { query: ME_QUERY }, result: { data: { me } } },
  {
    request: { query: PARTICIPATORY_TEXT_QUERY, variables: { componentId: 'c-text' } },
    result: { data: { participatoryText: participatoryTextFixture } },
  },
  {
    request: {
      query: AMENDMENTS_QUERY,
      variables: { amendableType: 'ARTICLE', amendableId: 'a-3' },
    },
    result: {
      data: {
        amendments: [
          amendment,
          {
            ...amendment,
            id: 'am-0',
            title: 'Une conclusion plus courte',
            state: 'ACCEPTED',
            outdated: false,
            author: { __typename: 'AmendmentAuthor', id: 'u3', name: 'Chloé' },
            answeredBy: { __typename: 'AmendmentAuthor', id: 'u4', name: 'Bruno' },
            answeredAt: '2026-01-03T10:00:00.000Z',
            viewerIsAuthor: false,
          },
          {
            ...amendment,
            id: 'am-2',
            title: 'Un amendement masqué par la modération',
            outdated: false,
            author: { __typename: 'AmendmentAuthor', id: 'u5', name: 'Denis' },
            viewerIsAuthor: false,
            hidden: true,
          },
        ],
      },
    },
  },
  {
    request: { query: VERSIONS_QUERY, variables: { resourceType: 'ARTICLE', resourceId: 'a-3' } },
    result: {
      data: {
        versions: [
          {
            __typename: 'ResourceVersion',
            version: 1,
            text: 'Conclusion.',
            author: null,
            amendmentId: null,
            createdAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      },
    },
  },
  {
    request: {
      query: TEXT_COMMENTS_QUERY,
      variables: { commentableType: 'ARTICLE', commentableId: 'a-3' },
    },
    result: {
      data: {
        comments: [
          {
            __typename: 'Comment',
            id: 'cm-1',
            body: '<p>Clair.</p>',
            authorName: 'Bob',
            createdAt: '2026-01-03T00:00:00.000Z',
            deleted: false,
            hidden: false,
            articleVersion: 1,
          },
        ],
      },
    },
  },
];

withEditorLayout();

describe('<ParticipatoryTextReader>', () => {
  it('shows sections and numbered articles with their counts; an article is selected with the keyboard', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ParticipatoryTextReader componentId="c-text" />, { mocks });
    expect(await screen.findByRole('heading', { name: 'Axe 1' })).toBeInTheDocument();
    expect(screen.getByText(/1 amendement en cours, 0 accepté/)).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Article 3' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = await screen.findByRole('region', {
      name: 'Article 3\u00a0: amendements et historique',
    });
    expect(
      await within(panel).findByRole('heading', { name: 'Préciser la conclusion du texte' }),
    ).toHaveAttribute('lang', 'fr');
    expect(within(panel).getByText('obsolète')).toBeInTheDocument();
    // an answered amendment names who answered, not its author
    expect(
      within(within(panel).getByRole('article', { name: 'Une conclusion plus courte' })).getByText(
        'Accepté par Bruno le 3 janvier 2026.',
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: /Mettre à jour/ })).toBeInTheDocument();
    // others' amendments can be reported; one's own cannot; a hidden one (listed for moderators)
    // says so and takes no report, support or answer
    const own = within(panel).getByRole('article', { name: 'Préciser la conclusion du texte' });
    expect(within(own).queryByRole('button', { name: /^Signaler/ })).toBeNull();
    const other = within(panel).getByRole('article', { name: 'Une conclusion plus courte' });
    expect(
      within(other).getByRole('button', { name: 'Signaler : Une conclusion plus courte' }),
    ).toBeInTheDocument();
    const hidden = within(panel).getByRole('article', {
      name: 'Un amendement masqué par la modération',
    });
    expect(within(hidden).getByText('Masqué par la modération')).toBeInTheDocument();
    expect(within(hidden).queryByRole('button')).toBeNull();
    // the form: the article’s current text prefilled, a live word diff as one types
    // the form shows once the signed-in user is known (`me` resolves separately)
    // typed into the rich editor once TipTap has replaced the fallback textarea: typing into the
    // fallback raced the editor’s chunk (the keystrokes after the swap went to a detached textarea)
    const body = await waitFor(
      () => {
        const box = within(panel).getByRole('textbox', { name: /Nouveau texte de l’article/ });
        expect(box).toHaveAttribute('contenteditable', 'true');
        return box;
      },
      { timeout: 5000 },
    );
    expect(body).toHaveTextContent('Conclusion.');
    await user.click(body);
    await user.keyboard('{Control>}a{/Control}');
    await user.paste('Conclusion partagée.');
    await waitFor(() => {
      const preview = within(panel).getAllByRole('group', {
        name: 'Aperçu des modifications',
      })[0];
      expect(preview.querySelector('ins')?.textContent).toContain('partagée');
    });
    expect(
      within(panel).getByRole('button', { name: 'Proposer l’amendement' }),
    ).toBeInTheDocument();
    // comments stay on the article and say which version they were written on
    expect(
      await within(panel).findByText(
        (_, element) =>
          element?.tagName === 'P' &&
          /^Bob · .* · sur la version 1$/.test(element.textContent ?? ''),
      ),
    ).toBeInTheDocument();
  });
});

describe('<ParticipatoryTextReader> reached by a link to one article', () => {
  it('opens the article of « #article-3 » (search, notifications) and moves focus to it', async () => {
    renderWithProviders(<ParticipatoryTextReader componentId="c-text" />, {
      mocks,
      route: '/espaces/filiere/f/c-text#article-3',
    });
    const button = await screen.findByRole('button', { name: 'Article 3' });
    await screen.findByRole('region', { name: 'Article 3\u00a0: amendements et historique' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveFocus();
  });
});

describe('<DiffView>', () => {
  it('marks additions and removals with <ins>/<del> and text labels for screen readers', () => {
    renderWithProviders(<DiffView before="un comité" after="un comité de pilotage" label="diff" />);
    const ins = document.querySelector('ins')!;
    expect(ins.textContent).toBe('[début de l’ajout] de pilotage [fin de l’ajout]');
    expect(document.querySelector('del')).toBeNull();
  });

  it('shows the text rendered, never its Markdown: lists, bold, italic and links', () => {
    renderWithProviders(
      <DiffView
        before={'- **1. Créer** un comité\n- Publier'}
        after={'- **1. Créer** un *petit* comité\n- Publier [le bilan](https://example.org)'}
        label="Différences"
      />,
    );
    const group = screen.getByRole('group', { name: 'Différences' });
    expect(group.textContent).not.toMatch(/\*|\]\(|^- /);
    const items = within(group).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('1. Créer').tagName).toBe('STRONG');
    expect(items[0].querySelector('ins em')?.textContent).toBe('petit');
    const link = within(items[1]).getByRole('link', { name: 'le bilan' });
    expect(link).toHaveAttribute('href', 'https://example.org');
    expect(link.closest('ins')).not.toBeNull();
  });

  it('says when nothing changed', () => {
    renderWithProviders(<DiffView before="Même texte." after="Même texte." label="diff" />);
    expect(screen.getByText('Aucune modification.')).toBeInTheDocument();
  });
});
