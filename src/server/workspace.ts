/**
 * The server's private folder: uploaded files live here (mode 0700, under the system's temp
 * folder) and nowhere else, one sub-folder per browser tab. A tab's folder is emptied on its
 * "Xóa dữ liệu", the whole folder removed on stop, and a folder left by a server that died (its
 * owner process is gone) is removed at the next start.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeFileName } from '../io/file-names.js';

const PREFIX = 'chitieu-serve-';
const OWNER_FILE = 'owner.pid';

export interface Workspace {
  readonly dir: string;
  /**
   * A new sub-folder for one upload of a kind ("data", "annexes", …): every upload has its own,
   * so that two at once never write into, or empty, each other's folder.
   */
  freshFolder(kind: string): string;
  /** Removes the folders of `kind` other than `keep` and those still being written (`busy`). */
  keepOnly(kind: string, keep: string | undefined, busy?: ReadonlySet<string>): void;
  /** A path in `folder` for an uploaded file's name, made safe and unique. */
  placeFor(folder: string, name: string): string;
  clear(kind?: string): void;
  remove(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders of servers that are no longer running (only this user's). */
export function removeStaleWorkspaces(root: string = tmpdir()): number {
  let removed = 0;
  const uid = process.getuid?.();
  for (const name of readdirSync(root)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(root, name);
    try {
      if (uid !== undefined && statSync(dir).uid !== uid) continue;
      const pid = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) continue;
    } catch {
      // No owner file: a folder whose server died while creating it.
    }
    rmSync(dir, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

export function createWorkspace(root: string = tmpdir()): Workspace {
  removeStaleWorkspaces(root);
  // mkdtemp creates the folder 0700: readable by this user only.
  const dir = mkdtempSync(join(root, PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid), { mode: 0o600 });
  return workspaceIn(dir);
}

/**
 * The folder of one browser tab inside the server's folder: its uploads are never in another
 * tab's folder, and "Xóa dữ liệu" in one tab empties that tab's folder only.
 */
export function tabWorkspace(server: Workspace, tab: string): Workspace {
  const dir = join(server.dir, `tab-${safeFileName(tab)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return workspaceIn(dir);
}

function workspaceIn(dir: string): Workspace {
  const prefix = (kind: string) => `${safeFileName(kind)}-`;
  const foldersOf = (kind: string) => readdirSync(dir).filter((entry) => entry.startsWith(prefix(kind)));
  return {
    dir,
    freshFolder(kind) {
      return mkdtempSync(join(dir, prefix(kind)));
    },
    keepOnly(kind, keep, busy = new Set()) {
      for (const name of foldersOf(kind)) {
        const path = join(dir, name);
        if (path !== keep && !busy.has(path)) rmSync(path, { recursive: true, force: true });
      }
    },
    placeFor(target, name) {
      const safe = safeFileName(name) || 'tep';
      const dot = safe.lastIndexOf('.');
      const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
      let candidate = safe;
      for (let n = 2; existsIn(target, candidate); n += 1) candidate = `${stem} (${n})${ext}`;
      return join(target, candidate);
    },
    clear(kind) {
      for (const name of kind ? foldersOf(kind) : readdirSync(dir).filter((entry) => entry !== OWNER_FILE)) {
        rmSync(join(dir, name), { recursive: true, force: true });
      }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function existsIn(dir: string, name: string): boolean {
  try {
    statSync(join(dir, name));
    return true;
  } catch {
    return false;
  }
}
