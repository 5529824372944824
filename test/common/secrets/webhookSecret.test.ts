/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';

import { BeeboxTrigger } from '../../../nodes/Beebox/BeeboxTrigger.node';
import { DeliveryRejected } from '../../../nodes/common/delivery/answers';
import { SECRET_ADVICE } from '../../../nodes/common/secrets/secretPolicy';
import {
	assertUrlTokenConfigured,
	checkUrlToken,
	pathTokenParameter,
	redactUrlToken,
	URL_TOKEN_LOCATION_HINT,
	urlTokenWebhookMethods,
} from '../../../nodes/common/secrets/urlToken';
import {
	checkDeliverySecret,
	credentialSecret,
	manualSecret,
	secretFromCredential,
	testWebhookSecret,
	type DerivedSecretSource,
} from '../../../nodes/common/secrets/webhookSecret';
import { GengoTrigger } from '../../../nodes/Gengo/GengoTrigger.node';

/**
 * The secret checks every trigger shares, each branch on its own: what a trigger's tests reach only through a
 * whole delivery. A stand-in for n8n's hook/webhook context: parameters (else the fallback the code
 * gives, as n8n does), the Translation Webhook Secret credential, route parameters and the log.
 */
const STRONG = 'a-strong-secret-0123456789';

function context(
	options: {
		parameters?: Record<string, unknown>;
		/** the credential's data; an Error: n8n cannot give it (none chosen) */
		credential?: { secret?: unknown } | { apiKey: string } | Error;
		params?: Record<string, unknown>;
	} = {},
) {
	const errors: string[] = [];
	const ctx = {
		getNode: () => ({ name: 'Trigger', typeVersion: 1, webhookId: 'wh-1' }),
		getNodeParameter: (name: string, fallback?: unknown) =>
			options.parameters && name in options.parameters ? options.parameters[name] : fallback,
		getCredentials: async () => {
			if (options.credential instanceof Error || options.credential === undefined)
				throw options.credential ?? new Error('Node does not have any credentials set');
			return options.credential;
		},
		getParamsData: () => options.params ?? {},
		logger: { error: (message: string) => errors.push(message) },
	};
	return {
		hook: ctx as unknown as IHookFunctions,
		webhook: ctx as unknown as IWebhookFunctions,
		errors,
	};
}

const rejected = async (promise: Promise<unknown>) =>
	(await promise.then(
		() => undefined,
		(error: unknown) => error,
	)) as DeliveryRejected | NodeOperationError | undefined;

describe('the webhook secret credential', () => {
	it('gives the secret when it meets the rule', async () => {
		expect(await credentialSecret(context({ credential: { secret: STRONG } }).hook)).toBe(STRONG);
	});

	it.each([
		[
			'no credential chosen',
			new Error('none'),
			'no Translation Webhook Secret credential is chosen',
		],
		['an empty secret', { secret: '' }, 'no secret is set'],
		['a short secret', { secret: 'short' }, 'the secret has 5 characters; it needs at least 16'],
		['a secret that is not text', { secret: 1234567890123456 }, 'no secret is set'],
	])('refuses %s, saying what to do', async (_what, credential, problem) => {
		const error = await rejected(credentialSecret(context({ credential }).hook));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe(`The webhook secret cannot be used: ${problem}`);
		expect((error as NodeOperationError).description).toBe(
			`Choose a "Translation Webhook Secret" credential in the node, or choose "No Secret" if nobody else can reach this n8n. ${SECRET_ADVICE}`,
		);
	});

	it("the credential's Test button: the rule, checked locally", async () => {
		const test = (data: Record<string, unknown> | undefined) =>
			testWebhookSecret.call({} as never, { data } as never);
		expect(await test({ secret: STRONG })).toEqual({
			status: 'OK',
			message: 'The secret meets the rule; use the same one at the vendor',
		});
		expect(await test({ secret: 'short' })).toEqual({
			status: 'Error',
			message: `Not a connection problem (nothing is contacted): the secret has 5 characters; it needs at least 16. ${SECRET_ADVICE}`,
		});
		expect(await test(undefined)).toEqual({
			status: 'Error',
			message: `Not a connection problem (nothing is contacted): no secret is set. ${SECRET_ADVICE}`,
		});
	});
});

