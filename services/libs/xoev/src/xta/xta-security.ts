import { ClientSSLSecurity, type ISecurity } from 'soap';
import type { XtaSecurity } from './xta-options.js';
import { UsernameTokenSecurity } from './xta-username-token.js';

/** The `soap` security handler for the configured way of authenticating, if any. */
export function soapSecurity(security: XtaSecurity): ISecurity | undefined {
  switch (security.kind) {
    case 'none':
      return undefined;
    case 'username-token':
      return new UsernameTokenSecurity(security.username, security.password);
    case 'tls-client-certificate':
      return new ClientSSLSecurity(
        Buffer.from(security.keyPem),
        Buffer.from(security.certificatePem),
        security.caPem === undefined ? undefined : Buffer.from(security.caPem),
      );
  }
}
