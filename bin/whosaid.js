#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build` (src/cli/main.ts → dist/cli.cjs) so it starts fast and needs no TypeScript at run time.
const path = require('path');
const fs = require('fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(`whosaid: ${bundle} is missing; run "npm run build" first\n`);
  process.exit(2);
}
require(bundle);
