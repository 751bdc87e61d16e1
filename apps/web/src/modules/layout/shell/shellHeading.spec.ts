import { keepShellFocus, readShellHeading, shellHeadingFor, shellPageFor } from './shellHeading';

const SHELL = `<div class="app"><header><a href="/">Concerto</a><a href="/concertations">Concertations</a></header>
<main id="contenu"><div role="status" class="message message--empty"></div><section class="page"><h1 data-page-heading="">Mesures proposées</h1><p role="status" class="loading">Chargement…</p></section></main></div>`;

describe('the server’s first screen, handed over to React', () => {
  afterEach(() => {
    readShellHeading(document.createElement('div'), '/');
    document.body.innerHTML = '';
  });

  it('keeps the heading and the page content of the path the app was loaded at, for that path only', () => {
    const root = document.createElement('div');
    root.innerHTML = SHELL;
    readShellHeading(root, '/espaces/x/f/1');
    expect(shellHeadingFor('/espaces/x/f/1')).toBe('Mesures proposées');
    expect(shellPageFor('/espaces/x/f/1')).toBe(
      '<section class="page"><h1 data-page-heading="">Mesures proposées</h1><p role="status" class="loading">Chargement…</p></section>',
    );
    expect(shellHeadingFor('/ailleurs')).toBe('');
    expect(shellPageFor('/ailleurs')).toBe('');
  });

  it('gives focus to the same link when the shell is replaced (a keyboard user tabbing while the script loads, found by a tester)', async () => {
    const root = document.createElement('div');
    root.innerHTML = SHELL;
    document.body.append(root);
    // focused before the app's script ran (then, its listener sees nothing)
    root.querySelector<HTMLElement>('a[href="/concertations"]')!.focus();
    keepShellFocus(root);
    // what React does on its first commit: the shell's nodes go, its own come
    root.innerHTML = SHELL.replace('<header>', '<header class="site-header">');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(root.querySelector('a[href="/concertations"]'));
    expect(document.activeElement?.closest('.site-header')).not.toBeNull();
  });

  it('leaves focus alone when it is already somewhere, and ignores elements React rendered', async () => {
    const root = document.createElement('div');
    root.innerHTML = SHELL;
    document.body.append(root);
    keepShellFocus(root);
    root.innerHTML = '<button type="button">Ouvrir</button><a href="/">Concerto</a>';
    const rendered = root.querySelector('button')!;
    rendered.focus();
    root.innerHTML = '<a href="/">Concerto</a>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(document.body);
  });
});
