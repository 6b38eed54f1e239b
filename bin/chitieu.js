#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm ci` (the `prepare` script); this shim only starts it.
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    console.error('chitieu chưa được biên dịch: hãy chạy "npm ci" (hoặc "npm run build") trước.');
    process.exit(1);
  }
  throw error;
});
