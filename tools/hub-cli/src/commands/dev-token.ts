import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importJWK, SignJWT, type JWK } from 'jose';

export const summary =
  'dev-token --citizen <ref> [--scope "..."] | --operator [--subject <who>]: a portal or ops-console token (dev keys only)';

const signingKeyFile = fileURLToPath(
  import.meta.resolve('@hub/deploy-config/dev/portal-signing-key.jwk.json'),
);

/** Operators are not citizens: their tokens name another issuer and audience (the console's defaults). */
const audiences = {
  portal: { issuer: 'https://portal.example/auth', audience: 'municipal-hub' },
  operator: { issuer: 'https://operators.example/auth', audience: 'municipal-hub-ops' },
};

/** Mints a token the gateway or the ops console started by `npm start` accepts. */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      citizen: { type: 'string' },
      operator: { type: 'boolean', default: false },
      subject: { type: 'string', default: 'dev-operator' },
      scope: { type: 'string' },
      minutes: { type: 'string', default: '60' },
    },
  });
  const { issuer, audience } = values.operator ? audiences.operator : audiences.portal;
  const scope =
    values.scope ??
    (values.operator ? 'ops:read ops:replay' : 'applications:submit applications:read');
  const jwk = JSON.parse(readFileSync(signingKeyFile, 'utf8')) as JWK;
  const token = await new SignJWT({
    scope,
    ...(values.operator ? { sub: values.subject } : { azp: 'dev-portal' }),
    ...(values.citizen && !values.operator ? { citizen_account: values.citizen } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? 'dev-portal-1' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${values.minutes}m`)
    .sign(await importJWK(jwk, 'RS256'));
  console.log(token);
}
