// `npm run scan`: the static analysis n8n runs before it verifies a community package
// (@n8n/scan-community-package: n8n's community-node rules plus eslint-plugin-n8n-nodes-base).
//   node scripts/scan.mjs                 the sources it reads (package.json, nodes/, credentials/); part of `npm run lint`
//   node scripts/scan.mjs --packed <dir>  an unpacked `npm pack` tarball, with the patterns n8n's scanner uses for the
//                                         published artifact (every .js file and package.json); run by `npm test`
//                                         (test/e2e/install.e2e.test.ts) on the tarball it installs
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packed = process.argv[2] === '--packed' ? process.argv[3] : undefined;
if (process.argv[2] === '--packed' && !packed) {
	console.error('usage: node scripts/scan.mjs [--packed <unpacked tarball directory>]');
	process.exit(2);
}
const dir = packed ? resolve(packed) : join(dirname(fileURLToPath(import.meta.url)), '..');
const what = packed ? `the packed package (${dir})` : 'package.json, nodes/ and credentials/';
// the same two legs as n8n's scanner (scan-community-package/scanner/scanner.mjs, analyzePackage calls)
const result = await analyzePackage(
	dir,
	packed ? ['**/*.js', 'package.json'] : SOURCE_FILE_PATTERNS,
);
if (!result.passed) {
	console.error(`n8n package scanner: ${result.message} in ${what}`);
	if (result.details) console.error(result.details);
	process.exit(1);
}
console.log(`n8n package scanner: no findings in ${what}`);
