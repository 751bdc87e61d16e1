import { render, screen } from '@testing-library/react';
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
