import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import { parse as parseCookies } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { escapeHtml } from '../rich-text/rich-text';
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
  '/agenda': 'Agenda',
  '/mon-compte': 'Mon compte',
};

/**
 * The web build's first screens (`apps/web/src/prerender/prerender-plugin.ts` writes them):
 * index.html holds the generic shell between these markers, and this file (beside it) holds a
 * few paths' own render and the shell whose loading page is titled {@link PAGE_HEADING_TOKEN}.
 * Same names as the plugin's (`web-app-serving.spec.ts` checks).
 */
export const APP_SHELL_START = '<!--app-shell-->';
export const APP_SHELL_END = '<!--/app-shell-->';
export const PRERENDERED_PAGES_FILE = 'prerendered-pages.json';
export const PAGE_HEADING_TOKEN = '%PAGE_HEADING%';

/** What the build prerendered: some paths' `#root` content, and the titled shell ('' if none). */
export interface PrerenderedPages {
  pages: Readonly<Record<string, string>>;
  titled: string;
  /** The same in English, with the generic shell (index.html holds the French one). */
  en?: { shell: string; pages: Readonly<Record<string, string>>; titled: string };
}

/** Interface languages of the HTML's first screen (the web app's; French by default). */
export type ShellLanguage = 'fr' | 'en';

/**
 * The cookie in which the web app mirrors the reader's language choice (`LANGUAGE_COOKIE` in
 * `apps/web/src/i18n/i18n.ts`; same name, `web-app-serving.spec.ts` checks).
 */
export const LANGUAGE_COOKIE = 'concerto_language';

/** The reader's language from a request's `Cookie` header: English when chosen, else French. */
export function shellLanguage(cookieHeader: string | undefined): ShellLanguage {
  if (!cookieHeader) return 'fr';
  try {
    return parseCookies(cookieHeader)[LANGUAGE_COOKIE] === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/** The title of a page whose data the server can read (a space, a component), for its HTML. */
export interface PageHeading {
  /** the page's `<h1>` */
  heading: string;
  /** the page's name in `<title>`, before « · Concerto » (as the web app's `useDocumentTitle`) */
  documentTitle: string;
}

/**
 * Finds the title of the page at a path, for an anonymous reader; null when it has none to show
 * (not such a page, unknown or unpublished content). Never throws.
 */
export type PageHeadingSource = (path: string) => Promise<PageHeading | null>;

const NO_PRERENDERED_PAGES: PrerenderedPages = { pages: {}, titled: '' };

/**
 * How long an HTML page waits for its title ({@link PageHeadingSource}), in milliseconds: past it
 * (a locked table, a full pool) the page goes out with the generic shell.
 */
export const PAGE_HEADING_BUDGET_MS = 250;

/** `heading`'s result, or null once {@link PAGE_HEADING_BUDGET_MS} has passed or if it fails. */
export function withinBudget(heading: Promise<PageHeading | null>): Promise<PageHeading | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PAGE_HEADING_BUDGET_MS);
  });
  return Promise.race([heading.catch(() => null), late]).finally(() => clearTimeout(timer));
}

/**
 * The app's HTML for a path: the built index.html with that page's `<title>` and first screen:
 * the build's own render of that path if it made one, else the shell titled with `heading` if
 * given, else the generic shell. In English (when the build has the English renders), the same
 * in English, `<html lang="en">`, and the fixed pages' titles left to the app (they are French
 * here): a space's or component's title is its content and stays.
 * @param indexHtml the built index.html
 * @param path the request path (no query string)
 * @param prerendered what the build prerendered ({@link PRERENDERED_PAGES_FILE})
 * @param heading the page's title, known from its data ({@link PageHeadingSource})
 * @param language the reader's interface language ({@link shellLanguage})
 */
