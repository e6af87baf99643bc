// Plays the user's browser through oidc-provider's development login and consent pages: follows redirects by hand,
// keeps cookies, submits the login form with `login` (any value; it becomes the account id and email), approves the
// consent form, and returns the authorization code delivered to the client's redirect URI. With `deliver`, it also
// requests that redirect, as a browser would, so that a client listening on its loopback redirect URI receives it.
export async function authorize(authorizationUrl, redirectUri, login, { deliver = false } = {}) {
  const cookies = new Map();
  const remember = (response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  let url = new URL(authorizationUrl);
  let method = 'GET';
  let body;
  for (let step = 0; step < 20; step++) {
    if (url.href.startsWith(redirectUri)) {
      const code = url.searchParams.get('code');
      if (!code) {
        throw new Error(`the authorization server redirected without a code: ${url.search}`);
      }

      if (deliver) {
        const delivered = await fetch(url);
        if (!delivered.ok) {
          throw new Error(`the client's redirect URI answered ${delivered.status}: ${(await delivered.text()).slice(0, 300)}`);
        }
      }

      return code;
    }

    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    remember(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location'), url);
      method = 'GET';
      body = undefined;
      continue;
    }

    const html = await response.text();
    if (response.status !== 200) {
      throw new Error(`${method} ${url.pathname} answered ${response.status}: ${html.slice(0, 300)}`);
    }

    // A login or consent form: post it back with its hidden fields (and the login on the login form).
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) {
      throw new Error(`no form on ${url.pathname}: ${html.slice(0, 300)}`);
    }

    const fields = new URLSearchParams();
    for (const input of form[2].matchAll(/<input[^>]*>/gi)) {
      const name = /name="([^"]+)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name) {
        fields.set(name, value);
      }
    }

    if (fields.has('login') || /name="login"/.test(form[2])) {
      fields.set('login', login);
      fields.set('password', 'any');
    }

    url = new URL(form[1].replaceAll('&amp;', '&'), url);
    method = 'POST';
    body = fields.toString();
  }

  throw new Error('the authorization flow did not reach the redirect URI within 20 steps');
}
