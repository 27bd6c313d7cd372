import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const sessionCookieName = 'ops_session';

/** The session is the operator's token itself, in a cookie scripts cannot read or other sites send. */
export function sessionCookie(token: string, secure: boolean, maxAgeSeconds: number): string {
  return [
    `${sessionCookieName}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(): string {
  return `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}

/** A bearer header (scripts, curl) or the session cookie (the browser). */
export function tokenOf(request: Request): string | undefined {
  const bearer = /^Bearer (\S+)$/i.exec(request.header('authorization') ?? '')?.[1];
  if (bearer) return bearer;
  for (const part of (request.header('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookieName) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The per-session form token against cross-site requests: an HMAC of the session token under a
 * secret of this process, so it needs no storage and a page of another site cannot know it.
 */
export class CsrfTokens {
  constructor(private readonly secret: Buffer) {}

  of(sessionToken: string): string {
    return createHmac('sha256', this.secret).update(sessionToken).digest('base64url');
  }

  matches(sessionToken: string, submitted: unknown): boolean {
    if (typeof submitted !== 'string') return false;
    const expected = Buffer.from(this.of(sessionToken));
    const given = Buffer.from(submitted);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
