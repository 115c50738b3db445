/**
 * Who a request comes from: the presenter (a cookie holding the session's
 * secret token, set by the presenter link) or a student (a cookie holding a
 * random id signed with the session's secret, set when they join with the
 * code). Both are HttpOnly; the presenter's is SameSite=Strict.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const presenterCookie = 'lecture-presenter';
export const studentCookie = 'lecture-student';

/** The cookies of a request, by name. */
export function cookiesOf(request: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

/** A new student id and the cookie value that carries it. */
export function newStudent(secret: string): { id: string; cookie: string } {
  const id = randomBytes(12).toString('base64url');
  return { id, cookie: `${id}.${sign(secret, id)}` };
}

/** The student id a cookie value carries, when its signature is right. */
export function studentOf(secret: string, value: string | undefined): string | undefined {
  const [id, signature] = (value ?? '').split('.');
  if (!id || !signature) return undefined;
  const expected = Buffer.from(sign(secret, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}

function sign(secret: string, id: string): string {
  return createHmac('sha256', secret).update(`student\n${id}`).digest('base64url');
}

/** The `Set-Cookie` header for `name=value`. */
export function setCookie(name: string, value: string, sameSite: 'Strict' | 'Lax'): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=${sameSite}; Max-Age=${12 * 60 * 60}`;
}
