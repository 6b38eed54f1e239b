/**
 * What the page is told never holds a path of this machine: the server's private folder (with
 * the upload's sub-folder) is taken out of every message, leaving the file's own name, and the
 * profiles folder is shown as "profiles/".
 */
import { realpathSync } from 'node:fs';
import { serverText, type Message } from '../messages/index.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every spelling of a folder: as given, and its real path (a symlinked temp folder). */
function spellings(folder: string): string[] {
  const all = new Set([folder.replace(/[/\\]+$/, '')]);
  try {
    all.add(realpathSync(folder));
  } catch {
    // Not made yet: only the spelling given.
  }
  return [...all].filter((path) => path.length > 1).sort((a, b) => b.length - a.length);
}

/**
 * A function that removes `hidden` folders (and the sub-folders that follow them) from a
 * message, and shows `renamed` folders under a short name.
 */
export function pathHider(hidden: readonly string[], renamed: readonly { folder: string; as: string }[] = []): (text: Message) => Message {
  const rules: [RegExp, string][] = [
    ...hidden.flatMap((folder) => spellings(folder)).map((path): [RegExp, string] => [new RegExp(`${escape(path)}(?:[/\\\\][^/\\\\\\s"]+)*[/\\\\]`, 'g'), '']),
    ...renamed.flatMap(({ folder, as }) => spellings(folder).map((path): [RegExp, string] => [new RegExp(`${escape(path)}[/\\\\]`, 'g'), `${as}/`])),
  ];
  const hide = (text: string) => rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
  return (text) => serverText.withoutPaths({ message: text, hide });
}
