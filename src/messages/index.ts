/**
 * The message catalogue: every text a person reads on the terminal or the page. Importing this
 * module loads every catalogue module, so that `registeredEntries()` lists them all (the page's
 * texts are served from it, and tests/messages/catalogue.test.ts checks them).
 */
export { type Lang, type Bilingual, Message, render, numberIn, joined, registeredEntries, revive } from './define.js';
export { ExitCode, UserError } from './user-error.js';
export { commonText } from './common.js';
export { ioText } from './io.js';
export { importText } from './import.js';
export { unitsText } from './units.js';
export { engineText } from './engine.js';
export { indicatorsText } from './indicators.js';
export { pipelineText } from './pipeline.js';
export { reportText } from './report.js';
export { outputText } from './output.js';
export { cliText } from './cli.js';
export { serverText, serverFormText } from './server.js';
export { pageText } from './page.js';
export { sampleText } from './sample.js';
export { modelText } from './model.js';
