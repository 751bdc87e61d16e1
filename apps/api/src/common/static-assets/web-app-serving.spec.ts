import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_PATH_PREFIXES } from './web-app-serving';

/** Every `@Controller('path')` of the API, read from the sources. */
function controllerPaths(): { file: string; path: string }[] {
  const root = join(__dirname, '../..');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/@Controller\(\s*'([^']+)'\s*\)/g)].map(
        (m) => ({ file, path: m[1] }),
      ),
    );
}

describe('web app serving: API paths are never answered with the HTML page', () => {
  it('finds the controllers (the scan works)', () => {
    expect(controllerPaths().map((c) => c.path)).toEqual(
      expect.arrayContaining(['avatars', 'exports/surveys']),
    );
  });

  it('every controller path lies under an API path prefix (found by a test: an avatar answered text/html once the web app was built)', () => {
    const uncovered = controllerPaths().filter(
      ({ path }) =>
        !API_PATH_PREFIXES.some((prefix) =>
          `/${path.replace(/^\//, '')}/`.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
        ),
    );
    expect(uncovered).toEqual([]);
  });
});
