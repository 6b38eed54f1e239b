/**
 * `chitieu serve`: listens on 127.0.0.1 (a free port unless one is given), prints the link
 * with the run's token, opens the default browser, and on Ctrl-C stops and deletes what it kept.
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { Message } from '../messages/index.js';
import type { Profile } from '../model/profile.js';
import { buildApp, type UploadLimits } from './app.js';
import { HOST, newToken } from './security.js';

export interface ServeOptions {
  readonly port?: number;
  readonly settingsFile?: string;
  readonly limits?: UploadLimits;
  readonly tempRoot?: string;
  readonly log?: (line: Message) => void;
  /** Profiles besides the bundled ones are read from, and saved to, this folder (default ./profiles). */
  readonly profilesDir?: string;
  /** `serve --profile FILE`. */
  readonly profile?: Profile;
}

export interface RunningServer {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  readonly dir: string;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const token = newToken();
  let port = options.port ?? 0;
  const { app, workspace } = await buildApp({
    token,
    port: () => port,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.settingsFile ? { settingsFile: options.settingsFile } : {}),
    ...(options.tempRoot ? { tempRoot: options.tempRoot } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.profilesDir ? { profilesDir: options.profilesDir } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  });
  // Uploaded personal data does not outlive the process, however it ends (an uncaught error
  // runs 'exit' listeners too); a kill -9 or a power cut leaves it to the next start.
  const removeOnExit = () => workspace.remove();
  process.on('exit', removeOnExit);
  try {
    await app.listen({ host: HOST, port });
  } catch (error) {
    process.off('exit', removeOnExit);
    workspace.remove();
    throw error;
  }
  port = (app.server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    token,
    port,
    dir: workspace.dir,
    close: async () => {
      await app.close();
      process.off('exit', removeOnExit);
    },
  };
}

/** The platform's way to open a link in the default browser; failures are left to the printed link. */
export function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', `"${url}"`]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    // Verbatim on Windows: Node would otherwise escape the quotes of start's empty title, which cmd does not understand.
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true, windowsVerbatimArguments: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine: the link is printed.
  }
}
