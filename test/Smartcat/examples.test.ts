/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';

const DIR = join(__dirname, '..', '..', 'examples');
const files = readdirSync(DIR).filter((f) => f.startsWith('smartcat-'));

interface Workflow {
	nodes: Array<{
		name: string;
		type: string;
		typeVersion: number;
		webhookId?: string;
		parameters: Record<string, unknown>;
	}>;
	pinData?: Record<string, Array<{ json: Record<string, unknown> }>>;
}

describe.each(files)('examples/%s', (file) => {
	const workflow = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Workflow;
	const trigger = workflow.nodes.find((n) => n.type.endsWith('.smartcatTrigger'))!;

	it('carries no webhook id, the trigger at its one version with Fetch Details, a sticky note', () => {
		expect(workflow.nodes.filter((n) => n.webhookId)).toEqual([]);
		expect([trigger.typeVersion, trigger.parameters.fetchDetails]).toEqual([
			new SmartcatTrigger().description.version,
			true,
		]);
		expect(trigger.parameters).not.toHaveProperty('options.allowPrivateWebhookUrl');
		const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		expect(notes).toHaveLength(1);
		expect(String(notes[0].parameters.content)).toContain('credential');
	});

	it("pins a realistic trigger item: the envelope, an eventKey matching the document's status and time", () => {
		const [item] = workflow.pinData?.[trigger.name] ?? [];
		const json = item?.json as {
			eventKey: string;
			documentId: string;
			status: string;
			occurredAt: string;
			document: { id: string; status: string; statusModificationDate: string };
		};
		expect(json).toMatchObject({ vendor: 'smartcat', event: 'document.status' });
		expect(json.document.id).toBe(json.documentId);
		expect(json.eventKey).toBe(
			`smartcat:document.status:${json.documentId}:${json.status}:${new Date(json.document.statusModificationDate).toISOString()}`,
		);
		expect(json.occurredAt).toBe(new Date(json.document.statusModificationDate).toISOString());
	});
});

it('there are the four Smartcat examples', () => {
	expect(files.sort()).toEqual([
		'smartcat-cms-round-trip.json',
		'smartcat-document-completed-to-cms.json',
		'smartcat-document-completed-to-slack.json',
		'smartcat-never-miss-an-event.json',
	]);
});
