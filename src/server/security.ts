/**
 * What keeps the page to the person who started it: the server listens on 127.0.0.1 only,
 * answers only requests addressed to itself by that address (a page on another site that
 * points its own name at 127.0.0.1, "DNS rebinding", sends a foreign Host and is refused),
 * and only with the run's random token: first from the printed link, then from a cookie the
 * browser sends back to this origin only (SameSite=Strict, HttpOnly). No CORS header is ever
 * sent, writes from another origin are refused, and every answer carries a strict CSP.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serverText, type Message } from '../messages/index.js';

export const HOST = '127.0.0.1';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function refuse(reply: FastifyReply, status: number, message: Message): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: message });
}

export interface SecurityOptions {
  readonly token: string;
  /** The port the server listens on (known once it listens). */
  readonly port: () => number;
}

export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  const cookieName = () => `chitieu-${options.port()}`;
  const origins = () => [`${HOST}:${options.port()}`, `localhost:${options.port()}`];

  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    if (!origins().includes(host.toLowerCase())) {
      return refuse(reply, 403, serverText.foreignHost());
    }
    const origin = request.headers.origin;
    if (request.method !== 'GET' && request.method !== 'HEAD' && origin !== undefined && !origins().some((own) => origin === `http://${own}`)) {
      return refuse(reply, 403, serverText.foreignOrigin());
    }
    const url = new URL(request.url, `http://${host}`);
    const fromUrl = url.searchParams.get('token') ?? undefined;
    if (sameToken(fromUrl, options.token)) {
      reply.header('set-cookie', `${cookieName()}=${options.token}; Path=/; HttpOnly; SameSite=Strict`);
      // The token leaves the address bar (and the history) once the cookie holds it.
      if (request.method === 'GET' && !url.pathname.startsWith('/api/')) {
        url.searchParams.delete('token');
        return reply.redirect(`${url.pathname}${url.search}`, 303);
      }
      return;
    }
    if (!sameToken(cookieToken(request, cookieName()), options.token)) {
      return refuse(
        reply,
        403,
        serverText.tokenNeeded(),
      );
    }
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('cache-control', 'no-store');
    return payload;
  });
}
