/**
 * One workspace per browser tab. The page makes an id for its tab (kept in the tab's
 * sessionStorage, so a reload finds its work again, and another tab has its own) and sends it
 * with every request: the `x-chitieu-tab` header, or `?tab=` where the browser fetches by
 * itself (a download link, a chart's <img>). Requests without one (scripts, the older tests)
 * share the workspace "default".
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ExitCode, serverText, UserError } from '../messages/index.js';
import { tabWorkspace, type Workspace } from './workspace.js';

export const TAB_HEADER = 'x-chitieu-tab';
const DEFAULT_TAB = 'default';

const TabId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The tab a request comes from: its header, else its `?tab=`, else "default". */
export function tabIdOf(request: FastifyRequest): string {
  const header = request.headers[TAB_HEADER];
  const query = (request.query as Record<string, unknown> | undefined)?.['tab'];
  const given = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
  if (given === undefined) return DEFAULT_TAB;
  const parsed = TabId.safeParse(given);
  if (!parsed.success) throw new UserError(ExitCode.usage, serverText.invalidRequestField({ field: 'tab' }));
  return parsed.data;
}

export interface Tabs<T> {
  /** The request's tab, made (with its own folder) on its first request. */
  of(request: FastifyRequest): T;
  /** Every tab's state, for the server's own bookkeeping. */
  all(): T[];
}

/**
 * The tabs of this server. Past `limit` tabs (tabs closed without "Xóa dữ liệu" stay until the
 * server stops), the one unused longest is forgotten and its folder removed; if it comes back,
 * it starts empty and the page says so.
 */
export function createTabs<T>(server: Workspace, make: (id: string, workspace: Workspace) => T, limit = 40): Tabs<T> {
  const tabs = new Map<string, { tab: T; workspace: Workspace; used: number }>();
  let clock = 0;
  return {
    of(request) {
      const id = tabIdOf(request);
      let entry = tabs.get(id);
      if (!entry) {
        if (tabs.size >= limit) {
          const [oldest] = [...tabs.entries()].sort((a, b) => a[1].used - b[1].used);
          if (oldest) {
            oldest[1].workspace.remove();
            tabs.delete(oldest[0]);
          }
        }
        const workspace = tabWorkspace(server, id);
        entry = { tab: make(id, workspace), workspace, used: 0 };
        tabs.set(id, entry);
      }
      entry.used = ++clock;
      return entry.tab;
    },
    all: () => [...tabs.values()].map((entry) => entry.tab),
  };
}
