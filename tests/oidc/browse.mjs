// Plays the user's browser for a client that listens on its own loopback redirect URI (sigma-mcp connect --login):
// opens the authorization URL, logs in as <login> and consents (see browser.mjs), then delivers the redirect to the
// client. Usage: node browse.mjs <authorization-url> <login>. Prints "DELIVERED" (never the code) on success.
import { authorize } from './browser.mjs';

const [authorizationUrl, login] = process.argv.slice(2);
const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri');
if (!redirectUri) {
  throw new Error('the authorization URL has no redirect_uri');
}

await authorize(authorizationUrl, redirectUri, login, { deliver: true });
console.log('DELIVERED');
