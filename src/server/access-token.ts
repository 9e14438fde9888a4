/**
 * The access token of a `pensim serve` session, as Jupyter does it: a random secret printed in the
 * URL; every request must carry it (query ?token=, an `Authorization: Bearer` header, or the
 * HttpOnly SameSite=Strict cookie set when the page is opened with the token), otherwise 401.
 * Compared in constant time so that response timing does not leak it character by character.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'pensim_token';

/** 32 random bytes as 64 hex digits. */
export function newAccessToken(): string {
  return randomBytes(32).toString('hex');
}

export function sameToken(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** The token a request carries, from the query, the Authorization header or the cookie (first found). */
export function tokenOf(headers: { authorization?: string | undefined; cookie?: string | undefined }, query: unknown): string | undefined {
  const q = (query as { token?: unknown } | undefined)?.token;
  if (typeof q === 'string') return q;
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  for (const part of (headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return v.join('=');
  }
  return undefined;
}
