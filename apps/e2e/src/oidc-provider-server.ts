import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

/** A real OpenID Provider (`oidc-provider`) on a local port, for browser tests. */
export interface OidcProviderServer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Builds the provider once the relying party's callback URL is known. */
  register(redirectUri: string, people: Record<string, Record<string, unknown>>): void;
  close(): Promise<void>;
}

/**
 * Starts `oidc-provider` in the test process: one confidential client, PKCE required, and its
 * development login and consent pages (any login and password; the login is the subject and
 * `people[login]` its claims). The HTTP server listens first, so the issuer can go into the
 * server's configuration before the provider is built.
 */
export async function startOidcProviderServer(): Promise<OidcProviderServer> {
  let handler: ((req: never, res: never) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (!handler) {
      res.statusCode = 503;
      res.end();
      return;
    }
    handler(req as never, res as never);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const clientId = 'concerto-e2e';
  const clientSecret = 'concerto-e2e-secret-0123456789abcdef';
  return {
    issuer,
    clientId,
    clientSecret,
    register(redirectUri, people) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        pkce: { required: () => true },
        scopes: ['openid', 'email', 'profile', 'scope_all'],
        claims: {
          openid: ['sub'],
          scope_all: ['given_name', 'family_name', 'email', 'email_verified', 'SubjectNameID'],
        },
        cookies: { keys: ['e2e-cookie-key-0123456789'] },
        ttl: {
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
          AccessToken: 600,
          IdToken: 600,
          AuthorizationCode: 60,
        },
        features: { devInteractions: { enabled: true } },
        async findAccount(_ctx, sub) {
          return { accountId: sub, claims: async () => ({ sub, ...people[sub] }) };
        },
      });
      handler = provider.callback() as never;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the browser's keep-alive connections
      }),
  };
}
