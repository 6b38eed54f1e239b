import type { Command } from 'commander';
import { availableProfiles, loadProfile } from '../import/profiles.js';
import type { ProfileSelection } from '../import/index.js';

/** `--profile` and `--ignore-sheet`, on every command that reads data files. */
export interface SheetOptions {
  readonly profile?: string;
  readonly ignoreSheet?: readonly string[];
}

export function addSheetOptions(command: Command): Command {
  return command
    .option('--profile <file>', 'hồ sơ cột (YAML) cho file có tiêu đề, giá trị khác mẫu chuẩn: xem profiles/README.md')
    .option(
      '--ignore-sheet <name>',
      'bỏ qua trang có tên này (không phải dữ liệu); dùng lại cho nhiều trang',
      (name: string, names: string[]) => [...names, name],
      [] as string[],
    );
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
