import { ApolloProvider } from '@apollo/client/react';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './App';
import { i18n, i18nReady } from './i18n/i18n';
import { createApolloClient } from './modules/apollo/createApolloClient';
import { keepShellFocus, readShellHeading } from './modules/layout/shell/shellHeading';
import { LiveConnectionProvider } from './modules/notifications/live/LiveConnection';
import './design/tokens.css';
import './styles.css';
import './design/components.css';

const client = createApolloClient();
const root = document.getElementById('root')!;
// the first screen the server sent stays on screen while this page loads, and keeps the focus
readShellHeading(root, window.location.pathname);
keepShellFocus(root);

// French strings come with the modules that show them; a reader who chose English waits for its chunk before the first render (no flash of French).
// The first render is a transition: React renders it in slices of a few milliseconds and lets the
// browser handle input between them, instead of one long task (Lighthouse's blocking time on a
// slow phone: 1,046 → 700 ms on the home page, BENCHMARKS.md).
void i18nReady.finally(() =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <ApolloProvider client={client}>
            <LiveConnectionProvider>
              <BrowserRouter>
                <AppRoutes />
              </BrowserRouter>
            </LiveConnectionProvider>
          </ApolloProvider>
        </I18nextProvider>
      </StrictMode>,
    ),
  ),
);
