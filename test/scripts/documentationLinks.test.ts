/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- gulpfile.js is CommonJS
const { documentationLink } = require('../../gulpfile.js') as {
	documentationLink: (url: string, pkg: { name: string; repository?: unknown }) => string;
};

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[] };
};

/** Every node: its description's display name and its codex's first documentation link (n8n's Docs link). */
const nodes = pkg.n8n.nodes.map((built) => {
	const source = built.replace(/^dist\//, '').replace(/\.js$/, '');
	const codex = JSON.parse(readFileSync(join(root, `${source}.json`), 'utf8')) as {
		resources: { primaryDocumentation: Array<{ url: string }> };
	};
	const code = readFileSync(join(root, `${source}.ts`), 'utf8');
	const displayName = /displayName: '([^']+)'/.exec(code)?.[1];
	return { source, displayName, docs: codex.resources.primaryDocumentation[0].url };
});

describe("every node's Docs link opens a page about that node", () => {
	it.each(nodes)('$source → $docs', ({ displayName, docs }) => {
		// a page of its own, not an anchor: n8n appends ?utm_… to the link, after which no #anchor matches
		expect(docs).toMatch(/^docs\/nodes\/[a-z-]+\.md$/);
		const page = join(root, docs);
		expect(existsSync(page)).toBe(true);
		expect(readFileSync(page, 'utf8').split('\n')[0]).toBe(`# ${displayName}`);
	});

	it('no two nodes share a page, and every page belongs to a node', () => {
		const pages = nodes.map(({ docs }) => docs.replace('docs/nodes/', ''));
		expect(new Set(pages).size).toBe(nodes.length);
		expect(readdirSync(join(root, 'docs', 'nodes')).sort()).toEqual([...pages].sort());
	});

	it('the built link is the page on the GitHub repository package.json names', () => {
		const repository = { type: 'git', url: 'git+https://github.com/acme/n8n-nodes-x.git' };
		expect(
			documentationLink('docs/nodes/gengo-trigger.md', { name: 'n8n-nodes-x', repository }),
		).toBe('https://github.com/acme/n8n-nodes-x/blob/main/docs/nodes/gengo-trigger.md');
		expect(
			documentationLink('docs/nodes/gengo.md', {
				name: 'n8n-nodes-x',
				repository: 'https://github.com/acme/n8n-nodes-x',
			}),
		).toBe('https://github.com/acme/n8n-nodes-x/blob/main/docs/nodes/gengo.md');
	});

	it("until the repository is set it is the package's npm page; vendor links stay as they are", () => {
		expect(documentationLink('docs/nodes/gengo.md', { name: 'n8n-nodes-x' })).toBe(
			'https://www.npmjs.com/package/n8n-nodes-x',
		);
		expect(
			documentationLink('https://developers.gengo.com/v2/callback_urls/', { name: 'n8n-nodes-x' }),
		).toBe('https://developers.gengo.com/v2/callback_urls/');
	});
});

describe('package.json names only files the package ships', () => {
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		main?: string;
		files: string[];
		n8n: { nodes: string[]; credentials: string[] };
	};
	it('has no `main` pointing at a file that does not exist (n8n loads the `n8n` section, not `main`)', () => {
		if (manifest.main !== undefined) expect(existsSync(join(root, manifest.main))).toBe(true);
	});
	it('lists nodes and credentials inside the shipped folders', () => {
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
			expect(manifest.files.some((folder) => file.startsWith(`${folder}/`))).toBe(true);
	});
});
