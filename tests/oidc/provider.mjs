// A real OAuth 2.1 / OpenID Connect authorization server for tests: oidc-provider on a loopback port the OS picks.
// Prints "ISSUER <url>" on stdout once it listens, then serves until killed (SIGTERM) or until stdin closes.
//
// What it offers, so that any MCP client can complete the MCP authorization flow against it:
// - discovery (/.well-known/openid-configuration and /.well-known/oauth-authorization-server), PKCE (S256, required),
//   dynamic client registration (open), refresh tokens (rotated at every use);
// - resource indicators (RFC 8707): an access token for resource R is a JWT (RFC 9068, typ at+jwt) with aud R,
//   the scope OIDC_RESOURCE_SCOPE (default "sigma-mcp") and an "email" claim;
// - the built-in development login and consent pages: any login is accepted and becomes the account id and email.
//   A test plays the browser: see browser.mjs (and browse.mjs, for a client that listens on its redirect URI);
// - one "EVENT <name> [grant type] [error]" line on stdout per authorization, registration and token grant, for tests to count.
import http from 'node:http';
import Provider from 'oidc-provider';

const resourceScope = process.env.OIDC_RESOURCE_SCOPE ?? 'sigma-mcp';
const tokenTtl = Number(process.env.OIDC_ACCESS_TOKEN_TTL ?? 600);

let handler = (_req, res) => { res.statusCode = 503; res.end(); };
const server = http.createServer((req, res) => handler(req, res));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [],
  scopes: ['openid', 'email', 'offline_access', resourceScope],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  pkce: { required: () => true },
  // OAuth 2.1's rule for public clients, here for every client: each refresh token is good for one renewal, and a
  // second use of one revokes the whole login (so a client that renews twice at once loses it).
  rotateRefreshToken: () => true,
  features: {
    devInteractions: { enabled: true },
    registration: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: (_ctx, _client, oneOf) => (oneOf ? oneOf[0] : undefined),
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => ({
        scope: resourceScope,
        audience: resource,
        accessTokenTTL: tokenTtl,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  findAccount: (_ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, email: id, email_verified: true }),
  }),
  extraTokenClaims: (_ctx, token) => (token.kind === 'AccessToken' ? { email: token.accountId } : undefined),
});
provider.proxy = false;

// Development-only interactions warn on every start; the tests know.
provider.on('server_error', (_ctx, err) => console.error('oidc-provider server_error', err));

// What the tests count (never a token): each completed authorization (a login in the browser), client registration
// and token grant.
provider.on('authorization.success', () => console.log('EVENT authorization.success'));
provider.on('registration_create.success', () => console.log('EVENT registration_create.success'));
provider.on('grant.success', (ctx) => console.log(`EVENT grant.success ${ctx.oidc.params.grant_type}`));
provider.on('grant.error', (ctx, err) => console.log(`EVENT grant.error ${ctx.oidc.params?.grant_type} ${err.error}`));

handler = provider.callback();
console.log(`ISSUER ${issuer}`);

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
