// A real OpenID Connect provider (panva's certified oidc-provider) on loopback, for the sign-in tests.
// node provider.mjs PORT APP_ORIGIN [APP_ORIGIN ...]   prints "ready" once it listens.
// Two SYNTHETIC test accounts; the development login form takes their account id as the login
// (any password): it is a test fixture, never a provider to deploy.
import Provider from 'oidc-provider';

const [port, ...appOrigins] = process.argv.slice(2);
const ACCOUNTS = {
  editor: { name: 'Amina Karimova (SYNTHETIC)', email: 'Amina.Karimova@UNWomen.example', email_verified: true },
  viewer: { name: 'Vera Viewer (SYNTHETIC)', email: 'vera.viewer@undp.example', email_verified: true },
};

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: 'dashboard',
    client_secret: process.env.OIDC_CLIENT_SECRET || 'test-client-secret',
    redirect_uris: appOrigins.map((o) => `${o}/oauth2callback`),
    post_logout_redirect_uris: appOrigins.map((o) => `${o}/oauth2callback`),
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The claims of the granted scopes go into the ID token: Streamlit reads the person from it.
  conformIdTokenClaims: false,
  cookies: { keys: ['test-only-cookie-key-not-a-secret'] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(ctx, id) {
    const claims = ACCOUNTS[id];
    return claims && { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  // The dashboard is first-party: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
