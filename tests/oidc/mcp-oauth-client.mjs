// The official TypeScript MCP client completing the MCP authorization flow against a server protected by OAuth:
// 401 → protected resource metadata → authorization server metadata → dynamic client registration → authorization
// code with PKCE and a resource indicator (this script plays the browser, see browser.mjs) → token → MCP calls.
// Usage: node mcp-oauth-client.mjs <mcp-url> <login-email> [search query]
// Prints one JSON line: what the client saw (never the tokens themselves).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { authorize } from './browser.mjs';

const [mcpUrl, login, query = 'Revenue Dashboard'] = process.argv.slice(2);
const redirectUri = 'http://127.0.0.1:9/callback';

class TestOAuthProvider {
  code;
  #client;
  #tokens;
  #verifier;

  get redirectUrl() { return redirectUri; }

  get clientMetadata() {
    return {
      client_name: 'sigma-mcp OAuth end-to-end test',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  clientInformation() { return this.#client; }
  saveClientInformation(info) { this.#client = info; }
  tokens() { return this.#tokens; }
  saveTokens(tokens) { this.#tokens = tokens; }
  saveCodeVerifier(verifier) { this.#verifier = verifier; }
  codeVerifier() { return this.#verifier; }

  async redirectToAuthorization(url) {
    this.authorizationUrl = url;
    this.code = await authorize(url.href, redirectUri, login);
  }
}

const provider = new TestOAuthProvider();
const connect = async () => {
  const client = new Client({ name: 'sigma-mcp-oauth-e2e', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
  return client;
};

let client;
let firstAttemptUnauthorized = false;
try {
  client = await connect();
} catch (error) {
  if (!(error instanceof UnauthorizedError)) {
    throw error;
  }

  firstAttemptUnauthorized = true;
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  await transport.finishAuth(provider.code);
  client = await connect();
}

const claims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
const header = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString());
const accessToken = provider.tokens().access_token;
const search = await client.callTool({ name: 'search_documents', arguments: { query } });
console.log(JSON.stringify({
  firstAttemptUnauthorized,
  resource: provider.authorizationUrl?.searchParams.get('resource'),
  tokenType: header(accessToken).typ,
  audience: claims(accessToken).aud,
  email: claims(accessToken).email,
  scope: claims(accessToken).scope,
  isError: search.isError ?? false,
  ids: (search.structuredContent?.results ?? []).map((r) => r.id),
}));
await client.close();
