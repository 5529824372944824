/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scripts = join(__dirname, '..', '..', 'scripts');
const MARKER = 'set-before-first-publish@invalid';
const REPO = 'acme-test/n8n-nodes-translation-events';

/** package.json as it is before the first publish: the marker e-mail, no repository, no bugs. */
const unready = {
	name: 'n8n-nodes-translation-events',
	version: '0.1.0',
	author: { name: 'n8n-nodes-translation-events developers', email: MARKER },
};
/** ... and once the maintainers filled it in (`.internal` is a private-use name, no one's address). */
const ready = {
	...unready,
	author: { name: 'Someone', email: 'someone@acme-test.internal' },
	repository: { type: 'git', url: `git+https://github.com/${REPO}.git` },
	bugs: { url: `https://github.com/${REPO}/issues` },
};

/** The environment of a maintainer's shell: whatever CI this test runs in (GitHub Actions too) left out. */
function localEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => !/^(GITHUB_|RUNNER_|ACTIONS_)|^(CI|NPM_TOKEN|HAS_NPM_TOKEN)$/.test(key),
		),
	);
	return { ...env, ...extra };
}
const inActions = (extra: Record<string, string> = {}) =>
	localEnv({
		GITHUB_ACTIONS: 'true',
		GITHUB_REPOSITORY: REPO,
		GITHUB_REF_TYPE: 'tag',
		GITHUB_REF_NAME: '0.1.0',
		...extra,
	});

async function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
	return await new Promise<{ code: number; out: string }>((resolve) => {
		execFile('node', [file, ...args], { cwd, env }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
			resolve({ code, out: `${stdout}${stderr}` });
		});
	});
}

describe('scripts/check-publishable.mjs: refuses to publish unfinished package metadata', () => {
	let folder: string;
	const check = (pkg: object, env = localEnv()) => {
		writeFileSync(join(folder, 'package.json'), JSON.stringify(pkg));
		return run(join(scripts, 'check-publishable.mjs'), [folder], folder, env);
	};
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'publishable-test-'));
	});
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it('refuses the marker e-mail and a missing repository and bugs, and points to RELEASING.md', async () => {
		const { code, out } = await check(unready);
		expect(code).toBe(1);
		expect(out).toContain(`"author.email" is still the placeholder ${MARKER}`);
		expect(out).toContain('"repository" is missing');
		expect(out).toContain('"bugs" is missing');
		expect(out).toContain('RELEASING.md');
	});

	it('passes once the author e-mail, repository and bugs are real', async () => {
		const { code, out } = await check(ready);
		expect(out).toContain('ready to publish');
		expect(code).toBe(0);
	});

	it.each([
		[
			'an author string with a reserved domain',
			{ author: 'Someone <someone@example.com>' },
			'placeholder',
		],
		['an author without e-mail', { author: { name: 'Someone' } }, 'no e-mail'],
		['an author without name', { author: { email: 'someone@acme-test.internal' } }, 'no name'],
		[
			'a repository that is not on GitHub',
			{ repository: 'https://gitlab.com/acme-test/n8n-nodes-translation-events' },
			'is not a GitHub repository',
		],
	])('refuses %s', async (_name, change, message) => {
		const { code, out } = await check({ ...ready, ...change });
		expect(code).toBe(1);
		expect(out).toContain(message);
	});

	it('accepts the short forms npm accepts ("owner/name", "github:owner/name")', async () => {
		for (const repository of [REPO, `github:${REPO}`, `git@github.com:${REPO}.git`]) {
			expect((await check({ ...ready, repository }, inActions())).code).toBe(0);
		}
	});

	it('in GitHub Actions: refuses a repository.url that names another repository (npm would refuse the provenance)', async () => {
		const { code, out } = await check(ready, inActions({ GITHUB_REPOSITORY: 'someone/fork' }));
		expect(code).toBe(1);
		expect(out).toContain('but this workflow runs in someone/fork');
	});

	it('in GitHub Actions: refuses a tag that does not name the version in package.json', async () => {
		const { code, out } = await check(ready, inActions({ GITHUB_REF_NAME: '0.1.1' }));
		expect(code).toBe(1);
		expect(out).toContain('the tag 0.1.1 does not name the version in package.json (0.1.0)');
	});

	it('in GitHub Actions: refuses an npm too old for trusted publishing unless an NPM_TOKEN is given', async () => {
		const bin = join(folder, 'bin');
		mkdirSync(bin, { recursive: true });
		writeFileSync(join(bin, 'npm'), '#!/bin/sh\necho 10.9.2\n');
		chmodSync(join(bin, 'npm'), 0o755);
		const PATH = `${bin}:${process.env.PATH}`;
		const old = await check(ready, inActions({ PATH }));
		expect(old.code).toBe(1);
		expect(old.out).toContain('npm 10.9.2 cannot do trusted publishing');
		expect((await check(ready, inActions({ PATH, HAS_NPM_TOKEN: 'true' }))).code).toBe(0);
	});
});

