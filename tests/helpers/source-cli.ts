/**
 * `chitieu ARGS...` from the sources, for tests that run the CLI in a child process
 * (`node --import tsx tests/helpers/source-cli.ts ARGS...`): its peak memory is its own. When
 * CHITIEU_TEST_RSS_FILE is set, the process writes its peak resident set (KiB) there on exit.
 */
import { writeFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';

const rssFile = process.env.CHITIEU_TEST_RSS_FILE;
if (rssFile) process.on('exit', () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));
await main(process.argv);
