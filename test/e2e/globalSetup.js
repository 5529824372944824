// Installs the pinned n8n (and its Node.js 24) before the first e2e suite starts, as `npm test` does for a user
// on a fresh machine: the install takes minutes, longer than any one test's timeout. Cached afterwards.
const { ensureInstalled } = require('../../scripts/n8n.js');

module.exports = async function installN8n() {
	const started = Date.now();
	const paths = ensureInstalled();
	process.stderr.write(
		`[e2e] n8n ${paths.n8nVersion} ready in ${paths.n8nHome} (checked in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
	);
};