describe('manualSecret: the secret a manually set-up delivery must carry', () => {
	it('the credential, or nothing when "No Secret" is chosen', async () => {
		expect(await manualSecret(context({ credential: { secret: STRONG } }).hook)).toBe(STRONG);
		expect(
			await manualSecret(
				context({ parameters: { manualSecretCheck: 'none' }, credential: { secret: STRONG } }).hook,
			),
		).toBeUndefined();
		// the default is the credential: without one, activation is refused rather than nothing checked
		await expect(manualSecret(context().hook)).rejects.toThrow(
			'no Translation Webhook Secret credential is chosen',
		);
		// and a credential whose secret breaks the rule is refused, not used
		await expect(manualSecret(context({ credential: { secret: 'weak' } }).hook)).rejects.toThrow(
			'The webhook secret cannot be used: the secret has 4 characters; it needs at least 16',
		);
	});
});

describe('checkDeliverySecret: one delivery to a trigger that registers itself', () => {
	/** automatic registration: a secret derived from the vendor credential's key, as Smartcat and Phrase TMS do */
	const automatic: DerivedSecretSource = {
		credentialType: 'vendorApi',
		purpose: 'test-header',
		keyOf: (credentials) => credentials.apiKey,
		keyName: "the vendor credential's API key",
	};
	const options = { automatic, what: 'secret header' };
	const vendorKey = { apiKey: 'vendor-api-key-0123456789' };

	it('automatic: the secret derived from the vendor credential, 401 otherwise', async () => {
		const { webhook, errors } = context({ credential: vendorKey });
		const derived = await secretFromCredential(webhook, automatic);
		expect(derived).toMatch(/^[\w-]{32}$/);
		expect(derived).not.toContain(vendorKey.apiKey);
		await expect(checkDeliverySecret(webhook, derived, options)).resolves.toBeUndefined();
		// the key itself is not the secret
		const error = await rejected(checkDeliverySecret(webhook, vendorKey.apiKey, options));
		expect(error).toBeInstanceOf(DeliveryRejected);
		expect(error).toMatchObject({ httpStatus: 401, message: 'missing or wrong secret header' });
		expect(errors).toEqual([]);
	});

	it('automatic: another node, another vendor purpose or another key derives another secret', async () => {
		const base = await secretFromCredential(context({ credential: vendorKey }).hook, automatic);
		const otherKey = await secretFromCredential(
			context({ credential: { apiKey: 'rotated-api-key-9876543210' } }).hook,
			automatic,
		);
		const otherPurpose = await secretFromCredential(context({ credential: vendorKey }).hook, {
			...automatic,
			purpose: 'another-vendor',
		});
		const otherNode = context({ credential: vendorKey }).hook;
		otherNode.getNode = () => ({ ...context().hook.getNode(), webhookId: 'wh-2' });
		expect(
			new Set([base, otherKey, otherPurpose, await secretFromCredential(otherNode, automatic)])
				.size,
		).toBe(4);
	});

	it('automatic without the vendor credential: 401, and the log says what is missing', async () => {
		const { webhook, errors } = context({ credential: new Error('none') });
		const error = await rejected(checkDeliverySecret(webhook, '', options));
		expect(error).toMatchObject({ httpStatus: 401 });
		expect(errors).toEqual([
			"Trigger: The webhook secret cannot be derived: the vendor credential's API key is missing",
		]);
	});

	it('manual: the credential; a credential that cannot be used is 401 and an error in the log', async () => {
		const manual = { registration: 'manual' };
		const good = context({ parameters: manual, credential: { secret: STRONG } });
		await expect(checkDeliverySecret(good.webhook, STRONG, options)).resolves.toBeUndefined();

		const weak = context({ parameters: manual, credential: { secret: 'short' } });
		// the weak value itself is no key: the delivery carrying it is refused too
		const error = await rejected(checkDeliverySecret(weak.webhook, 'short', options));
		expect(error).toMatchObject({ httpStatus: 401, message: 'missing or wrong secret header' });
		expect(weak.errors).toEqual([
			'Trigger: The webhook secret cannot be used: the secret has 5 characters; it needs at least 16',
		]);
	});

	it('manual with "No Secret" chosen: every delivery passes, nothing logged', async () => {
		const { webhook, errors } = context({
			parameters: { registration: 'manual', manualSecretCheck: 'none' },
		});
		await expect(checkDeliverySecret(webhook, undefined, options)).resolves.toBeUndefined();
		expect(errors).toEqual([]);
	});
});

