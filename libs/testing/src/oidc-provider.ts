import { createServer, type Server } from 'node:http';

/** Someone the test provider knows: the login typed in its (development) login form. */
export interface TestPerson {
  given_name?: string;
  family_name?: string;
  email?: string;
  email_verified?: boolean;
  /** ProSanté Connect's practitioner identifier (RPPS). */
  SubjectNameID?: string;
}

/** A real OpenID Provider (`oidc-provider`) on a random local port, for the API and browser tests. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People by login; unknown logins sign in with only a `sub`. */
  people: Record<string, TestPerson>;
  /** Registers the relying party's callback URL (known once the API listens). */
  register(redirectUri: string): void;
  close(): Promise<void>;
}

/**
 * Starts `oidc-provider` in the test's process: one confidential client (`client_secret_basic`,
 * PKCE required), the development login and consent pages (`devInteractions`: any login, any
 * password; the login becomes the subject and `people[login]` its claims), scopes
 * `openid email profile` and ProSanté Connect's `scope_all`.
 * Its HTTP server listens first so the issuer URL can go into the API's configuration; the provider
 * itself is built when {@link TestOidcProvider.register} gives the callback URL.
 */
export async function startTestOidcProvider(): Promise<TestOidcProvider> {
  // loaded here, not at import: the SMTP server's users of this library never load the provider
  const { default: Provider } = await import('oidc-provider');
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
  const people: Record<string, TestPerson> = {};
  const clientId = 'concerto-test';
  const clientSecret = 'concerto-test-secret-0123456789abcdef';
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    register(redirectUri) {
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
          email: ['email', 'email_verified'],
          profile: ['given_name', 'family_name'],
          scope_all: ['given_name', 'family_name', 'email', 'email_verified', 'SubjectNameID'],
        },
        cookies: { keys: ['test-cookie-key-0123456789'] },
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
        server.closeAllConnections(); // a browser's keep-alive connections
      }),
  };
}
