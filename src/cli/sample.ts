import type { Command } from 'commander';
import { cliText, ExitCode, UserError } from '../messages/index.js';
import { join } from 'node:path';
import { loadAdminUnits } from '../pipeline/stages.js';
import { buildPostReformSet, buildSampleSet, DEFAULT_SEED, districtSize, OTHER_LAYOUTS_DIR, POST_REFORM_DIR, writeOtherLayouts, writePostReformSet, writeSampleSet, type WrittenFile } from '../pipeline/sample.js';
import { outputFault, prepareOutputFolder } from '../io/output.js';
import { langOf, say, type CliContext } from './context.js';
import type { Lang } from '../messages/index.js';
import type { Text } from './help.js';

interface SampleCliOptions {
  out?: string;
  seed?: string;
  communes?: string;
  otherLayouts?: boolean;
  postReform?: boolean;
}

const MAX_SEED = 0xffffffff;

function parseSeed(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SEED;
  const seed = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(seed) || seed > MAX_SEED) {
    throw new UserError(
      ExitCode.usage,
      cliText.seedNotValid({ max: MAX_SEED, given: value }),
    );
  }
  return seed;
}

function parseCommunes(value: string | undefined, max: number): number {
  if (value === undefined) return max;
  const count = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > max) {
    throw new UserError(
      ExitCode.usage,
      cliText.communesNotValid({ max, given: value }),
    );
  }
  return count;
}

async function writePostReform(context: CliContext, lang: Lang, out: string, seed: number, units: ReturnType<typeof loadAdminUnits>): Promise<void> {
  const set = buildPostReformSet(units, seed);
  prepareOutputFolder(out);
  let written: WrittenFile[];
  try {
    written = await writePostReformSet(out, set);
  } catch (error) {
    throw outputFault(error, out);
  }
  for (const file of written) say(context, lang, cliText.sampleFileWritten({ path: file.path, bytes: file.bytes }));
  const bytes = written.reduce((sum, file) => sum + file.bytes, 0);
  const rejected = set.planted.filter((error) => error.outcome === 'rejected').length;
  const communes = set.newCommunes.map((commune) => commune.name).join(', ');
  say(
    context,
    lang,
    cliText.postReformSampleWritten({
      files: set.files.length,
      bytes,
      seed,
      newCommunes: set.newCommunes.length,
      communes,
      children: set.children.length,
      events: set.events.length,
      rejected,
    }),
  );
}

export function registerSample(program: Command, context: CliContext, text: Text): void {
  program
    .command('sample')
    .description(
      text(
        cliText.sampleDescription(),
      ),
    )
    .option(text(cliText.outFlag()), text(cliText.sampleOutHelp()))
    .option('--seed <n>', text(cliText.sampleSeedHelp({ seed: DEFAULT_SEED })))
    .option('--communes <n>', text(cliText.sampleCommunesHelp()))
    .option(
      '--other-layouts',
      text(cliText.sampleOtherLayoutsHelp({ folder: OTHER_LAYOUTS_DIR })),
    )
    .option(
      '--post-reform',
      text(
        cliText.samplePostReformHelp({ folder: POST_REFORM_DIR }),
      ),
    )
    .action(async (options: SampleCliOptions, command: Command) => {
      const lang = langOf(command);
      if (options.out === undefined || options.out.trim() === '') {
        throw new UserError(
          ExitCode.usage,
          cliText.sampleOutMissing(),
        );
      }
      const units = loadAdminUnits();
      const seed = parseSeed(options.seed);
      if (options.postReform) {
        if (options.communes !== undefined || options.otherLayouts) {
          throw new UserError(
            ExitCode.usage,
            cliText.postReformWithOtherOptions(),
          );
        }
        await writePostReform(context, lang, options.out, seed, units);
        return;
      }
      const communes = parseCommunes(options.communes, districtSize(units));
      const set = buildSampleSet(units, { seed, communes });
      // Made here, one level at a time (io/output.ts): a recursive mkdir can spin forever under /proc.
      prepareOutputFolder(options.out);
      let written;
      try {
        written = await writeSampleSet(options.out, set);
        if (options.otherLayouts) {
          const folder = join(options.out, OTHER_LAYOUTS_DIR);
          prepareOutputFolder(folder);
          written.push(...(await writeOtherLayouts(folder, set)));
        }
      } catch (error) {
        throw outputFault(error, options.out);
      }
      for (const file of written) say(context, lang, cliText.sampleFileWritten({ path: file.path, bytes: file.bytes }));
      const bytes = written.reduce((sum, file) => sum + file.bytes, 0);
      const rejected = set.planted.filter((error) => error.outcome === 'rejected').length;
      say(
        context,
        lang,
        cliText.sampleWritten({ files: set.files.length, bytes, seed, children: set.children.length, events: set.events.length, rejected }),
      );
    });
}
