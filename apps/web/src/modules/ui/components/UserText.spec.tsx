import { render, screen } from '@testing-library/react';
import { i18n } from '../../../i18n/i18n';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { Markdown } from '../../components/components/Markdown';
import { DiffView } from '../../participatory-texts/components/DiffView';
import { CONTENT_LANGUAGE } from '../content-language';
import { Breadcrumb } from './Breadcrumb';
import { Paragraphs } from './Paragraphs';
import { SafeHtml } from './SafeHtml';
import { UserText } from './UserText';

describe('content language', () => {
  it('is French, whatever the interface language', () => {
    expect(CONTENT_LANGUAGE).toBe('fr');
  });

  it('<UserText> marks inline content, not the interface words around it', () => {
    const { container } = render(
      <p>
        Origin: <UserText>Registre des entrepôts de données</UserText>
      </p>,
    );
    expect(screen.getByText('Registre des entrepôts de données')).toHaveAttribute('lang', 'fr');
    expect(container.querySelector('p')).not.toHaveAttribute('lang');
  });

  it('<SafeHtml> and <Paragraphs> mark their block, for rich and plain text', () => {
    const { container } = render(
      <>
        <SafeHtml html="<p>Un <strong>entrepôt</strong> commun</p>" className="rich" />
        <SafeHtml html={'Premier.\n\nSecond.'} className="plain" />
        <Paragraphs text="Une biographie." className="bio" />
      </>,
    );
    expect(container.querySelector('.rich')).toHaveAttribute('lang', 'fr');
    expect(container.querySelector('.plain')).toHaveAttribute('lang', 'fr');
    expect(container.querySelector('.bio')).toHaveAttribute('lang', 'fr');
  });

  it('<Markdown> marks the article it renders', () => {
    const { container } = render(<Markdown source={'# Titre\n\nUn alinéa.'} className="md" />);
    expect(container.querySelector('.md')).toHaveAttribute('lang', 'fr');
  });

  it('<DiffView> in English: the text is French, the added/removed markers English', async () => {
    await i18n.changeLanguage('en');
    try {
      const { container, unmount } = renderWithProviders(
        <DiffView before="un comité" after="un comité de pilotage" label="Differences" />,
      );
      const text = container.querySelector('.diff__text');
      expect(text).toHaveAttribute('lang', 'fr');
      const markers = Array.from(text!.querySelectorAll('ins .visually-hidden'));
      expect(markers).not.toHaveLength(0);
      for (const marker of markers) expect(marker).toHaveAttribute('lang', 'en');
      expect(screen.getByRole('group', { name: 'Differences' })).not.toHaveAttribute('lang');
      unmount();
    } finally {
      await i18n.changeLanguage('fr');
    }
  });

  it('<Breadcrumb> marks the titles wrapped in <UserText> only', async () => {
    await i18n.changeLanguage('en');
    try {
      const { unmount } = renderWithProviders(
        <Breadcrumb
          trail={[
            { to: '/concertations', label: 'Consultations' },
            { to: '/espaces/x', label: <UserText>Feuille de route</UserText> },
          ]}
          current={<UserText>Un entrepôt commun</UserText>}
        />,
      );
      expect(screen.getByRole('link', { name: 'Consultations' })).not.toHaveAttribute('lang');
      expect(screen.getByText('Feuille de route')).toHaveAttribute('lang', 'fr');
      expect(screen.getByText('Un entrepôt commun')).toHaveAttribute('lang', 'fr');
      expect(screen.getByRole('navigation')).not.toHaveAttribute('lang');
      unmount();
    } finally {
      await i18n.changeLanguage('fr');
    }
  });
});