describe('the URL token (Beebox, Gengo)', () => {
	it('looks in the query by default; checks nothing only when "No Secret" is chosen', async () => {
		const closed = context({ credential: { secret: STRONG } });
		await expect(checkUrlToken(closed.webhook, { token: STRONG })).resolves.toBeUndefined();
		await expect(checkUrlToken(closed.webhook, {})).rejects.toMatchObject({
			httpStatus: 401,
			message: 'missing or wrong secret token',
		});
		// no credential chosen and no location set: still closed
		await expect(checkUrlToken(context().webhook, {})).rejects.toMatchObject({ httpStatus: 401 });
		const open = context({ parameters: { urlTokenLocation: 'none' } });
		await expect(checkUrlToken(open.webhook, {})).resolves.toBeUndefined();
	});

	it('a path token arrives in the route parameter named after the node', async () => {
		expect(pathTokenParameter('wh-1')).toBe('token-wh-1');
		const { webhook } = context({
			parameters: { urlTokenLocation: 'path' },
			credential: { secret: STRONG },
			params: { 'token-wh-1': STRONG },
		});
		await expect(checkUrlToken(webhook, { token: 'ignored' })).resolves.toBeUndefined();
	});

	it('a credential that cannot be used: every delivery 401, and the reason in the log', async () => {
		const { webhook, errors } = context({ credential: { secret: '' } });
		await expect(checkUrlToken(webhook, { token: '' })).rejects.toMatchObject({ httpStatus: 401 });
		expect(errors).toEqual(['Trigger: The webhook secret cannot be used: no secret is set']);
	});

	it('activation refuses a weak token with what to do, and registers nothing', async () => {
		const weak = context({ credential: { secret: 'weak' } });
		const error = await rejected(urlTokenWebhookMethods.default.create.call(weak.hook));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe(
			'The webhook secret cannot be used: the secret has 4 characters; it needs at least 16',
		);
		expect((error as NodeOperationError).description).toContain(SECRET_ADVICE);
		const missing = await rejected(urlTokenWebhookMethods.default.create.call(context().hook));
		expect(missing?.message).toBe(
			'The webhook secret cannot be used: no Translation Webhook Secret credential is chosen',
		);
		// "No Secret" chosen: nothing to check
		const open = context({ parameters: { urlTokenLocation: 'none' } });
		await expect(assertUrlTokenConfigured(open.hook)).resolves.toBeUndefined();
		const strong = context({ credential: { secret: STRONG } });
		await expect(assertUrlTokenConfigured(strong.hook)).resolves.toBeUndefined();
		expect(await urlTokenWebhookMethods.default.create.call(strong.hook)).toBe(true);
		// nothing to find or remove at a vendor that has no registration API
		expect(await urlTokenWebhookMethods.default.checkExists.call(strong.hook)).toBe(false);
		expect(await urlTokenWebhookMethods.default.delete.call(strong.hook)).toBe(true);
	});

	it('the Secret Token parameter says why the query string is the default: n8n logs paths, not queries', () => {
		for (const trigger of [new BeeboxTrigger(), new GengoTrigger()]) {
			const locations = trigger.description.properties.filter((p) => p.name === 'urlTokenLocation');
			expect(locations).toHaveLength(1);
			for (const location of locations) {
				expect(location.default).toBe('query');
				expect(location.hint).toBe(URL_TOKEN_LOCATION_HINT);
				expect(location.hint).toMatch(
					/n8n writes a request's path to its log .* never its query string/,
				);
				const path = location.options?.find((o) => 'value' in o && o.value === 'path');
				expect((path as { description?: string }).description).toContain('reaches its log');
			}
		}
	});

	it('redacts the token from a URL shown in an item: every query token, and the path segment', () => {
		expect(
			redactUrlToken('https://n8n.example/webhook/abc/gengo?a=1&token=s3cret&token=two#x', 'gengo'),
		).toBe('https://n8n.example/webhook/abc/gengo?a=1&token=***&token=***#x');
		expect(redactUrlToken('https://n8n.example/webhook/gengo/s3cret?b=2', 'gengo')).toBe(
			'https://n8n.example/webhook/gengo/***?b=2',
		);
	});
});
