/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const installer = join(__dirname, '..', '..', 'scripts', 'install-n8n.sh');

/**
 * The n8n installer builds sqlite3 from source. Started from `npm test` or `npm run dev`, it inherits the
 * project's `ignore-scripts=true` as npm_config_ignore_scripts, and a user's ~/.npmrc may say the same: its
 * native-build step must run install scripts anyway. `--self-test` runs exactly that step on a local package
 * whose install script leaves a marker (seconds, no network), so this fails whenever the fix is lost.
 */
describe('scripts/install-n8n.sh: the native-build step', () => {
	let folder: string;
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'installer-test-'));
	});
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it.each([
		[
			'npm_config_ignore_scripts=true inherited from npm run / npm test',
			{ npm_config_ignore_scripts: 'true' },
		],
		['NPM_CONFIG_IGNORE_SCRIPTS=true in the environment', { NPM_CONFIG_IGNORE_SCRIPTS: 'true' }],
		['ignore-scripts=true in the user npmrc', 'userconfig'],
	] as const)(
		'runs install scripts under %s',
		async (_name, setting) => {
			const env: NodeJS.ProcessEnv = { ...process.env };
			if (setting === 'userconfig') {
				const npmrc = join(folder, 'user.npmrc');
				writeFileSync(npmrc, 'ignore-scripts=true\n');
				env.NPM_CONFIG_USERCONFIG = npmrc;
			} else Object.assign(env, setting);
			const { stderr } = await run('bash', [installer, '--self-test'], { env });
			expect(stderr).toContain('self-test passed');
		},
		60_000,
	);
});
