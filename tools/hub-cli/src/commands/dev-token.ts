import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importJWK, SignJWT, type JWK } from 'jose';

export const summary =
  'dev-token --citizen <ref> [--scope "..."]: a portal token for the local gateway (dev keys only)';

const signingKeyFile = fileURLToPath(
  new URL('../../../../deploy/config/dev/portal-signing-key.jwk.json', import.meta.url),
);

/** Mints a token the gateway started by `npm start` accepts (issuer and audience are its defaults). */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      citizen: { type: 'string' },
      scope: { type: 'string', default: 'applications:submit applications:read' },
      minutes: { type: 'string', default: '60' },
    },
  });
  const jwk = JSON.parse(readFileSync(signingKeyFile, 'utf8')) as JWK;
  const token = await new SignJWT({
    scope: values.scope,
    azp: 'dev-portal',
    ...(values.citizen ? { citizen_account: values.citizen } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? 'dev-portal-1' })
    .setIssuer('https://portal.example/auth')
    .setAudience('municipal-hub')
    .setIssuedAt()
    .setExpirationTime(`${values.minutes}m`)
    .sign(await importJWK(jwk, 'RS256'));
  console.log(token);
}
