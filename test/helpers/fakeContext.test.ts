/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type {
	IExecuteFunctions,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import {
	authenticate,
	CREDENTIAL_TYPES,
	fakeExecuteContext,
	fakeHookContext,
	pairedItemProblems,
} from './fakeContext';
import { scriptedContext } from './scriptedContext';
import { fakeWebhookContext } from './webhookContext';

/**
 * The fake n8n contexts behave like n8n where a test depends on it: parameters come with the defaults of the
 * node's description (n8n's NodeHelpers.getNodeParameters, as n8n's Workflow applies it), credentials sign
 * through their own `authenticate`, and an action node's output items must be paired with its input.
 */
const description = {
	displayName: 'Test',
	name: 'test',
	group: ['transform'],
	version: 1,
	description: '',
	defaults: { name: 'Test' },
	inputs: [],
	outputs: [],
	properties: [
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'Open', value: 'open' },
				{ name: 'Closed', value: 'closed' },
			],
			default: 'closed',
		},
		{
			displayName: 'Key',
			name: 'key',
			type: 'string',
			default: 'the-default-key',
			displayOptions: { show: { mode: ['closed'] } },
		},
		{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
		{ displayName: 'ID', name: 'id', type: 'string', default: '={{ $json.id }}' },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			options: [{ displayName: 'Timeout', name: 'timeout', type: 'number', default: 60 }],
		},
	],
} as INodeTypeDescription;

describe('fake contexts: parameters as n8n reads them', () => {
	const read = (parameters: Record<string, unknown>) =>
		fakeExecuteContext({ nodeType: description, parameters }).ctx;

	it("gives a parameter the test does not set the description's default, not the code's fallback", () => {
		expect(read({}).getNodeParameter('mode', 0, 'fallback')).toBe('closed');
		expect(read({}).getNodeParameter('key', 0, 'fallback')).toBe('the-default-key');
		expect(read({}).getNodeParameter('limit', 0, 7)).toBe(50);
	});

	it('drops what the node does not display, so the fallback applies there', () => {
		const ctx = read({ mode: 'open', key: 'set-but-hidden' });
		expect(ctx.getNodeParameter('key', 0, 'fallback')).toBe('fallback');
		expect(ctx.getNodeParameter('limit', 0)).toBe(50);
	});

	it('reads paths inside collections, and the fallback only for a path that is absent', () => {
		const ctx = read({ options: { timeout: 5 } });
		expect(ctx.getNodeParameter('options.timeout', 0, 60)).toBe(5);
		expect(read({}).getNodeParameter('options.timeout', 0, 60)).toBe(60);
		expect(read({}).getNodeParameter('options', 0)).toEqual({});
	});

	it('resolves expressions against the item they are read for, defaults included', () => {
		const { ctx } = fakeExecuteContext({
			nodeType: description,
			input: [{ id: 'first' }, { id: 'second', limit: 3 }],
			itemParameters: [{}, { limit: '={{ $json.limit * 2 }}' }],
		});
		expect([0, 1].map((i) => ctx.getNodeParameter('id', i))).toEqual(['first', 'second']);
		expect([0, 1].map((i) => ctx.getNodeParameter('limit', i))).toEqual([50, 6]);
	});

	it('throws as n8n does for a parameter that is neither set, nor a default, nor given a fallback', () => {
		expect(() => read({}).getNodeParameter('nothing', 0)).toThrow('Could not get parameter');
	});

	it("reads an item's own parameters over the shared ones, each item resolved on its own", () => {
		const { ctx } = fakeExecuteContext({
			nodeType: description,
			parameters: { limit: 10 },
			itemParameters: [{}, { limit: 20, mode: 'open' }],
			input: [{}, {}],
		});
		expect([0, 1].map((i) => ctx.getNodeParameter('limit', i))).toEqual([10, 20]);
		expect([0, 1].map((i) => ctx.getNodeParameter('key', i, 'fallback'))).toEqual([
			'the-default-key',
			'fallback',
		]);
	});

	it('reads a trigger the same way in its webhook and activation contexts', () => {
		const trigger = new GengoTrigger();
		const webhook = fakeWebhookContext({ nodeType: trigger }).ctx;
		const hook = fakeHookContext({ nodeType: trigger }).ctx;
		for (const ctx of [webhook, hook]) {
			expect(ctx.getNodeParameter('urlTokenLocation', 'not-the-default')).toBe('query');
			expect(ctx.getNode().typeVersion).toBe(trigger.description.version);
		}
	});

	it("reads a scripted context's parameters the same way, per item for an action node", () => {
		const action: INodeType = { description, execute: async () => [] };
		const perItem = scriptedContext({
			credentials: {},
			nodeType: action,
			parameters: { limit: 3 },
			input: [{ id: 'a' }, { id: 'b' }],
		}).ctx as IExecuteFunctions;
		expect([0, 1].map((i) => perItem.getNodeParameter('id', i))).toEqual(['a', 'b']);
		expect(perItem.getNodeParameter('limit', 1, 9)).toBe(3);
		expect(perItem.getNodeParameter('key', 0, 'fallback')).toBe('the-default-key');
		const trigger = scriptedContext({ credentials: {}, nodeType: description })
			.ctx as IPollFunctions;
		expect(trigger.getNodeParameter('mode', 'fallback')).toBe('closed');
		expect(trigger.getNodeParameter('key', 'fallback')).toBe('the-default-key');
	});

	it('keeps reading only the given parameters and fallbacks without a node type', () => {
		const { ctx } = fakeExecuteContext({ parameters: { limit: 3 } });
		expect(ctx.getNodeParameter('limit', 0, 50)).toBe(3);
		expect(ctx.getNodeParameter('mode', 0, 'fallback')).toBe('fallback');
	});
});

