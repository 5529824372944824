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

const { N8n, freePort, n8nServicesReachable, repoRoot, withWebhookIds } = require('./n8n.js');

async function portIsFree(/** @type {number} */ port) {
	const net = require('node:net');
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
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
	const online = await n8nServicesReachable();
	if (!online) {
		console.log(
			'[dev] n8n.io is not reachable from this machine: templates, version checks and banners are turned off.',
		);
	}
	const n8n = new N8n({ userFolder, port, online, log: (line) => console.log(`[n8n] ${line}`) });

	const examplesDir = path.join(repoRoot, 'examples');
	const examples = fs
		.readdirSync(examplesDir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => ({
			...withWebhookIds(JSON.parse(fs.readFileSync(path.join(examplesDir, f), 'utf8'))),
			active: false,
		}));
	// Examples are imported inactive: they need the user's own credentials (Slack, e-mail) before they run.
	await n8n.importWorkflows(examples);
	console.log(`[dev] imported ${examples.length} example workflow(s) from examples/`);

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
