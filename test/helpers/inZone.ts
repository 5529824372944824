/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs `body` (JavaScript, an async function body that returns something JSON can write) in a separate Node.js
 * process whose time zone is `zone`, with `module` (a source file, relative to the repository) as `m`. Jest gives
 * each test file its own copy of process.env, so setting TZ inside a test changes nothing: only a process started
 * with TZ set reads dates in that zone, as an n8n running in Tokyo or New York does.
 */
export function runInZone<T>(zone: string, module: string, body: string): T {
	const bundle = buildSync({
		entryPoints: [join(ROOT, module)],
		bundle: true,
		write: false,
		platform: 'node',
		format: 'cjs',
		external: ['n8n-workflow'],
	}).outputFiles[0].text;
	const script = `const m = (() => { const module = { exports: {} }; const exports = module.exports; ${bundle}; return module.exports; })();
(async () => { ${body} })().then((out) => process.stdout.write(JSON.stringify({ out, offset: new Date(2026, 0, 1).getTimezoneOffset() })), (error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });`;
	const output = execFileSync(process.execPath, ['-e', script], {
		cwd: ROOT,
		env: { PATH: process.env.PATH ?? '', TZ: zone },
		encoding: 'utf8',
	});
	const { out, offset } = JSON.parse(output) as { out: T; offset: number };
	// the child really ran in another zone (else the test would prove nothing)
	if (zone !== 'UTC' && offset === 0) throw new Error(`the process did not run in ${zone}`);
	return out;
}
