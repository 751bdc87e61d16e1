import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { compressWholeJsonAnswers, DYNAMIC_BROTLI_QUALITY } from './whole-answer-compression';

/** `Cache-Control` of content-hashed files under /assets/: a new build gets new names. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** `Cache-Control` of the HTML page (and unhashed files): revalidated on every visit. */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * Paths the single-page app never answers: the API's own routes. A GET under one of them that
 * no route handles gets the API’s 404, not the app’s page. Every controller path must lie under one
 * (`web-app-serving.spec.ts` checks it).
 */
export const API_PATH_PREFIXES = [
  '/graphql',
  '/healthz',
  '/readyz',
  '/metrics',
  '/socket.io',
  '/exports/',
  '/avatars/',
  '/calendar/',
  '/feeds/',
  '/news-images/',
  '/auth/oidc/',
  '/open-data.zip',
  '/lettre/desinscription/',
  '/assets/',
];

/**
 * Titles of the app's fixed pages as the HTML carries them before any script runs (French, the
 * default language); the web app sets the same ones (`useDocumentTitle`) once it runs. Other
 * paths get the generic title.
 */
const PAGE_TITLES: Record<string, string> = {
  '/': 'Accueil',
  '/concertations': 'Concertations',
  '/assemblees': 'Assemblées',
  '/enquetes': 'Enquêtes',
  '/connexion': 'Connexion',
  '/inscription': 'Inscription',
  '/mot-de-passe-oublie': 'Mot de passe oublié',
  '/nouveau-mot-de-passe': 'Choisir un nouveau mot de passe',
  '/confirmer-adresse': 'Confirmation de votre adresse e-mail',
  '/notifications': 'Notifications',
  '/mon-compte': 'Mon compte',
};

/**
 * The app's HTML for a path: the built index.html with that page's `<title>`.
 * @param indexHtml the built index.html
 * @param path the request path (no query string)
 */
export function htmlForPath(indexHtml: string, path: string): string {
  const page = PAGE_TITLES[path.length > 1 ? path.replace(/\/+$/, '') : path];
  if (!page) return indexHtml;
  const escaped = page.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return indexHtml.replace(/<title>[^<]*<\/title>/, `<title>${escaped} · Concerto</title>`);
}

/**
 * HTTP delivery of the API's answers and of the built web app, in one place:
 * - every compressible response (GraphQL JSON, CSV exports…) is compressed with brotli or gzip,
 *   as the client accepts (the `compression` middleware);
 * - files of the web build are served from their brotli/gzip copies made at build time
 *   (vite-plugin-compression2) when the client accepts them (`express-static-gzip`);
 * - content-hashed files under /assets/ are cached for a year as immutable, anything else
 *   (index.html) is revalidated on every visit;
 * - any other GET that asks for HTML and is not an API path gets index.html (client routing),
 *   with its page title; a missing /assets/ file is a 404, never the HTML page.
 * Call it once, before the app is initialised (routes registered after it still work: this only
 * answers paths that are files of the build, or HTML requests outside {@link API_PATH_PREFIXES}).
 * @param app the Nest application (Express)
 * @param webDir directory of the web build (with index.html), or '' to serve no web app
 */
export function serveWebApp(app: INestApplication, webDir: string): void {
  app.use(compression({ brotli: { params: DYNAMIC_BROTLI_QUALITY } }));
  // GraphQL's answers, sent whole, are compressed in one call (no thread-pool hop, no chunking)
  app.use(compressWholeJsonAnswers);
  const root = webDir ? resolve(webDir) : '';
  if (!root || !existsSync(join(root, 'index.html'))) return;
  const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
  app.use(
    expressStaticGzip(root, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        redirect: false,
        setHeaders: (res: ServerResponse, filePath: string) => {
          const hashed = filePath.startsWith(join(root, 'assets')) && !filePath.endsWith('.html');
          res.setHeader('Cache-Control', hashed ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
        },
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      API_PATH_PREFIXES.some(
        (prefix) =>
          req.path === prefix.replace(/\/$/, '') ||
          req.path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
      )
    ) {
      return next();
    }
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', REVALIDATE_CACHE);
    res.type('html').send(htmlForPath(indexHtml, req.path));
  });
}
