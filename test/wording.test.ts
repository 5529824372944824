// Wording users read in n8n 2.x's editor, checked over every node and credential of the package.
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

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

const triggers: Array<[string, INodeTypeDescription]> = [
	new BeeboxTrigger(),
	new GengoTrigger(),
	new SmartcatTrigger(),
	new PhraseTrigger(),
].map(({ description }) => [description.displayName, description]);
const nodes: Array<[string, INodeTypeDescription]> = [
	...triggers,
	...[
		new Beebox(),
		new BeeboxCatchUpTrigger(),
		new Gengo(),
		new GengoCatchUpTrigger(),
		new Phrase(),
		new PhraseCatchUpTrigger(),
		new Smartcat(),
		new SmartcatCatchUpTrigger(),
	].map(({ description }): [string, INodeTypeDescription] => [
		description.displayName,
		description,
	]),
];

const property = (description: INodeTypeDescription, name: string) =>
	description.properties.find((p) => p.name === name) as INodeProperties;

/**
 * The name n8n 2.41's nodes panel lists a trigger's event under (editor-ui actions parser): the option's
 * `action`, else "On " and the option's name in lodash lowerCase (words only, lower case).
 */
const panelName = (option: INodePropertyOptions) =>
	option.action ??
	`On ${option.name
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.join(' ')
		.toLowerCase()}`;

it.each(nodes)(
	'%s: no "(n8n 1.x: …)" remark in what the 2.x editor shows',
	(_name, description) => {
		expect(JSON.stringify(description)).not.toMatch(/n8n 1\.x:/);
	},
);

it('the secret credential: no "(n8n 1.x: …)" remark either', () => {
	expect(JSON.stringify(new TranslationWebhookSecretApi())).not.toMatch(/n8n 1\.x:/);
});

describe.each(triggers)('%s', (_name, description) => {
	it('lists its events in the nodes panel without a word twice ("On project project update")', () => {
		const options = property(description, 'events').options as INodePropertyOptions[];
		for (const option of options.filter((o) => o.value !== '*')) {
			expect(panelName(option)).not.toMatch(/\b(\w+) \1\b/i);
			expect(option.name).not.toMatch(/\b(\w+): \1\b/i);
		}
	});

	it("labels Respond like n8n's Webhook node, and says nothing there about eventKey", () => {
		const respond = property(description, 'respond');
		expect((respond.options as INodePropertyOptions[]).map((o) => o.name)).toEqual([
			'Immediately',
			'When Last Node Finishes',
		]);
		expect(JSON.stringify(respond)).not.toContain('eventKey');
	});
});

it('the eventKey hint is under Output, where items are shaped', () => {
	for (const [, description] of triggers.filter(([name]) => name !== 'Gengo Trigger'))
		expect(property(description, 'output').hint).toMatch(/^The item's eventKey is the same/);
});

it('Wordbee Beebox Trigger: "Project: Update", listed as "On project update"', () => {
	const options = property(new BeeboxTrigger().description, 'events')
		.options as INodePropertyOptions[];
	expect(options.find((o) => o.value === 'ProjectUpdate')).toMatchObject({
		name: 'Project: Update',
		action: 'On project update',
	});
	expect(options.find((o) => o.value === 'TmsSendLinkRequest')).toMatchObject({
		name: 'TMS Link: TMS Send Link Request',
		action: 'On TMS send link request',
	});
});
