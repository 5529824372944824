// Copies what n8n reads next to the built nodes: icons (SVG, PNG) and codex files (*.node.json).
// A codex's documentation links are written as repository paths (`docs/nodes/gengo-trigger.md`) and become the
// page's address on the repository's web view here (package.json `repository`), which is what a node's Docs link
// in n8n opens: n8n appends `?utm_…` to that address, so a page of its own works where a README anchor does not.
// Until `repository` is set (RELEASING.md, before the first publish) they lead to the package's npm page.
const { Transform } = require('node:stream');
const { src, dest } = require('gulp');
const pkg = require('./package.json');

/** `https://github.com/OWNER/REPO/blob/main/` from package.json's repository, or undefined when it is not set. */
function repositoryPages(pkg) {
	const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	const match = /github\.com[/:]([^/]+)\/([^/.]+?)(\.git)?$/.exec(url ?? '');
	return match ? `https://github.com/${match[1]}/${match[2]}/blob/main/` : undefined;
}

/** A codex link as n8n should open it: repository paths made absolute, other URLs as they are. */
function documentationLink(url, pkg) {
	if (/^https?:\/\//.test(url)) return url;
	const pages = repositoryPages(pkg);
	return pages ? pages + url : `https://www.npmjs.com/package/${pkg.name}`;
}

function codexLinks() {
	return new Transform({
		objectMode: true,
		transform(file, _encoding, done) {
			if (file.path.endsWith('.node.json')) {
				const codex = JSON.parse(file.contents.toString('utf8'));
				for (const list of Object.values(codex.resources ?? {}))
					for (const entry of list) entry.url = documentationLink(entry.url, pkg);
				file.contents = Buffer.from(`${JSON.stringify(codex, null, '\t')}\n`);
			}
			done(null, file);
		},
	});
}

function buildAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	})
		.pipe(codexLinks())
		.pipe(dest('dist'));
}

exports['build:assets'] = buildAssets;
exports.documentationLink = documentationLink;
