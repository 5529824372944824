// `npm run scan`: the static analysis n8n runs before it verifies a community package
// (@n8n/scan-community-package: n8n's community-node rules plus eslint-plugin-n8n-nodes-base), over the sources it
// reads (package.json, nodes/, credentials/). Part of `npm run lint`.
// The packed tarball is not scanned here: it ships the `simulate` command (dist/cli), which needs console and
// process and so fails the scanner's rules for community-package code; see README, "Install into your n8n".
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = await analyzePackage(root, SOURCE_FILE_PATTERNS);
if (!result.passed) {
	console.error(`n8n package scanner: ${result.message}`);
	if (result.details) console.error(result.details);
	process.exit(1);
}
console.log('n8n package scanner: no findings in package.json, nodes/ and credentials/');
