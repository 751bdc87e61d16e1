import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';
import { compression } from 'vite-plugin-compression2';
import { concertoStrings } from './src/i18n/strings-plugin';
import { prerenderPages } from './src/prerender/prerender-plugin';

/** Directory of this file (apps/web), whatever the working directory. */
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
/** API the dev server proxies to (`nx run web:serve`). */
const apiUrl = process.env.API_URL ?? 'http://localhost:3000';

/**
 * Specs that need a module graph of their own: they reset it (`vi.resetModules`) to see what
 * happens before a lazy chunk has loaded, which must not reach the files sharing a worker's graph
 * (see `test.projects`).
 */
const ISOLATED_SPECS = ['src/modules/ui/components/RichTextField.spec.tsx'];

export default defineConfig({
  root: webRoot,
  cacheDir: `${workspaceRoot}node_modules/.vite/web`,
  plugins: [
    // each feature's French strings come with the chunk of the code that names its keys
    concertoStrings(`${webRoot}src/i18n`),
    react(),
    // brotli and gzip copies of the build's text files, served by the API as the browser accepts
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
    // the first screen in the HTML: painted before any script has arrived (see the plugin)
    prerenderPages(fileURLToPath(import.meta.url), [
      '/',
      '/concertations',
      '/assemblees',
      '/enquetes',
      '/agenda',
    ]),
  ],
  resolve: {
    alias: {
      '@concerto/domain': `${workspaceRoot}libs/domain/src/index.ts`,
    },
  },
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries every page needs change less often than the app: their own cacheable chunks.
        // Others (charts, the diff, the socket client…) stay with the lazily loaded pages that use them.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
              priority: 3,
            },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|@graphql-typed-document-node)[\\/]/,
              priority: 2,
            },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 1,
            },
            // the app's own code that the entry imports statically (layout, hooks, the strings they
            // name) in one chunk: otherwise every module a lazy page shares with it becomes a file
            // of its own, each one more request and ~0.5 KB of headers on the first load
            { name: 'app', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: {
    port: 4200,
    strictPort: true,
    proxy: {
      '/graphql': { target: apiUrl, changeOrigin: false },
      '/healthz': { target: apiUrl, changeOrigin: false },
      '/calendar': { target: apiUrl, changeOrigin: false },
      '/avatars': { target: apiUrl, changeOrigin: false },
      '/feeds': { target: apiUrl, changeOrigin: false },
      '/open-data.zip': { target: apiUrl, changeOrigin: false },
      '/news-images': { target: apiUrl, changeOrigin: false },
      '/auth/oidc': { target: apiUrl, changeOrigin: false },
      '/socket.io': { target: apiUrl, ws: true, changeOrigin: false },
    },
  },
  preview: { port: 4300 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // a spec may wait for several lazy chunks in a row (Testing Library waits up to 5 s each, see src/test/setup.ts)
    testTimeout: 20_000,
    // both cores (Vitest's default leaves one idle in `run` mode)
    maxWorkers: 2,
    // Jest-compatible report for CI (paths here are relative to `root`, i.e. apps/web).
    outputFile: { json: `${workspaceRoot}dist/test-results/web.json` },
    projects: [
      // Spec files share each worker's module graph: importing React, Apollo, i18next and the app
      // once per worker instead of once per file takes the suite from 215 s to about 90 s on two
      // cores. Each file still gets its own jsdom; `src/test/setup.ts` resets what the app keeps
      // between tests (language, storage, title). No spec mocks modules.
      {
        extends: true,
        test: {
          name: 'web',
          include: ['src/**/*.spec.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...ISOLATED_SPECS],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'web-isolated', include: ISOLATED_SPECS } },
    ],
  },
});
