// Builds dist/ for n8n: one CommonJS file per node and credential listed in package.json's "n8n" section.
// - Our own code is bundled per entry (readable, not minified), so dist/ mirrors the source layout n8n expects.
// - n8n-workflow stays external: it is the peer dependency n8n provides.
// - zod is bundled once into dist/vendor/zod.js and required from there: the published package has no runtime
//   dependencies (n8n's rule for packages it verifies), and six nodes need not carry six copies of it.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vendorZod = join(root, 'dist', 'vendor', 'zod.js');
const zodVersion = JSON.parse(
	readFileSync(join(root, 'node_modules', 'zod', 'package.json'), 'utf8'),
).version;
const zodLicence = readFileSync(join(root, 'node_modules', 'zod', 'LICENSE'), 'utf8')
	.trim()
	.split('\n')
	.map((line) => ` * ${line}`.trimEnd())
	.join('\n');

rmSync(join(root, 'dist'), { recursive: true, force: true });
rmSync(join(root, 'cli', 'dist'), { recursive: true, force: true });

await build({
	stdin: { contents: "export { z } from 'zod/v4';", resolveDir: root, loader: 'js' },
	outfile: vendorZod,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	// readable, as n8n's reviewers read what a package ships: not minified, with zod's version and licence on top
	minify: false,
	banner: {
		js: `/*!\n * zod ${zodVersion} (https://www.npmjs.com/package/zod), bundled: the published package has no runtime\n * dependencies (CONTRIBUTING.md, "Why zod is bundled").\n *\n${zodLicence}\n */`,
	},
	// zod's only console call warns about an invalid target in toJSONSchema, which we never call; n8n's package
	// scanner refuses any console statement in a community package.
	drop: ['console'],
	legalComments: 'none',
	logLevel: 'warning',
});

/** Rewrites `zod` / `zod/v4` imports of one entry to a relative require of dist/vendor/zod.js. */
const zodFromVendor = (outfile) => ({
	name: 'zod-from-vendor',
	setup(b) {
		b.onResolve({ filter: /^zod(\/v4)?$/ }, () => {
			let path = relative(dirname(outfile), vendorZod).split('\\').join('/');
			if (!path.startsWith('.')) path = `./${path}`;
			return { path, external: true };
		});
	},
});

const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((out) => ({
	out: join(root, out),
	src: join(root, out.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
}));

await Promise.all(
	entries.map(({ src, out }) =>
		build({
			entryPoints: [src],
			outfile: out,
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			external: ['n8n-workflow'],
			plugins: [zodFromVendor(out)],
			legalComments: 'none',
			logLevel: 'warning',
		}),
	),
);

// The simulator command, its own npm package in cli/ (cli/package.json): n8n's scanner refuses a command's console
// and process anywhere in a community node package, so it is not part of dist/.
const cli = join(root, 'cli', 'dist', 'simulate.js');
await build({
	entryPoints: [join(root, 'cli', 'simulate.ts')],
	outfile: cli,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	banner: { js: '#!/usr/bin/env node' },
	legalComments: 'none',
	logLevel: 'warning',
});
chmodSync(cli, 0o755);
entries.push({ out: cli });

const size = (file) => `${(statSync(file).size / 1024).toFixed(1)} KiB`;
console.log(`built ${entries.length} entries into dist/ (zod: ${size(vendorZod)})`);
for (const { out } of entries) console.log(`  ${relative(root, out)} ${size(out)}`);
