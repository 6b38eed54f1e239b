// chitieu.exe (and the Linux build's ./chitieu) start here: see packaging/sea-main.cjs.
// CommonJS, because the executable's loader can require() but not import(); this file can.
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

import(pathToFileURL(join(__dirname, '..', 'dist', 'cli', 'main.js')).href)
  .then((cli) => cli.main(process.argv, { packaged: true }))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
