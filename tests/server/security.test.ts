/**
 * The server's rules, each with its test: 127.0.0.1 only, a foreign Host refused (DNS
 * rebinding), the run's token required (URL, then a SameSite=Strict HttpOnly cookie), no CORS,
 * a strict CSP, upload limits with a clear message, a private folder deleted when asked, on
 * stop and at the next start.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../helpers/multipart.js';
import { buildApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/start.js';
import { removeStaleWorkspaces, type Workspace } from '../../src/server/workspace.js';
import { buildZip, deflatedZeros } from '../helpers/zips.js';

const PORT = 48123;
const TOKEN = 'test-token-0123456789';
const HOST = `127.0.0.1:${PORT}`;
const COOKIE = `chitieu-${PORT}=${TOKEN}`;
const root = mkdtempSync(join(tmpdir(), 'chitieu-serve-test-'));


let app: FastifyInstance;
let workspace: Workspace;

beforeAll(async () => {
  ({ app, workspace } = await buildApp({ token: TOKEN, port: () => PORT, tempRoot: root, limits: { fileBytes: 1000, totalBytes: 2500, files: 3 } }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });

describe('chitieu serve: who may ask', () => {
  it('refuses a request whose Host is not its own address (DNS rebinding), even with the token', async () => {
    for (const host of ['evil.example:48123', `127.0.0.1:${PORT + 1}`, 'localhost.evil.example']) {
      const answer = await app.inject({ method: 'GET', url: '/api/options', headers: { host, cookie: COOKIE } });
      expect(answer.statusCode, host).toBe(403);
      expect(answer.json().error.vi).toContain('địa chỉ máy chủ');
    }
    expect((await get('/api/options', { host: `localhost:${PORT}`, cookie: COOKIE })).statusCode).toBe(200);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const none = await get('/');
    expect(none.statusCode).toBe(403);
    expect(none.json().error.vi).toContain('mã truy cập');
    expect((await get('/api/data')).statusCode).toBe(403);
    expect((await get('/?token=wrong')).statusCode).toBe(403);
    expect((await get('/api/data', { cookie: `chitieu-${PORT}=wrong` })).statusCode).toBe(403);
  });

  it('takes the token from the link once, then from a SameSite=Strict HttpOnly cookie', async () => {
    const first = await get(`/?token=${TOKEN}`);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain(`chitieu-${PORT}=${TOKEN}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await get('/', { cookie: COOKIE });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tệp dữ liệu');
  });

  it('sends a strict CSP and no CORS header, and refuses writes from another origin', async () => {
    const page = await get('/', { cookie: COOKIE, origin: 'http://evil.example' });
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'self'/);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/data', headers: { host: HOST, cookie: COOKIE, origin: 'http://evil.example', 'access-control-request-method': 'DELETE' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const write = await app.inject({ method: 'DELETE', url: '/api/data', headers: { host: HOST, cookie: COOKIE, origin: 'http://evil.example' } });
    expect(write.statusCode).toBe(403);
    const own = await app.inject({ method: 'DELETE', url: '/api/data', headers: { host: HOST, cookie: COOKIE, origin: `http://${HOST}` } });
    expect(own.statusCode).toBe(200);
  });

  it('has no inline script or style in its page (the CSP would block them)', async () => {
    const page = await get('/', { cookie: COOKIE });
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.body).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });
});

describe('chitieu serve: uploads', () => {
  const upload = (files: { name: string; bytes: Buffer }[]) => {
    const { payload, headers } = multipartBody(files);
    return app.inject({ method: 'POST', url: '/api/data', payload, headers: { host: HOST, cookie: COOKIE, ...headers } });
  };

  it('refuses a file over the size limit per file, with a message saying what to do', async () => {
    const answer = await upload([{ name: 'lon.csv', bytes: Buffer.alloc(1500, 'a') }]);
    expect(answer.statusCode).toBe(413);
    expect(answer.json().error.vi).toMatch(/lon\.csv lớn hơn giới hạn .* cho mỗi tệp/);
  });

  it('refuses too many files, and too many bytes in total', async () => {
    const small = (name: string) => ({ name, bytes: Buffer.alloc(900, 'a') });
    const tiny = (name: string) => ({ name, bytes: Buffer.alloc(100, 'a') });
    const many = await upload([tiny('a.csv'), tiny('b.csv'), tiny('c.csv'), tiny('d.csv')]);
    expect(many.statusCode).toBe(413);
    expect(many.json().error.vi).toContain('tối đa 3 tệp');
    const total = await upload([small('a.csv'), small('b.csv'), { name: 'c.csv', bytes: Buffer.alloc(800, 'a') }]);
    expect(total.statusCode).toBe(413);
    expect(total.json().error.vi).toContain('cùng lúc vượt quá 2 KB');
    // A refused upload leaves no folder behind.
    expect(readdirSync(workspace.dir).filter((name) => name.startsWith('data-'))).toEqual([]);
  });

  it('keeps uploads in a folder only its user can open, and deletes them on "Xóa dữ liệu"', async () => {
    expect(statSync(workspace.dir).mode & 0o777).toBe(0o700);
    const answer = await upload([{ name: 'hỏng.csv', bytes: Buffer.from('không phải dữ liệu\n') }]);
    expect(answer.statusCode).toBe(202);
    // Each tab has its own folder (tab-…; "default" without a tab id), each upload its own in it (data-XXXXXX).
    const tabFolder = join(workspace.dir, 'tab-default');
    expect(statSync(tabFolder).mode & 0o777).toBe(0o700);
    const dataFolders = () => readdirSync(tabFolder).filter((name) => name.startsWith('data-'));
    expect(dataFolders()).toHaveLength(1);
    expect(existsSync(join(tabFolder, dataFolders()[0]!, 'hỏng.csv'))).toBe(true);
    // A broken file: one line saying what is wrong, not a stack trace.
    let status = (await get('/api/data', { cookie: COOKIE })).json();
    for (let i = 0; i < 100 && status.state === 'reading'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await get('/api/data', { cookie: COOKIE })).json();
    }
    expect(status.state).toBe('failed');
    expect(status.error.vi).toContain('hỏng.csv');
    expect(status.error.vi).not.toContain('\n');
    await app.inject({ method: 'DELETE', url: '/api/data', headers: { host: HOST, cookie: COOKIE } });
    expect(dataFolders()).toEqual([]);
    expect(existsSync(workspace.dir)).toBe(true);
  });
});

describe('chitieu serve: the zip guard', () => {
  it('refuses an uploaded annex that is a zip bomb, as the command line refuses a data file', async () => {
    const { app: other } = await buildApp({ token: TOKEN, port: () => PORT, tempRoot: root });
    try {
      const bomb = buildZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/media/image1.png', deflated: deflatedZeros(1), declaredSize: 1024 ** 3 },
      ]);
      const { payload, headers } = multipartBody([{ name: 'phu-luc.xlsx', bytes: bomb }]);
      const answer = await other.inject({ method: 'POST', url: '/api/annexes', payload, headers: { host: HOST, cookie: COOKIE, ...headers } });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.vi).toContain('phu-luc.xlsx');
      expect(answer.json().error.vi).toContain('bom zip');
    } finally {
      await other.close();
    }
  });
});

describe('chitieu serve: the process', () => {
  it('listens on 127.0.0.1 only, prints a link with the token, and deletes its folder on stop', async () => {
    const server = await startServer({ tempRoot: root });
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    expect(existsSync(server.dir)).toBe(true);
    const answer = await fetch(server.url, { redirect: 'manual' });
    expect(answer.status).toBe(303);
    await server.close();
    expect(existsSync(server.dir)).toBe(false);
  });

  it("removes at the next start what a server that died left behind, but not a running one's", () => {
    const dead = join(root, 'chitieu-serve-dead');
    mkdirSync(dead);
    // A pid no process has (above the kernel's pid_max).
    writeFileSync(join(dead, 'owner.pid'), '99999999');
    const running = join(root, 'chitieu-serve-running');
    mkdirSync(running);
    writeFileSync(join(running, 'owner.pid'), String(process.pid));
    removeStaleWorkspaces(root);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(workspace.dir)).toBe(true);
  });
});
