// Installs the pinned n8n (and its Node.js 24) before the first e2e suite starts, as `npm test` does for a user
// on a fresh machine: the install takes minutes, longer than any one test's timeout. Cached afterwards.
// The version is the jest project's `globals.N8N_VERSION` when it sets one (the "e2e n8n 1.x" project, through
// globalSetup.n8n1.js), else the default (N8N_VERSION or package.json's config.n8nVersion).
// It also names the file where every n8n the suites stop reports a credential value found in its output, its
// stored executions or its workflows' static data (test/e2e/n8n.js, N8n#stop); globalTeardown.js fails the run
// on any.
const os = require('node:os');
const path = require('node:path');

const { ensureInstalled, ensureUserFolderTemplate } = require('./n8n.js');

module.exports = async function installN8n(_globalConfig, projectConfig) {
	process.env.N8N_E2E_LEAK_REPORT ??= path.join(os.tmpdir(), `n8n-e2e-leaks-${process.pid}.txt`);
	const started = Date.now();
	const globals = projectConfig?.globals ?? {};
	const paths = ensureInstalled({
		n8nVersion: globals.N8N_VERSION,
		nodeVersion: globals.N8N_NODE_VERSION,
	});
	// a migrated database for the suites' fresh user folders, made once per install (n8n.js, templateFolder)
	const made = await ensureUserFolderTemplate({
		n8nVersion: globals.N8N_VERSION,
		nodeVersion: globals.N8N_NODE_VERSION,
	});
	process.stderr.write(
		`[e2e] n8n ${paths.n8nVersion} ready in ${paths.n8nHome} (checked${made ? ', user-folder template made,' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
	);
};
