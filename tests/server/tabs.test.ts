/**
 * The server's workspaces per tab (src/server/tabs.ts), through its routes: each tab id has its
 * own files, state and folder; "Xóa dữ liệu" in one tab leaves the others; a malformed id is
 * refused; past the limit the tab unused longest is forgotten with its folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Workspace } from '../../src/server/workspace.js';
import { multipartBody } from '../helpers/multipart.js';

const PORT = 4242;
const TOKEN = 'tabs-test-token';
const headers = (tab?: string) => ({ host: `127.0.0.1:${PORT}`, cookie: `chitieu-${PORT}=${TOKEN}`, ...(tab ? { 'x-chitieu-tab': tab } : {}) });
const SAMPLES = join(import.meta.dirname, '../../sample-data');
const [first, second] = readdirSync(SAMPLES).filter((name) => name.endsWith('.xlsx')).sort();
const root = mkdtempSync(join(tmpdir(), 'chitieu-tabs-root-'));
let app: FastifyInstance;
let workspace: Workspace;

async function upload(tab: string, name: string): Promise<number> {
  const { payload, headers: type } = multipartBody([{ name, bytes: readFileSync(join(SAMPLES, name)) }]);
  return (await app.inject({ method: 'POST', url: '/api/data', payload, headers: { ...headers(tab), ...type } })).statusCode;
}

async function settled(tab: string): Promise<{ state: string; files?: { name: string }[] }> {
  for (let i = 0; i < 200; i += 1) {
    const status = (await app.inject({ method: 'GET', url: '/api/data', headers: headers(tab) })).json();
    if (status.state !== 'reading') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('still reading');
}

describe('a workspace per tab', () => {
  beforeAll(async () => {
    ({ app, workspace } = await buildApp({ token: TOKEN, port: () => PORT, tempRoot: root }));
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps each tab\'s files apart, in its own folder', async () => {
    expect(await upload('tab-one', first!)).toBe(202);
    expect(await upload('tab-two', second!)).toBe(202);
    expect((await settled('tab-one')).files?.map((file) => file.name)).toEqual([first]);
    expect((await settled('tab-two')).files?.map((file) => file.name)).toEqual([second]);
    expect(readdirSync(workspace.dir).filter((name) => name.startsWith('tab-')).sort()).toEqual(['tab-tab-one', 'tab-tab-two']);
  });

  it('"Xóa dữ liệu" in one tab empties its folder and leaves the other tab\'s data', async () => {
    await app.inject({ method: 'DELETE', url: '/api/data', headers: headers('tab-one') });
    expect((await settled('tab-one')).state).toBe('empty');
    expect(readdirSync(join(workspace.dir, 'tab-tab-one'))).toEqual([]);
    const other = await settled('tab-two');
    expect(other.state).toBe('ready');
    expect(other.files?.map((file) => file.name)).toEqual([second]);
  });

  it('refuses a malformed tab id (it names a folder)', async () => {
    const answer = await app.inject({ method: 'GET', url: '/api/data', headers: headers('../../etc') });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.vi).toBe('Yêu cầu không hợp lệ (mục tab).');
  });

  it('forgets the tab unused longest, with its folder, past 40 tabs', async () => {
    // tab-one and tab-two are the oldest; 39 more make 41: tab-one (used before tab-two) goes.
    for (let n = 0; n < 39; n += 1) await app.inject({ method: 'GET', url: '/api/data', headers: headers(`more-${n}`) });
    const folders = readdirSync(workspace.dir).filter((name) => name.startsWith('tab-'));
    expect(folders).toHaveLength(40);
    expect(folders).not.toContain('tab-tab-one');
    expect(folders).toContain('tab-tab-two');
  });
});
