// What a saved workflow and the n8n editor depend on, node by node and credential by credential: node and
// parameter names, versions, defaults, options, display conditions, credentials, webhooks and every text the
// editor shows. n8n stores a workflow's parameters by name and falls back to the default for a missing one, so a
// renamed parameter or a changed default silently changes what existing workflows do. The snapshot next to this
// file is that contract: a change to it is a change users see, to make on purpose (`npx jest -u`) and to review.
import { BeeboxApi } from '../credentials/BeeboxApi.credentials';
import { GengoApi } from '../credentials/GengoApi.credentials';
import { PhraseApi } from '../credentials/PhraseApi.credentials';
import { SmartcatApi } from '../credentials/SmartcatApi.credentials';
import { TranslationWebhookSecretApi } from '../credentials/TranslationWebhookSecretApi.credentials';
import { Beebox } from '../nodes/Beebox/Beebox.node';
import { BeeboxCatchUpTrigger } from '../nodes/Beebox/BeeboxCatchUpTrigger.node';
import { BeeboxTrigger } from '../nodes/Beebox/BeeboxTrigger.node';
import { Gengo } from '../nodes/Gengo/Gengo.node';
import { GengoCatchUpTrigger } from '../nodes/Gengo/GengoCatchUpTrigger.node';
import { GengoTrigger } from '../nodes/Gengo/GengoTrigger.node';
import { Phrase } from '../nodes/Phrase/Phrase.node';
import { PhraseCatchUpTrigger } from '../nodes/Phrase/PhraseCatchUpTrigger.node';
import { PhraseTrigger } from '../nodes/Phrase/PhraseTrigger.node';
import { Smartcat } from '../nodes/Smartcat/Smartcat.node';
import { SmartcatCatchUpTrigger } from '../nodes/Smartcat/SmartcatCatchUpTrigger.node';
import { SmartcatTrigger } from '../nodes/Smartcat/SmartcatTrigger.node';
import { n8n } from '../package.json';

// Imported by name, not required from package.json's paths: jest (and Stryker's related-test search) then knows
// this file depends on every node and credential.
const NODES: Record<string, new () => object> = {
	'dist/nodes/Beebox/BeeboxTrigger.node.js': BeeboxTrigger,
	'dist/nodes/Beebox/Beebox.node.js': Beebox,
	'dist/nodes/Beebox/BeeboxCatchUpTrigger.node.js': BeeboxCatchUpTrigger,
	'dist/nodes/Gengo/GengoTrigger.node.js': GengoTrigger,
	'dist/nodes/Gengo/Gengo.node.js': Gengo,
	'dist/nodes/Gengo/GengoCatchUpTrigger.node.js': GengoCatchUpTrigger,
	'dist/nodes/Smartcat/SmartcatTrigger.node.js': SmartcatTrigger,
	'dist/nodes/Smartcat/Smartcat.node.js': Smartcat,
	'dist/nodes/Smartcat/SmartcatCatchUpTrigger.node.js': SmartcatCatchUpTrigger,
	'dist/nodes/Phrase/PhraseTrigger.node.js': PhraseTrigger,
	'dist/nodes/Phrase/Phrase.node.js': Phrase,
	'dist/nodes/Phrase/PhraseCatchUpTrigger.node.js': PhraseCatchUpTrigger,
};
const CREDENTIALS: Record<string, new () => object> = {
	'dist/credentials/BeeboxApi.credentials.js': BeeboxApi,
	'dist/credentials/GengoApi.credentials.js': GengoApi,
	'dist/credentials/SmartcatApi.credentials.js': SmartcatApi,
	'dist/credentials/PhraseApi.credentials.js': PhraseApi,
	'dist/credentials/TranslationWebhookSecretApi.credentials.js': TranslationWebhookSecretApi,
};

const load = (classes: Record<string, new () => object>, distPath: string) =>
	new classes[distPath]() as Record<string, unknown>;

it('covers every node and credential package.json gives n8n', () => {
	expect(Object.keys(NODES)).toEqual(n8n.nodes);
	expect(Object.keys(CREDENTIALS)).toEqual(n8n.credentials);
});

describe('the node descriptions saved workflows rely on', () => {
	it.each(n8n.nodes)('%s', (distPath) => {
		const instance = load(NODES, distPath);
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

// Until the package's first release no saved workflow holds an older node version, so each node has exactly one
// version: no `version` list, no `defaultVersion`, no parameter or credential shown for some versions only. A
// change in what a saved workflow does after that release gets a new version (docs/design.md, "Versions").
// That one version is 1, except for the webhook triggers: n8n evaluates an expression before every delivery to a
// webhook node of version 1 (the Webhook node's old Binary Data option, n8n's webhook-helpers.ts), so they start
// at 2 (a trigger put back to 1 pays that evaluation again: `npm run bench` shows it under the vm engine).
const WEBHOOK_TRIGGERS = new Set([
	'beeboxTrigger',
	'gengoTrigger',
	'phraseTrigger',
	'smartcatTrigger',
]);
it.each(n8n.nodes)('%s has one version and nothing shown per version', (distPath) => {
	const description = load(NODES, distPath).description as Record<string, unknown>;
	const webhookNode = Array.isArray(description.webhooks) && description.webhooks.length > 0;
	expect(webhookNode).toBe(WEBHOOK_TRIGGERS.has(String(description.name)));
	expect(description.version).toBe(webhookNode ? 2 : 1);
	expect(description).not.toHaveProperty('defaultVersion');
	expect(JSON.stringify(description)).not.toContain('@version');
});

describe('the credentials saved workflows rely on', () => {
	it.each(n8n.credentials)('%s', (distPath) => {
		const instance = load(CREDENTIALS, distPath);
		// a declarative `authenticate` is data; a method is named only
		const authenticate =
			typeof instance.authenticate === 'function' ? 'a method' : instance.authenticate;
		expect({ ...instance, authenticate }).toMatchSnapshot();
	});
});
