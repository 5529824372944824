/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
// What a saved workflow and the n8n editor depend on, node by node and credential by credential: node and
// parameter names, versions, defaults, options, display conditions, credentials, webhooks and every text the
// editor shows. n8n stores a workflow's parameters by name and falls back to the default for a missing one, so a
// renamed parameter or a changed default silently changes what existing workflows do. The snapshot next to this
// file is that contract: a change to it is a change users see, to make on purpose (`npx jest -u`) and to review.
import * as path from 'node:path';

import { n8n } from '../../package.json';

/** The TypeScript source of a dist/… entry of package.json's "n8n" list, and the class it exports. */
function load(distPath: string): { name: string; instance: Record<string, unknown> } {
	const source = distPath.replace(/^dist\//, '').replace(/\.js$/, '');
	const className = path.basename(source).replace(/\.(node|credentials)$/, '');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(path.join('..', '..', source)) as Record<string, new () => object>;
	return { name: className, instance: new module[className]() as Record<string, unknown> };
}

describe('the node descriptions saved workflows rely on', () => {
	it.each(n8n.nodes)('%s', (distPath) => {
		const { instance } = load(distPath);
		const methods = instance.methods as Record<string, Record<string, unknown>> | undefined;
		expect({
			description: instance.description,
			methods: Object.fromEntries(
				Object.entries(methods ?? {}).map(([kind, named]) => [kind, Object.keys(named).sort()]),
			),
			webhookMethods: Object.keys(
				(instance.webhookMethods as Record<string, unknown> | undefined) ?? {},
			),
		}).toMatchSnapshot();
	});
});

describe('the credentials saved workflows rely on', () => {
	it.each(n8n.credentials)('%s', (distPath) => {
		const { instance } = load(distPath);
		// a declarative `authenticate` is data; a method is named only
		const authenticate =
			typeof instance.authenticate === 'function' ? 'a method' : instance.authenticate;
		expect({ ...instance, authenticate }).toMatchSnapshot();
	});
});
