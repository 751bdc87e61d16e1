import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { participatoryTextFixture } from '../../../test/fixtures';
import { anyVariables } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { GraphQLError } from 'graphql';
import {
  IMPORT_PARTICIPATORY_TEXT_MUTATION,
  PARTICIPATORY_TEXT_QUERY,
  PARTICIPATORY_TEXT_SOURCE_QUERY,
} from '../graphql/texts';
import { TextImportAdmin } from './TextImportAdmin';

const MARKDOWN = '# Propositions\n\nIntro.';
const unpublished = { ...participatoryTextFixture, published: false, publishedAt: null };

describe('<TextImportAdmin>', () => {
  it('imports pasted Markdown and previews sections and numbered articles before publication', async () => {
    const user = userEvent.setup();
    const mocks = [
      {
        request: { query: PARTICIPATORY_TEXT_QUERY, variables: { componentId: 'c-text' } },
        result: { data: { participatoryText: null } },
      },
      {
        request: { query: PARTICIPATORY_TEXT_SOURCE_QUERY, variables: { componentId: 'c-text' } },
        result: { data: { participatoryTextSource: null } },
      },
      {
        request: {
          query: IMPORT_PARTICIPATORY_TEXT_MUTATION,
          variables: { componentId: 'c-text', markdown: MARKDOWN },
        },
        result: { data: { importParticipatoryText: unpublished } },
      },
      {
        request: { query: PARTICIPATORY_TEXT_QUERY, variables: { componentId: 'c-text' } },
        result: { data: { participatoryText: unpublished } },
      },
    ];
    renderWithProviders(<TextImportAdmin componentId="c-text" title="Charte" />, { mocks });
    await user.click(screen.getByRole('button', { name: /Importer le texte/ }));
    const textarea = await screen.findByLabelText(/Texte en Markdown/);
    await user.type(textarea, MARKDOWN);
    await user.click(screen.getByRole('button', { name: 'Importer et prévisualiser' }));
    expect(await screen.findByText('Texte importé : 2 sections, 3 articles.')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Aperçu\u00a0: 2 sections, 3 articles' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Article 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publier le texte' })).toBeInTheDocument();
  });

  it('checks the Markdown before sending and shows the API’s refusal on the field, focus on the error summary', async () => {
    const user = userEvent.setup();
    const imported = anyVariables(IMPORT_PARTICIPATORY_TEXT_MUTATION, {
      errors: [
        new GraphQLError(
          'Le document ne contient aucun paragraphe : rien à découper en articles.',
          {
            extensions: { code: 'BAD_USER_INPUT', field: 'markdown' },
          },
        ),
      ],
    });
    const mocks = [
      {
        request: { query: PARTICIPATORY_TEXT_QUERY, variables: { componentId: 'c-text' } },
        result: { data: { participatoryText: null } },
      },
      {
        request: { query: PARTICIPATORY_TEXT_SOURCE_QUERY, variables: { componentId: 'c-text' } },
        result: { data: { participatoryTextSource: null } },
      },
      imported.mock,
    ];
    renderWithProviders(<TextImportAdmin componentId="c-text" title="Charte" />, { mocks });
    await user.click(screen.getByRole('button', { name: /Importer le texte/ }));
    const textarea = await screen.findByLabelText(/Texte en Markdown/);
    await user.click(screen.getByRole('button', { name: 'Importer et prévisualiser' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    expect(textarea).toHaveAccessibleDescription(
      expect.stringContaining('Renseignez le champ «\u00a0Texte en Markdown\u00a0».'),
    );
    expect(imported.calls).not.toHaveBeenCalled();

    await user.type(textarea, '# Titre seul');
    await user.click(screen.getByRole('button', { name: 'Importer et prévisualiser' }));
    expect(
      await screen.findByRole('link', { name: /rien à découper en articles/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(textarea).toHaveAccessibleDescription(expect.stringContaining('rien à découper'));
    expect(imported.calls).toHaveBeenCalledTimes(1);
  });
});
