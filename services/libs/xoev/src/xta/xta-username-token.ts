import { randomUUID } from 'node:crypto';
import { Builder } from 'xml2js';
import { xtaNamespaces as ns } from './xta-namespaces.js';

const builder = new Builder({ headless: true, renderOpts: { pretty: false } });
const passwordText =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
const lifetimeMs = 10 * 60 * 1000;

/**
 * wsse:Security with wsu:Timestamp and wsse:UsernameToken (PasswordText), WS-Security 1.0, with
 * fresh times and xs:ID-valid wsu:Id values on every call.
 */
export class UsernameTokenSecurity {
  constructor(
    private readonly username: string,
    private readonly password: string,
  ) {}

  toXML(): string {
    const now = new Date();
    const id = randomUUID();
    return builder.buildObject({
      'wsse:Security': {
        $: { 'xmlns:wsse': ns.wsse, 'xmlns:wsu': ns.wsu },
        'wsu:Timestamp': {
          $: { 'wsu:Id': `TS-${id}` },
          'wsu:Created': now.toISOString(),
          'wsu:Expires': new Date(now.getTime() + lifetimeMs).toISOString(),
        },
        'wsse:UsernameToken': {
          $: { 'wsu:Id': `UT-${id}` },
          'wsse:Username': this.username,
          'wsse:Password': { $: { Type: passwordText }, _: this.password },
          'wsu:Created': now.toISOString(),
        },
      },
    });
  }
}
