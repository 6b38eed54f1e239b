import { Option } from 'commander';
import { availableProfiles, loadProfile, type ProfileSelection } from '../pipeline/stages.js';
import { cliText } from '../messages/index.js';
import type { Text } from './help.js';

/** `--profile` and `--ignore-sheet`, on every command that reads data files. */
export interface SheetOptions {
  readonly profile?: string;
  readonly ignoreSheet?: readonly string[];
}

export function profileOption(text: Text): Option {
  return new Option(
    text(cliText.profileFlag()),
    text(cliText.sheetOptionsProfileHelp()),
  );
}

export function ignoreSheetOption(text: Text): Option {
  return new Option(
    text(cliText.ignoreSheetFlag()),
    text(cliText.sheetOptionsIgnoreSheetHelp()),
  ).argParser((name: string, names: string[] | undefined) => [...(names ?? []), name]);
}

/**
 * `--profile FILE`: that profile only. Without it, the bundled profiles and those of a
 * `profiles/` folder here are candidates, each used where a sheet's headers fit it better than
 * the contract alone. Profiles are read and checked before any data (a bad one exits 4).
 */
export function sheetChoiceOf(options: SheetOptions): ProfileSelection {
  const ignoreSheets = options.ignoreSheet ?? [];
  if (options.profile !== undefined) return { profile: loadProfile(options.profile), candidates: [], ignoreSheets };
  return { candidates: availableProfiles(), ignoreSheets };
}
