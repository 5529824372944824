/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * The package as users get it: `npm pack`, then installed into a fresh n8n's user folder exactly the way n8n's
 * Community Nodes feature does it (CommunityPackagesService.downloadPackage, the same steps in n8n 2.41 and 1.123:
 * unpack the tarball into ~/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies, `npm install`
 * its own dependencies with scripts off, record it in ~/.n8n/nodes/package.json). Then n8n loads it and a workflow
 * runs. jest.config.js runs this file on both versions.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

import { gengoCallbackRequest } from '../fixtures/samples/gengo';
import {
	editorTypes,
	PACKAGE,
	receivedItems,
	send,
	startN8n,
	triggerWorkflow,
	type N8nInstance,
} from './harness';

const run = promisify(execFile);
const repoRoot = join(__dirname, '..', '..');

/** Every file of a directory, relative, sorted. */
function filesOf(dir: string, prefix = ''): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) =>
			entry.isDirectory()
				? filesOf(join(dir, entry.name), `${prefix}${entry.name}/`)
				: [`${prefix}${entry.name}`],
		)
		.sort();
}

describe('The packed package installed into n8n like Community Nodes does', () => {
	let n8n: N8nInstance;
	let work: string;
	let installed: string;
	let tarball: string;
	/** The Gengo Trigger as added in the editor: the secret token of a Translation Webhook Secret credential. */
	const SECRET = 'install-e2e-secret-0123456789';
	const SECRET_CREDENTIAL = {
		translationWebhookSecretApi: { id: 'installSecret001', name: 'Webhook secret' },
	};
	const workflow = triggerWorkflow({
		id: 'installGengo0001',
		node: 'gengoTrigger',
		credentials: SECRET_CREDENTIAL,
	});

	beforeAll(async () => {
		work = mkdtempSync(join(tmpdir(), 'n8n-install-'));
		const { stdout } = await run('npm', ['pack', '--pack-destination', work, '--quiet'], {
			cwd: repoRoot,
		});
		tarball = join(work, stdout.trim().split('\n').pop()!);
		const userFolder = join(work, 'user');
		const nodesDir = join(userFolder, '.n8n', 'nodes');
		installed = join(nodesDir, 'node_modules', PACKAGE);
		mkdirSync(installed, { recursive: true });
		await run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
		const packageJson = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
		const kept = { ...packageJson };
		for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
			delete kept[field];
		writeFileSync(join(installed, 'package.json'), JSON.stringify(kept, null, 2));
		await run(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{
				cwd: installed,
			},
		);
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify(
				{
					name: 'installed-nodes',
					private: true,
					dependencies: { [PACKAGE]: packageJson.version },
				},
				null,
				2,
			),
		);

		n8n = await startN8n('install', { userFolder, linkRepo: false });
		await n8n.importCredentials([
			{
				...SECRET_CREDENTIAL.translationWebhookSecretApi,
				type: 'translationWebhookSecretApi',
				data: { secret: SECRET },
			},
		]);
		await n8n.importWorkflows([workflow]);
		await n8n.waitForWebhook(n8n.webhookUrl(`${workflow.webhookId}/gengo`));
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		if (work) rmSync(work, { recursive: true, force: true });
	});

	it('ships only dist/, README, LICENSE and package.json, with no runtime dependencies', () => {
		const files = filesOf(installed);
		expect(files.filter((f) => !f.startsWith('dist/'))).toEqual([
			'LICENSE',
			'README.md',
			'package.json',
		]);
		expect(files).toEqual(
			expect.arrayContaining([
				'dist/nodes/Gengo/GengoTrigger.node.js',
				'dist/nodes/Gengo/gengo.svg',
				'dist/vendor/zod.js',
			]),
		);
		expect(
			JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).dependencies,
		).toBeUndefined();
		console.log(
			`[e2e install] the tarball holds ${files.length} files; installed without runtime dependencies`,
		);
	});

	it('n8n loads every node and credential, and a workflow runs', async () => {
		const types = await editorTypes(n8n);
		const ours = types.nodes.filter((name) => name.startsWith(`${PACKAGE}.`)).sort();
		// every node the installed package.json declares (file BeeboxTrigger.node.js: node beeboxTrigger), and the
		// Tool variant n8n adds for each action node (they are usable as AI tools)
		const declared = (
			JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).n8n.nodes as string[]
		).map((file) => {
			const base = basename(file, '.node.js');
			return base.charAt(0).toLowerCase() + base.slice(1);
		});
		expect(declared).toHaveLength(12);
		expect(ours).toEqual(
			[
				...declared,
				...declared.filter((name) => !/Trigger$/.test(name)).map((name) => `${name}Tool`),
			]
				.map((name) => `${PACKAGE}.${name}`)
				.sort(),
		);
		expect(types.credentials).toEqual(
			expect.arrayContaining(['beeboxApi', 'gengoApi', 'phraseApi', 'smartcatApi']),
		);
		const request = gengoCallbackRequest('approved', { jobId: '4242' });
		expect(
			(
				await send(`${n8n.webhookUrl(`${workflow.webhookId}/gengo`)}?token=${SECRET}`, {
					method: 'POST',
					headers: { 'content-type': request.contentType },
					body: request.body,
				})
			).status,
		).toBe(200);
		const items = receivedItems(await n8n.waitForExecutions(workflow.id, 1)).flat();
		expect(items).toEqual([
			expect.objectContaining({ vendor: 'gengo', event: 'approved', jobId: '4242' }),
		]);
		console.log(
			`[e2e install] n8n loaded ${ours.length} nodes from the installed tarball; a Gengo callback ran the workflow`,
		);
	});

	it("passes n8n's package scanner on the tarball itself, as n8n checks a package it verifies", async () => {
		const unpacked = join(work, 'unpacked');
		mkdirSync(unpacked);
		await run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
		const { stdout } = await run(process.execPath, [
			join(repoRoot, 'scripts', 'scan.mjs'),
			'--packed',
			unpacked,
		]);
		expect(stdout).toContain('no findings');
	});

	it('npm publish --dry-run is clean and would publish only dist/ beside README, LICENSE and package.json', async () => {
		const { stdout, stderr } = await run('npm', ['publish', '--dry-run', '--json'], {
			cwd: repoRoot,
		});
		const [published] = Object.values(
			JSON.parse(stdout) as Record<string, { files: Array<{ path: string }> }>,
		);
		const paths = published.files.map((f) => f.path);
		expect(paths.filter((f) => !f.startsWith('dist/')).sort()).toEqual([
			'LICENSE',
			'README.md',
			'package.json',
		]);
		// the one warning npm prints without an npm login (a dry run never logs in); anything else is a finding
		const warnings = stderr
			.split('\n')
			.filter((line) => /warn|err/i.test(line) && !/requires you to be logged in/.test(line));
		expect(warnings).toEqual([]);
	});

	it('the simulator, its own package, runs with npx from its tarball and starts the workflow', async () => {
		const { stdout: packed } = await run('npm', ['pack', '--pack-destination', work, '--quiet'], {
			cwd: join(repoRoot, 'cli'),
		});
		const simulator = join(work, packed.trim().split('\n').pop()!);
		const before = (await n8n.executions({ workflowId: workflow.id })).length;
		const url = `${n8n.webhookUrl(`${workflow.webhookId}/gengo`)}?token=${SECRET}`;
		const { stdout } = await run(
			'npx',
			[
				'--yes',
				`--package=${simulator}`,
				'--',
				'translation-events-simulate',
				'gengo',
				'--event',
				'reviewable',
				'--job-id',
				'4343',
				'--url',
				url,
			],
			{
				cwd: work,
			},
		);
		expect(stdout).toContain('200 OK');
		// what it printed names the URL without the secret (a terminal or CI log keeps it)
		expect(stdout).not.toContain(SECRET);
		const items = receivedItems(
			(await n8n.waitForExecutions(workflow.id, before + 1)).slice(before),
		).flat();
		expect(items).toEqual([
			expect.objectContaining({ vendor: 'gengo', event: 'reviewable', jobId: '4343' }),
		]);
	});
});
