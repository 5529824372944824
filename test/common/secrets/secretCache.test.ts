import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	clearSecretCache,
	SECRET_CACHE_MAX,
	SECRET_CACHE_MS,
	secretCacheSize,
} from '../../../nodes/common/secrets/secretCache';
import {
	secretFromCredential,
	WEBHOOK_SECRET_CREDENTIAL,
} from '../../../nodes/common/secrets/webhookSecret';

/**
 * The secret a delivery is checked against is kept in memory for SECRET_CACHE_MS: what that costs in freshness is
 * the bound README states (a rotated secret, a deleted credential take effect within it), and what it saves is a
 * credential read per delivery. A context here is what n8n gives webhook() (getRequestObject) or an activation hook
 * (none), with the node's credential ids as n8n's workflow JSON has them and a count of credential reads.
 */

const OLD = 'Kq7mZ2vR9pL4xW8nB3cT';
const NEW = 'Yt5hN8dF2gJ6kP9sQ4wE';
/** 16 characters, one of them: refused by the secret rule */
const WEAK = 'a'.repeat(16);

interface Store {
	data: IDataObject | undefined;
	reads: number;
}

function context(
	store: Store,
	ids: { workflow?: string; node?: string; webhook?: string; credential?: string } = {},
	kind: 'delivery' | 'activation' = 'delivery',
): IWebhookFunctions {
	const ctx = {
		getNode: () => ({
			name: 'Trigger',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			id: ids.node ?? 'node-1',
			webhookId: ids.webhook ?? 'webhook-1',
			credentials: {
				[WEBHOOK_SECRET_CREDENTIAL]: { id: ids.credential ?? 'credential-1', name: 'secret' },
			},
		}),
		getWorkflow: () => ({ id: ids.workflow ?? 'workflow-1', active: true }),
		getCredentials: async () => {
			store.reads++;
			if (!store.data) throw new Error('Credential with ID "credential-1" does not exist');
			return store.data;
		},
		...(kind === 'delivery' ? { getRequestObject: () => ({}) } : {}),
	};
	return ctx as unknown as IWebhookFunctions;
}

const SOURCE = { webhookSecretCredential: true } as const;
const secretOf = async (ctx: IWebhookFunctions) =>
	await secretFromCredential(ctx, SOURCE).then(
		(secret) => secret,
		() => 'refused',
	);

describe('the secrets deliveries are checked against, kept for a few seconds', () => {
	beforeEach(() => {
		clearSecretCache();
		jest.useFakeTimers({ now: new Date('2026-12-06T12:00:00Z') });
	});
	afterEach(() => jest.useRealTimers());

	it('reads the credential once for a burst of deliveries to one node', async () => {
		const store: Store = { data: { secret: OLD }, reads: 0 };
		for (let i = 0; i < 50; i++) expect(await secretOf(context(store))).toBe(OLD);
		expect(store.reads).toBe(1);
	});

	it('reads the credential once for deliveries that arrive together, before any was kept, and again after expiry', async () => {
		const store: Store = { data: { secret: OLD }, reads: 0 };
		const burst = async () =>
			await Promise.all(Array.from({ length: 16 }, async () => await secretOf(context(store))));
		expect(await burst()).toEqual(Array(16).fill(OLD));
		expect(store.reads).toBe(1);
		jest.advanceTimersByTime(SECRET_CACHE_MS);
		store.data = { secret: NEW };
		expect(await burst()).toEqual(Array(16).fill(NEW));
		expect(store.reads).toBe(2);
	});

	it('deliveries that arrive together share a failed read, and the next one reads again', async () => {
		const store: Store = { data: undefined, reads: 0 };
		const burst = async () =>
			await Promise.all(Array.from({ length: 8 }, async () => await secretOf(context(store))));
		expect(await burst()).toEqual(Array(8).fill('refused'));
		expect(store.reads).toBe(1);
		store.data = { secret: NEW };
		expect(await secretOf(context(store))).toBe(NEW);
		expect(store.reads).toBe(2);
	});

	it('a rotated secret is the only one accepted once SECRET_CACHE_MS has passed', async () => {
		const store: Store = { data: { secret: OLD }, reads: 0 };
		expect(await secretOf(context(store))).toBe(OLD);
		store.data = { secret: NEW };
		jest.advanceTimersByTime(SECRET_CACHE_MS - 1);
		expect(await secretOf(context(store))).toBe(OLD);
		jest.advanceTimersByTime(1);
		expect(await secretOf(context(store))).toBe(NEW);
		expect(SECRET_CACHE_MS).toBeLessThanOrEqual(10_000);
	});

	it('a deleted credential refuses every delivery once SECRET_CACHE_MS has passed, and failures are not kept', async () => {
		const store: Store = { data: { secret: OLD }, reads: 0 };
		expect(await secretOf(context(store))).toBe(OLD);
		store.data = undefined;
		jest.advanceTimersByTime(SECRET_CACHE_MS);
		const reads = store.reads;
		for (let i = 0; i < 3; i++) expect(await secretOf(context(store))).toBe('refused');
		// every refused delivery asked again: a credential put back is accepted at once
		expect(store.reads).toBe(reads + 3);
		store.data = { secret: NEW };
		expect(await secretOf(context(store))).toBe(NEW);
	});

	it.each([
		['another workflow', { workflow: 'workflow-2' }],
		['another node', { node: 'node-2' }],
		['another webhook id', { webhook: 'webhook-2' }],
		['another credential', { credential: 'credential-2' }],
	])('%s never shares an entry', async (_what, ids) => {
		const first: Store = { data: { secret: OLD }, reads: 0 };
		const second: Store = { data: { secret: NEW }, reads: 0 };
		expect(await secretOf(context(first))).toBe(OLD);
		expect(await secretOf(context(second, ids))).toBe(NEW);
		expect(second.reads).toBe(1);
	});

	it('an activation always reads the credential itself', async () => {
		const store: Store = { data: { secret: OLD }, reads: 0 };
		await secretOf(context(store));
		store.data = { secret: NEW };
		expect(await secretOf(context(store, {}, 'activation'))).toBe(NEW);
		expect(await secretOf(context(store, {}, 'activation'))).toBe(NEW);
		expect(store.reads).toBe(3);
	});

	it('a secret that breaks the rule is never kept', async () => {
		const store: Store = { data: { secret: WEAK }, reads: 0 };
		expect(await secretOf(context(store))).toBe('refused');
		expect(await secretOf(context(store))).toBe('refused');
		expect(store.reads).toBe(2);
		expect(secretCacheSize()).toBe(0);
	});

	it(`keeps at most ${SECRET_CACHE_MAX} entries, the oldest going first`, async () => {
		const store: Store = { data: { secret: OLD }, reads: 0 };
		for (let i = 0; i <= SECRET_CACHE_MAX; i++)
			await secretOf(context(store, { node: `node-${i}` }));
		expect(secretCacheSize()).toBe(SECRET_CACHE_MAX);
		const reads = store.reads;
		// the newest is still kept, the oldest had to go
		await secretOf(context(store, { node: `node-${SECRET_CACHE_MAX}` }));
		expect(store.reads).toBe(reads);
		await secretOf(context(store, { node: 'node-0' }));
		expect(store.reads).toBe(reads + 1);
	});
});