describe('fake contexts: credentials sign through their own authenticate', () => {
	it('knows every credential type of the package', () => {
		const files = readdirSync(join(__dirname, '..', '..', 'credentials')).filter((f) =>
			f.endsWith('.credentials.ts'),
		);
		expect(Object.keys(CREDENTIAL_TYPES).length).toBe(files.length);
		for (const type of Object.values(CREDENTIAL_TYPES))
			expect(files).toContain(`${type.name[0].toUpperCase()}${type.name.slice(1)}.credentials.ts`);
	});

	it("resolves a generic authenticate's expressions with $credentials (Phrase TMS: the token's scheme)", async () => {
		const options = { url: 'http://127.0.0.1:9/x', headers: { 'User-Agent': 'n8n' } };
		const bearer = await authenticate(
			'phraseApi',
			{ authType: 'platformToken', sessionToken: 'access-token' },
			options,
		);
		const apiToken = await authenticate(
			'phraseApi',
			{ authType: 'password', sessionToken: 'tms-token' },
			options,
		);
		expect(bearer.headers).toEqual({ 'User-Agent': 'n8n', Authorization: 'Bearer access-token' });
		expect(apiToken.headers).toEqual({ 'User-Agent': 'n8n', Authorization: 'ApiToken tms-token' });
		expect(options.headers).toEqual({ 'User-Agent': 'n8n' });
	});

	it("turns a generic authenticate's auth into Basic user name and password (Smartcat)", async () => {
		const signed = await authenticate(
			'smartcatApi',
			{ accountId: 'account', apiKey: 'key' },
			{ url: 'http://127.0.0.1:9/x' },
		);
		expect(signed.auth).toEqual({ username: 'account', password: 'key' });
	});

	it('calls an authenticate function (Gengo signs the query string)', async () => {
		const signed = await authenticate(
			'gengoApi',
			{ publicKey: 'public', privateKey: 'private' },
			{ url: 'http://127.0.0.1:9/x', qs: { page: 1 } },
		);
		expect(signed.qs).toMatchObject({ page: 1, api_key: 'public' });
		expect(signed.qs?.api_sig).toMatch(/^[0-9a-f]{40}$/);
	});

	it("hands the node a credential with the defaults of the credential's own description", async () => {
		const { ctx } = fakeExecuteContext({ credentials: { phraseApi: { userName: 'pm' } } });
		expect(await ctx.getCredentials('phraseApi')).toMatchObject({
			region: 'eu',
			authType: 'password',
			userName: 'pm',
		});
	});
});

describe('fake execute context: pairedItem checked', () => {
	const node = (pairedItems: unknown[]): INodeType => ({
		description,
		async execute(this: IExecuteFunctions) {
			return [pairedItems.map((pairedItem) => ({ json: {}, pairedItem }) as never)];
		},
	});

	it('accepts output items paired with an input item, in any of n8n’s forms', async () => {
		const fake = fakeExecuteContext({
			nodeType: node([{ item: 0 }, 1, [{ item: 1 }, { item: 0 }]]),
			input: [{}, {}],
		});
		await expect(fake.execute()).resolves.toHaveLength(1);
	});

	it('refuses output items without a pairedItem or paired with an item that is not in the input', async () => {
		expect(
			pairedItemProblems(
				[
					[
						{ json: {} },
						{ json: {}, pairedItem: { item: 2 } },
						{ json: {}, pairedItem: { item: 0, input: 1 } },
						{ json: {}, pairedItem: [] },
					],
				],
				2,
			),
		).toEqual([
			'output 0 item 0: no pairedItem',
			'output 0 item 1: pairedItem {"item":2} is not one of 2 input items',
			'output 0 item 2: pairedItem {"item":0,"input":1} is not one of 2 input items',
			'output 0 item 3: empty pairedItem',
		]);
		const fake = fakeExecuteContext({ nodeType: node([{ item: 0 }, undefined]), input: [{}] });
		await expect(fake.execute()).rejects.toThrow('pairedItem: output 0 item 1: no pairedItem');
	});
});
