import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './App';
import { i18n, i18nReady } from './i18n/i18n';
import { createApolloClient } from './modules/apollo/createApolloClient';
import { LiveConnectionProvider } from './modules/notifications/live/LiveConnection';
import './design/tokens.css';
import './styles.css';
import './design/components.css';

const client = createApolloClient();

// French strings come with the modules that show them; a reader who chose English waits for its chunk before the first render (no flash of French)
void i18nReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
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
);
