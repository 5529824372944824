// @ts-check
/**
 * `npm run dev`: a real n8n with this package loaded (dist/ must be built: the npm script builds first) and the
 * example workflows imported, kept in `.n8n-dev/` so credentials and workflows survive restarts.
 *
 * Environment: N8N_DEV_PORT (default 5678), N8N_DEV_USER_FOLDER (default <repo>/.n8n-dev).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const {
	N8n,
	freePort,
	n8nServicesReachable,
	portIsFree,
	repoRoot,
	withWebhookIds,
} = require('../test/e2e/n8n.js');

/**
 * scripts/install-n8n.sh lets one install run at a time (a lock file in the cache folder): say so when another
 * checkout's `npm test` or `npm run dev` holds it, instead of waiting without a word.
 */
function waitingForInstallLock() {
	const os = require('node:os');
	const { spawnSync } = require('node:child_process');
	const cache =
		process.env.N8N_CACHE_DIR ||
		path.join(
			process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
			'n8n-nodes-translation-events',
		);
	const lock = path.join(cache, '.install.lock');
	if (!fs.existsSync(lock)) return;
	const free = spawnSync('flock', ['-n', lock, 'true']).status === 0;
	if (!free)
		console.log(
			`[dev] another n8n install into ${cache} is running (npm test or npm run dev elsewhere): waiting for it to finish...`,
		);
}

async function main() {
	if (!fs.existsSync(path.join(repoRoot, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run "npm run build" first (npm run dev does)');
	}
	const wanted = Number(process.env.N8N_DEV_PORT || 5678);
	const port = (await portIsFree(wanted)) ? wanted : await freePort();
	if (port !== wanted) console.log(`[dev] port ${wanted} is taken, using ${port}`);
	const userFolder = process.env.N8N_DEV_USER_FOLDER || path.join(repoRoot, '.n8n-dev');
	fs.mkdirSync(userFolder, { recursive: true });

	console.log(
		'[dev] preparing n8n (the first run installs it into ~/.cache: about 3 GB, several minutes)...',
	);
	waitingForInstallLock();
	const online = await n8nServicesReachable();
	if (!online) {
		console.log(
			'[dev] n8n.io is not reachable from this machine: templates, version checks and banners are turned off.',
		);
	}
	const n8n = new N8n({ userFolder, port, online, log: (line) => console.log(`[n8n] ${line}`) });

	// Each example is imported once into this user folder: a later start leaves the user's edits alone and imports
	// only examples added since (the list of imported files is kept beside n8n's data).
	const examplesDir = path.join(repoRoot, 'examples');
	const importedList = path.join(userFolder, 'imported-examples.json');
	/** @type {string[]} */
	const imported = fs.existsSync(importedList)
		? JSON.parse(fs.readFileSync(importedList, 'utf8'))
		: [];
	const newFiles = fs
		.readdirSync(examplesDir)
		.filter((f) => f.endsWith('.json') && !imported.includes(f));
	const examples = newFiles.map((f) => ({
		...withWebhookIds(JSON.parse(fs.readFileSync(path.join(examplesDir, f), 'utf8'))),
		active: false,
	}));
	if (examples.length) {
		// Examples are imported inactive: they need the user's own credentials (Slack, e-mail) before they run.
		await n8n.importWorkflows(examples);
		fs.writeFileSync(importedList, `${JSON.stringify([...imported, ...newFiles], null, '\t')}\n`);
		console.log(`[dev] imported ${examples.length} example workflow(s) from examples/`);
	} else {
		console.log(
			`[dev] examples/ already imported (delete ${importedList} to import them again, over your edits)`,
		);
	}

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('[dev] stopping n8n...');
		await n8n.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	await n8n.start();
	console.log('');
	console.log(
		`[dev] n8n ${n8n.paths.n8nVersion} is ready with n8n-nodes-translation-events loaded.`,
	);
	console.log(
		`[dev] Editor: ${n8n.baseUrl}/  (first visit: create the owner account; data stays in ${userFolder})`,
	);
	console.log(
		'[dev] Add a node and search "Beebox", "Gengo", "Smartcat" or "Phrase". Stop with Ctrl+C; run "npm run build" and restart after code changes.',
	);
	n8n.child?.once('exit', (code) => {
		if (!stopping) {
			console.error(`[dev] n8n exited with code ${code}`);
			process.exit(code || 1);
		}
	});
}

main().catch((error) => {
	console.error(`[dev] ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