/**
 * `npm run release` in a scratch repository (its two scripts copied in): the refusals that come before it runs
 * lint, tests and build. The whole local release and the publishing half are rehearsed in RELEASING.md.
 */
describe('scripts/release.mjs: what `npm run release` refuses before it starts', () => {
	let repo: string;
	const release = (args: string[], env = localEnv()) =>
		run(join(repo, 'scripts', 'release.mjs'), args, repo, env);
	const git = (...args: string[]) =>
		execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.internal', ...args], {
			cwd: repo,
			env: localEnv(),
		});
	const commit = (pkg: object, changelog: string) => {
		writeFileSync(join(repo, 'package.json'), JSON.stringify(pkg));
		writeFileSync(join(repo, 'CHANGELOG.md'), changelog);
		git('add', '-A');
		git('commit', '-q', '--allow-empty', '-m', 'state');
	};
	const withEntries = '# Changelog\n\n## [Unreleased]\n\n### Added\n- Everything.\n';
	beforeAll(() => {
		repo = mkdtempSync(join(tmpdir(), 'release-test-'));
		mkdirSync(join(repo, 'scripts'));
		for (const file of ['release.mjs', 'check-publishable.mjs']) {
			copyFileSync(join(scripts, file), join(repo, 'scripts', file));
		}
		git('init', '-q', '-b', 'main');
	});
	afterAll(() => rmSync(repo, { recursive: true, force: true }));

	it('says how to use it when no version is given', async () => {
		commit(ready, withEntries);
		const { code, out } = await release([]);
		expect(code).toBe(2);
		expect(out).toContain('usage: npm run release -- <patch|minor|major|x.y.z>');
	});

	it('refuses unfinished package metadata, pointing to RELEASING.md', async () => {
		commit(unready, withEntries);
		const { code, out } = await release(['patch']);
		expect(code).toBe(1);
		expect(out).toContain('placeholder set-before-first-publish@invalid');
		expect(out).toContain('RELEASING.md');
	});

	it('refuses a version that is not above the current one', async () => {
		commit(ready, withEntries);
		const { code, out } = await release(['0.0.9']);
		expect(code).toBe(1);
		expect(out).toContain('is not patch, minor, major, a version above 0.1.0');
	});

	it('refuses to release the current version once its tag exists', async () => {
		commit(ready, withEntries);
		git('tag', '0.1.0');
		const { code, out } = await release(['0.1.0']);
		git('tag', '-d', '0.1.0');
		expect(code).toBe(1);
		expect(out).toContain('0.1.0 itself before its tag');
	});

	it('refuses a changelog without entries under [Unreleased]', async () => {
		commit(ready, '# Changelog\n\n## [Unreleased]\n\n## [0.0.1] - 2026-01-01\n- Old.\n');
		const { code, out } = await release(['patch']);
		expect(code).toBe(1);
		expect(out).toContain('CHANGELOG.md has no entries under "## [Unreleased]"');
	});

	it('refuses uncommitted changes and branches other than main', async () => {
		commit(ready, withEntries);
		writeFileSync(join(repo, 'stray.txt'), 'x');
		expect((await release(['patch'])).out).toContain('uncommitted changes');
		rmSync(join(repo, 'stray.txt'));
		git('checkout', '-q', '-b', 'feature');
		const { code, out } = await release(['patch']);
		git('checkout', '-q', 'main');
		expect(code).toBe(1);
		expect(out).toContain('releases are made from main, not from feature');
	});

	it('in GitHub Actions: publishes from a version tag only, and never with unfinished metadata', async () => {
		commit(ready, withEntries);
		const branch = await release([], inActions({ GITHUB_REF_TYPE: 'branch' }));
		expect(branch.code).toBe(1);
		expect(branch.out).toContain('publishes from a version tag only');
		commit(unready, withEntries);
		const { code, out } = await release([], inActions());
		expect(code).toBe(1);
		expect(out).toContain('"repository" is missing');
	});
});
