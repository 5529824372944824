import {
	resolveWebhookDescriptionField,
	WEBHOOK_RESOLVERS,
	webhookDescriptionIsNativelyResolvable,
	Workflow,
	type INode,
	type INodeType,
	type INodeTypes,
	type IWebhookDescription,
} from 'n8n-workflow';

import { WEBHOOK_DESCRIPTION_RESOLVERS } from '../../../nodes/common/delivery/nativeFields';
import { BeeboxTrigger } from '../../../nodes/Beebox/BeeboxTrigger.node';
import { GengoTrigger } from '../../../nodes/Gengo/GengoTrigger.node';
import { PhraseTrigger } from '../../../nodes/Phrase/PhraseTrigger.node';
import { SmartcatTrigger } from '../../../nodes/Smartcat/SmartcatTrigger.node';
import { resolveNodeParameters } from '../../helpers/nodeParameters';

/**
 * n8n 2.x answers a delivery with the responseMode / responseData of the trigger's webhook description. Written as
 * expression templates they cost every delivery a round trip to the expression isolate under n8n's default `vm`
 * engine; with native resolvers (n8n-workflow's webhook-description-fields) n8n computes them from the node's
 * parameters instead, when those hold no expression. These tests hold the two ways to the same answer, with n8n's
 * own resolution functions, for every trigger, both Respond settings and a node whose parameters hold an expression.
 */
const TRIGGERS: Array<[string, INodeType]> = [
	['Gengo Trigger', new GengoTrigger()],
	['Wordbee Beebox Trigger', new BeeboxTrigger()],
	['Smartcat Trigger', new SmartcatTrigger()],
	['Phrase TMS Trigger', new PhraseTrigger()],
];

/** The description fields n8n reads on every delivery that our triggers write as templates. */
const FIELDS = ['responseMode', 'responseData', 'path', 'isFullPath'] as const;

/** Each field as the template computes it for a node (what n8n 1.x answers with); a field a webhook lacks is absent. */
function expectedFields(nodeType: INodeType, node: INode, webhook: IWebhookDescription) {
	return Object.fromEntries(
		FIELDS.filter((field) => webhook[field] !== undefined).map((field) => [
			field,
			typeof webhook[field] === 'string' && String(webhook[field]).startsWith('=')
				? evaluated(nodeType, node, webhook, field)
				: webhook[field],
		]),
	);
}

/** What a node of this type holds in a loaded workflow: its saved parameters completed with the defaults. */
function nodeOf(nodeType: INodeType, parameters: Record<string, unknown>): INode {
	return {
		id: 'trigger-id',
		name: 'Trigger',
		webhookId: 'a1b2c3d4-webhook-id',
		type: 'test.trigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: resolveNodeParameters(nodeType, parameters as never),
	};
}

/** The template evaluated by n8n's expression engine, as n8n does without a resolver (n8n 1.x). */
function evaluated(
	nodeType: INodeType,
	node: INode,
	description: IWebhookDescription,
	field: string,
): unknown {
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: true, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		workflow.getNode(node.name) as INode,
		description[field] as string,
		'webhook',
		{},
		undefined,
		undefined,
	);
}

describe('webhook descriptions resolved without the expression engine', () => {
	it("uses n8n-workflow's own key (a registered symbol)", () => {
		expect(WEBHOOK_DESCRIPTION_RESOLVERS).toBe(WEBHOOK_RESOLVERS);
	});

	describe.each(TRIGGERS)('%s', (_name, nodeType) => {
		const webhooks = nodeType.description.webhooks ?? [];

		it('has webhooks, each one n8n can resolve natively (no template without a resolver)', () => {
			expect(webhooks.length).toBeGreaterThan(0);
			for (const webhook of webhooks)
				expect(webhookDescriptionIsNativelyResolvable(webhook)).toBe(true);
		});

		it.each([
			['a fresh node (Immediately, the default)', {}, 'onReceived', ''],
			['Respond: Immediately', { respond: 'onReceived' }, 'onReceived', ''],
			['Respond: When Last Node Finishes', { respond: 'lastNode' }, 'lastNode', 'noData'],
		])('%s: the resolvers and the templates give the same answer', (_case, saved, mode, data) => {
			const node = nodeOf(nodeType, saved);
			for (const webhook of webhooks) {
				const expected = expectedFields(nodeType, node, webhook);
				expect(expected).toMatchObject({ responseMode: mode, responseData: data });
				for (const [field, value] of Object.entries(expected)) {
					const native = resolveWebhookDescriptionField(node, webhook, field);
					// a plain value is read as it is; a template has a resolver that n8n uses
					if (webhook[field] === value) continue;
					expect([field, native]).toEqual([field, { resolved: true, value }]);
				}
			}
		});

		it('leaves a node whose parameters hold an expression to the engine', () => {
			const node = nodeOf(nodeType, { respond: '={{ "lastNode" }}' });
			for (const webhook of webhooks)
				for (const field of FIELDS)
					expect(resolveWebhookDescriptionField(node, webhook, field)).toEqual({
						resolved: false,
					});
			expect(evaluated(nodeType, node, webhooks[0], 'responseMode')).toBe('lastNode');
		});
	});
});

describe.each([
	['Gengo Trigger', new GengoTrigger(), 'gengo'],
	['Wordbee Beebox Trigger', new BeeboxTrigger(), 'beebox'],
])('%s with the secret token in the URL path', (_name, nodeType, basePath) => {
	const webhooks = nodeType.description.webhooks ?? [];

	it("is left to n8n's engine, whose template gives the route named after the node's webhook id", () => {
		const node = nodeOf(nodeType, { urlTokenLocation: 'path', respond: 'lastNode' });
		for (const webhook of webhooks) {
			for (const field of FIELDS)
				expect(resolveWebhookDescriptionField(node, webhook, field)).toEqual({ resolved: false });
			expect(evaluated(nodeType, node, webhook, 'path')).toBe(
				`${basePath}/:token-a1b2c3d4-webhook-id`,
			);
			expect(evaluated(nodeType, node, webhook, 'isFullPath')).toBe(true);
			expect(evaluated(nodeType, node, webhook, 'responseMode')).toBe('lastNode');
		}
	});

	it('with the token in the query string, the route is the plain path, natively', () => {
		const node = nodeOf(nodeType, { urlTokenLocation: 'query' });
		for (const webhook of webhooks) {
			expect(resolveWebhookDescriptionField(node, webhook, 'path')).toEqual({
				resolved: true,
				value: basePath,
			});
			expect(resolveWebhookDescriptionField(node, webhook, 'isFullPath')).toEqual({
				resolved: true,
				value: false,
			});
		}
	});
});
