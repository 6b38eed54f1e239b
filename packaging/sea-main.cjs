// The script inside chitieu.exe (a Node single executable application, packaging/build.ts).
// It only finds the app that lies beside the executable and starts it: the app stays files on
// disk, so that the folders users edit (indicators/, profiles/, …) are the ones it reads.
// Inside an executable, require() reaches only Node's own modules; createRequire opens the disk.
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');

createRequire(join(dirname(process.execPath), 'package.json'))('./bin/packaged.cjs');
