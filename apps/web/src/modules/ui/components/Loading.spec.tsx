import { render, screen } from '@testing-library/react';
import { readShellHeading } from '../../layout/shell/shellHeading';
import { Loading } from './Loading';

describe('<Loading>', () => {
  it('as a page, is the one <h1> and announces itself politely', () => {
    render(<Loading page />);
    expect(screen.getByRole('heading', { level: 1, name: 'Chargement…' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Chargement…');
  });

  it('inline, is a status message without a heading', () => {
    render(<Loading />);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Chargement…');
  });
});

describe('<Loading page> under a known title', () => {
  afterEach(() => readShellHeading(document.createElement('div'), '/'));

  it('keeps the title as the <h1> and says « Chargement… » under it', () => {
    render(<Loading page heading="Charte de la filière" />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Charte de la filière' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Chargement…');
  });

  it('uses the heading the server put in the HTML, on that path only', () => {
    const root = document.createElement('div');
    root.innerHTML = '<section><h1 data-page-heading="">Mesures proposées</h1></section>';
    readShellHeading(root, window.location.pathname);
    const { unmount } = render(<Loading page />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Mesures proposées' }),
    ).toBeInTheDocument();
    unmount();
    readShellHeading(root, '/autre-page');
    render(<Loading page />);
    expect(screen.getByRole('heading', { level: 1, name: 'Chargement…' })).toBeInTheDocument();
  });
});