export function htmlForPath(
  indexHtml: string,
  path: string,
  prerendered: PrerenderedPages = NO_PRERENDERED_PAGES,
  heading: PageHeading | null = null,
  language: ShellLanguage = 'fr',
): string {
  const normalised = pagePath(path);
  const english = language === 'en' ? prerendered.en : undefined;
  const renders = english ?? prerendered;
  let html = english ? indexHtml.replace(/<html lang="fr"/, '<html lang="en"') : indexHtml;
  const page = (english ? undefined : PAGE_TITLES[normalised]) ?? heading?.documentTitle;
  if (page) {
    html = html.replace(
      /<title>[^<]*<\/title>/,
      () => `<title>${escapeHtml(page)} · Concerto</title>`,
    );
  }
  const screen = Object.hasOwn(renders.pages, normalised)
    ? renders.pages[normalised]
    : heading && renders.titled
      ? renders.titled.replace(PAGE_HEADING_TOKEN, () => escapeHtml(heading.heading))
      : english?.shell;
  const start = html.indexOf(APP_SHELL_START);
  const end = html.indexOf(APP_SHELL_END);
  if (screen === undefined || start < 0 || end < start) return html;
  return html.slice(0, start + APP_SHELL_START.length) + screen + html.slice(end);
}

/** A request path as the page tables know it: without trailing slashes (`/` stays `/`). */
function pagePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The entries of a parsed JSON object whose values are strings ({} for anything else). */
function stringEntries(value: unknown): Record<string, string> {
  return value && typeof value === 'object'
    ? Object.fromEntries(
        Object.entries(value).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      )
    : {};
}

/** A titled shell as the file holds it, or '' when it is not one (no {@link PAGE_HEADING_TOKEN}). */
function readTitledShell(value: unknown): string {
  return typeof value === 'string' && value.includes(PAGE_HEADING_TOKEN) ? value : '';
}

/** The build's prerendered first screens (none when the build has none or the file is unreadable). */
function readPrerenderedPages(root: string): PrerenderedPages {
  try {
    const file: unknown = JSON.parse(readFileSync(join(root, PRERENDERED_PAGES_FILE), 'utf8'));
    const { pages, titled, en } = (file ?? {}) as {
      pages?: unknown;
      titled?: unknown;
      en?: { shell?: unknown; pages?: unknown; titled?: unknown };
    };
    const english =
      en && typeof en.shell === 'string' && en.shell
        ? { shell: en.shell, pages: stringEntries(en.pages), titled: readTitledShell(en.titled) }
        : undefined;
    return { pages: stringEntries(pages), titled: readTitledShell(titled), en: english };
  } catch {
    return NO_PRERENDERED_PAGES;
  }
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
 *   with its page title and its prerendered first screen, if the build made one; a missing
 *   /assets/ file is a 404, never the HTML page.
 * Call it once, before the app is initialised (routes registered after it still work: this only
 * answers paths that are files of the build, or HTML requests outside {@link API_PATH_PREFIXES}).
 * @param app the Nest application (Express)
 * @param webDir directory of the web build (with index.html), or '' to serve no web app
 * @param pageHeading finds the title of pages the build could not prerender (spaces, components)
 */
export function serveWebApp(
  app: INestApplication,
  webDir: string,
  pageHeading: PageHeadingSource = () => Promise.resolve(null),
): void {
  app.use(compression({ brotli: { params: DYNAMIC_BROTLI_QUALITY } }));
  // GraphQL's answers, sent whole, are compressed in one call (no thread-pool hop, no chunking)
  app.use(compressWholeJsonAnswers);
  const root = webDir ? resolve(webDir) : '';
  if (!root || !existsSync(join(root, 'index.html'))) return;
  const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
  const prerendered = readPrerenderedPages(root);
  // a build without the shell's markers (an older one) has nowhere to put a title
  const titledShell =
    !!prerendered.titled &&
    indexHtml.includes(APP_SHELL_START) &&
    indexHtml.includes(APP_SHELL_END);
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
    // a prerendered page (`/concertations/` too) needs no title lookup
    const titled = titledShell && !Object.hasOwn(prerendered.pages, pagePath(req.path));
    const language = shellLanguage(req.headers.cookie);
    void (titled ? withinBudget(pageHeading(req.path)) : Promise.resolve(null)).then((heading) => {
      res.setHeader('Cache-Control', REVALIDATE_CACHE);
      // the first screen's language follows the language cookie
      res.vary('Cookie');
      res.type('html').send(htmlForPath(indexHtml, req.path, prerendered, heading, language));
    });
  });
}
