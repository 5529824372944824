import type { IDataObject } from 'n8n-workflow';

import {
	CATCH_UP_LIMITS,
	MAX_STATE_BYTES,
	MAX_STORED_KEY_BYTES,
	mostRecent,
	pollCatchUp,
	prune,
	storedKey,
	type CatchUpSource,
	type Observation,
} from '../../../nodes/common/catchUp/engine';
import { VendorApiError } from '../../../nodes/common/http/vendorError';
import { fakePollContext } from '../../helpers/fakeContext';
import { runInZone } from '../../helpers/inZone';

/** A vendor whose API shows these jobs with these statuses now. */
function vendor(jobs: Record<string, string>, changedAt?: Record<string, string>): CatchUpSource {
	return async () => ({
		complete: true,
		observations: Object.entries(jobs).map(
			([id, status]): Observation => ({
				key: id,
				signature: status,
				changedAt: changedAt?.[id] ? new Date(changedAt[id]) : null,
				items: () => [{ event: status, eventKey: `v:${id}:${status}`, jobId: id }],
			}),
		),
	});
}

const stateOf = (ctx: { getWorkflowStaticData(type: string): IDataObject }) =>
	ctx.getWorkflowStaticData('node').catchUp as IDataObject & { seen: object };

const keys = (out: Awaited<ReturnType<typeof pollCatchUp>>) =>
	(out?.[0] ?? []).map((item) => (item.json as IDataObject).eventKey);

describe('pollCatchUp', () => {
	it('records what is there on the first poll and emits nothing ("from now")', async () => {
		const { ctx } = fakePollContext();
		expect(await pollCatchUp(ctx, vendor({ a: 'new', b: 'done' }))).toBeNull();
		expect(ctx.getWorkflowStaticData('node').catchUp).toMatchObject({
			seen: {
				a: [expect.any(String), expect.any(Number)],
				b: [expect.any(String), expect.any(Number)],
			},
		});
	});

	it("emits a changed status and a new key once, with the source's items", async () => {
		const { ctx } = fakePollContext();
		await pollCatchUp(ctx, vendor({ a: 'new' }));
		expect(keys(await pollCatchUp(ctx, vendor({ a: 'done', b: 'new' })))).toEqual([
			'v:a:done',
			'v:b:new',
		]);
		expect(await pollCatchUp(ctx, vendor({ a: 'done', b: 'new' }))).toBeNull();
	});

	it("applies the node's event filter", async () => {
		const { ctx } = fakePollContext({ parameters: { events: ['done'] } });
		await pollCatchUp(ctx, vendor({ a: 'new', b: 'new' }));
		expect(keys(await pollCatchUp(ctx, vendor({ a: 'done', b: 'started' })))).toEqual(['v:a:done']);
	});

	it('with a start time, emits on the first poll what changed after it', async () => {
		const { ctx } = fakePollContext({ parameters: { startFrom: '2026-01-02T00:00:00Z' } });
		const out = await pollCatchUp(
			ctx,
			vendor(
				{ a: 'done', b: 'done', c: 'done' },
				{ a: '2026-01-01T00:00:00Z', b: '2026-01-03T00:00:00Z' },
			),
		);
		expect(keys(out)).toEqual(['v:b:done']);
	});

	it('a failing poll changes nothing, backs off, and the next good poll covers the gap', async () => {
		const { ctx } = fakePollContext();
		await pollCatchUp(ctx, vendor({ a: 'new' }));
		const before = JSON.stringify(stateOf(ctx).seen);
		const down: CatchUpSource = async () => {
			throw new VendorApiError('Vendor API unreachable', 503);
		};
		await expect(pollCatchUp(ctx, down)).rejects.toThrow('Vendor API unreachable');
		const state = ctx.getWorkflowStaticData('node').catchUp as IDataObject;
		expect(JSON.stringify(state.seen)).toBe(before);
		expect(state.failures).toBe(1);
		expect(state.backoffUntil).toBeGreaterThan(Date.now());
		// within the back-off window the vendor is not asked
		let asked = false;
		expect(
			await pollCatchUp(ctx, async (...args) => {
				asked = true;
				return await vendor({ a: 'done' })(...args);
			}),
		).toBeNull();
		expect(asked).toBe(false);
		state.backoffUntil = Date.now() - 1;
		expect(keys(await pollCatchUp(ctx, vendor({ a: 'done' })))).toEqual(['v:a:done']);
	});

	it('a refusal (not an outage) fails the poll without backing off', async () => {
		const { ctx } = fakePollContext();
		await pollCatchUp(ctx, vendor({ a: 'new' }));
		const refused: CatchUpSource = async () => {
			throw new VendorApiError('Vendor GET /jobs: HTTP 401', 401);
		};
		await expect(pollCatchUp(ctx, refused)).rejects.toThrow('HTTP 401');
		expect(stateOf(ctx).backoffUntil).toBeUndefined();
	});

	it('"Fetch Test Event" shows the latest change and records nothing', async () => {
		const { ctx } = fakePollContext({ mode: 'manual' });
		const out = await pollCatchUp(
			ctx,
			vendor({ a: 'done', b: 'new' }, { a: '2026-01-01T00:00:00Z', b: '2026-02-01T00:00:00Z' }),
		);
		expect(keys(out)).toEqual(['v:b:new']);
		expect(ctx.getWorkflowStaticData('node').catchUp).toBeUndefined();
	});
});

describe('a listing longer than the state can hold', () => {
	it('emits nothing again on later polls: only the most recent maxEntries are followed', async () => {
		const { ctx } = fakePollContext();
		const count = CATCH_UP_LIMITS.maxEntries + 50;
		const jobs = Object.fromEntries(Array.from({ length: count }, (_, i) => [`j${i}`, 'new']));
		const dates = Object.fromEntries(
			Array.from({ length: count }, (_, i) => [
				`j${i}`,
				new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
			]),
		);
		expect(await pollCatchUp(ctx, vendor(jobs, dates))).toBeNull();
		expect(await pollCatchUp(ctx, vendor(jobs, dates))).toBeNull();
		// the newest changes, and an old one beyond the bound does not come back
		expect(
			keys(await pollCatchUp(ctx, vendor({ ...jobs, [`j${count - 1}`]: 'done' }, dates))),
		).toEqual([`v:j${count - 1}:done`]);
	});
});

describe('prune: the bound on what a catch-up trigger keeps', () => {
	it('drops keys unseen for longer than the maximum age', () => {
		const now = Date.now();
		const seen = prune(
			{ old: ['x', now - CATCH_UP_LIMITS.maxAgeMs - 1], fresh: ['y', now - 1000] },
			now,
		);
		expect(Object.keys(seen)).toEqual(['fresh']);
	});

	it('keeps at most maxEntries keys, the most recently seen', () => {
		const now = Date.now();
		const many = Object.fromEntries(
			Array.from({ length: CATCH_UP_LIMITS.maxEntries + 10 }, (_, i) => [
				`k${i}`,
				['s', now - i] as [string, number],
			]),
		);
		const seen = prune(many, now);
		expect(Object.keys(seen)).toHaveLength(CATCH_UP_LIMITS.maxEntries);
		expect(seen.k0).toBeDefined();
		expect(seen[`k${CATCH_UP_LIMITS.maxEntries + 9}`]).toBeUndefined();
	});

	it('stays small: a full state of typical keys is under 250 KB of static data', async () => {
		const now = Date.now();
		const { ctx } = fakePollContext();
		const jobs = Object.fromEntries(
			Array.from({ length: CATCH_UP_LIMITS.maxEntries + 500 }, (_, i) => [
				`kJsiW1RAIJ9sIp9XkcxpR1-${i}`,
				'COMPLETED_BY_LINGUIST:2026-11-25T10:00:00Z',
			]),
		);
		await pollCatchUp(ctx, vendor(jobs));
		const state = ctx.getWorkflowStaticData('node').catchUp as { seen: object };
		expect(Object.keys(state.seen)).toHaveLength(CATCH_UP_LIMITS.maxEntries);
		expect(JSON.stringify(state).length).toBeLessThan(250_000);
		void now;
	});
});

describe('the edges of a catch-up poll', () => {
	const observation = (key: string, changedAt: string | null): Observation => ({
		key,
		signature: 's',
		changedAt: changedAt ? new Date(changedAt) : null,
		items: () => [{ event: 's', eventKey: key }],
	});

	it('mostRecent: a listing that fits stays as listed; a longer one is cut by date, or as listed when not every entry has one', () => {
		const ascending = [
			observation('a', '2026-01-01T00:00:00Z'),
			observation('b', '2026-01-02T00:00:00Z'),
		];
		expect(mostRecent(ascending, 2)).toEqual(ascending);
		expect(mostRecent(ascending, 1).map((o) => o.key)).toEqual(['b']);
		const mixed = [
			observation('a', null),
			observation('b', '2026-01-02T00:00:00Z'),
			observation('c', null),
		];
		expect(mostRecent(mixed, 2).map((o) => o.key)).toEqual(['a', 'b']);
	});

	it('prune keeps the most recently seen, whatever order they were recorded in; a key exactly at the maximum age stays', () => {
		const now = Date.now();
		const many = Object.fromEntries(
			Array.from({ length: CATCH_UP_LIMITS.maxEntries + 10 }, (_, i) => [
				`k${i}`,
				['s', now - (CATCH_UP_LIMITS.maxEntries + 10 - i)] as [string, number],
			]),
		);
		const seen = prune(many, now);
		expect(seen.k0).toBeUndefined();
		expect(seen[`k${CATCH_UP_LIMITS.maxEntries + 9}`]).toBeDefined();
		expect(Object.keys(prune({ edge: ['s', now - CATCH_UP_LIMITS.maxAgeMs] }, now))).toEqual([
			'edge',
		]);
	});

	it('a state that is not one (no start time, no keys) counts as no state: the poll is a first poll', async () => {
		for (const broken of [{ seen: {} }, { since: 'yesterday', seen: {} }, { since: 1 }]) {
			const { ctx } = fakePollContext({ staticData: { catchUp: broken } });
			expect(await pollCatchUp(ctx, vendor({ a: 'new' }))).toBeNull();
			expect(stateOf(ctx).seen).toHaveProperty('a');
		}
	});

	it('with a start time, a change at exactly that time is not after it', async () => {
		const { ctx } = fakePollContext({ parameters: { startFrom: '2026-01-02T00:00:00Z' } });
		const out = await pollCatchUp(
			ctx,
			vendor({ a: 'done', b: 'done' }, { a: '2026-01-02T00:00:00Z', b: '2026-01-02T00:00:01Z' }),
		);
		expect(keys(out)).toEqual(['v:b:done']);
	});

	it('backs off 1, 2, 4 … minutes per failed poll in a row, at most an hour; a first poll that fails keeps no state', async () => {
		const down: CatchUpSource = async () => {
			throw new VendorApiError('Vendor API unreachable', 503);
		};
		const first = fakePollContext();
		await expect(pollCatchUp(first.ctx, down)).rejects.toThrow('Vendor API unreachable');
		expect(first.ctx.getWorkflowStaticData('node').catchUp).toBeUndefined();

		const { ctx } = fakePollContext();
		await pollCatchUp(ctx, vendor({ a: 'new' }));
		const waits: number[] = [];
		for (let i = 0; i < 8; i++) {
			stateOf(ctx).backoffUntil = undefined;
			const before = Date.now();
			await expect(pollCatchUp(ctx, down)).rejects.toThrow();
			waits.push(Math.round(((stateOf(ctx).backoffUntil as number) - before) / 60_000));
		}
		expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
	});

	it('"Fetch Test Event": the latest dated change before undated ones; nothing when the vendor lists nothing', async () => {
		const { ctx } = fakePollContext({ mode: 'manual' });
		const out = await pollCatchUp(
			ctx,
			vendor({ a: 'new', b: 'done' }, { b: '2026-02-01T00:00:00Z' }),
		);
		expect(keys(out)).toEqual(['v:b:done']);
		expect(await pollCatchUp(ctx, vendor({}))).toBeNull();
	});
});

describe('"Fetch Test Event" with Events chosen', () => {
	it('shows the most recent change of a chosen event, not "no data" because a newer change is of another kind', async () => {
		const { ctx } = fakePollContext({ mode: 'manual', parameters: { events: ['done'] } });
		const source = vendor(
			{ a: 'new', b: 'done', c: 'done' },
			{ a: '2026-03-01T00:00:00Z', b: '2026-02-01T00:00:00Z', c: '2026-01-01T00:00:00Z' },
		);
		expect(keys(await pollCatchUp(ctx, source))).toEqual(['v:b:done']);
		expect(ctx.getWorkflowStaticData('node').catchUp).toBeUndefined();
	});

	it('is empty only when none of the recent changes is of a chosen event', async () => {
		const { ctx } = fakePollContext({ mode: 'manual', parameters: { events: ['done'] } });
		expect(await pollCatchUp(ctx, vendor({ a: 'new', b: 'new' }))).toBeNull();
	});
});

describe('back-off after a failure series ends', () => {
	const down: CatchUpSource = async () => {
		throw new VendorApiError('Vendor API unreachable', 503);
	};
	const minutesOfBackOff = async (ctx: ReturnType<typeof fakePollContext>['ctx']) => {
		const before = Date.now();
		await expect(pollCatchUp(ctx, down)).rejects.toThrow('Vendor API unreachable');
		return Math.round(((stateOf(ctx).backoffUntil as number) - before) / 60_000);
	};

	it('a poll that fails, then one that succeeds, then one that fails: the back-off starts again at 1 minute', async () => {
		const { ctx } = fakePollContext();
		await pollCatchUp(ctx, vendor({ a: 'new' }));
		const series: number[] = [];
		for (let i = 0; i < 3; i++) {
			series.push(await minutesOfBackOff(ctx));
			stateOf(ctx).backoffUntil = Date.now() - 1;
		}
		expect(series).toEqual([1, 2, 4]);
		// the vendor is back: the poll succeeds (emitting nothing) and the series is over
		expect(await pollCatchUp(ctx, vendor({ a: 'new' }))).toBeNull();
		expect(stateOf(ctx).failures).toBeUndefined();
		expect(await minutesOfBackOff(ctx)).toBe(1);
		stateOf(ctx).backoffUntil = Date.now() - 1;
		expect(await minutesOfBackOff(ctx)).toBe(2);
	});
});

describe('Start From is read in UTC or in the zone it gives, never the n8n process zone', () => {
	// the same check as "with a start time ...", run by an n8n whose process is in Tokyo (UTC+9) and in New York
	const firstPoll = (startFrom: string) => `
		const staticData = {};
		const ctx = {
			getMode: () => 'trigger',
			getNode: () => ({ name: 'Catch-Up', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }),
			getWorkflowStaticData: () => staticData,
			getNodeParameter: (name, fallback) => (name === 'startFrom' ? ${JSON.stringify(startFrom)} : fallback),
			helpers: { returnJsonArray: (items) => items.map((json) => ({ json })) },
		};
		const at = { a: '2026-01-01T20:00:00Z', b: '2026-01-02T00:00:01Z', c: '2026-01-01T23:59:00Z' };
		const source = async () => ({
			complete: true,
			observations: Object.entries(at).map(([key, date]) => ({
				key, signature: 'done', changedAt: new Date(date), items: () => [{ event: 'done', eventKey: key }],
			})),
		});
		const out = await m.pollCatchUp(ctx, source);
		return (out ? out[0] : []).map((item) => item.json.eventKey);`;

	it.each(['Asia/Tokyo', 'America/New_York'])('in %s', (zone) => {
		expect(
			runInZone(zone, 'nodes/common/catchUp/engine.ts', firstPoll('2026-01-02T00:00:00')),
		).toEqual(['b']);
		expect(
			runInZone(zone, 'nodes/common/catchUp/engine.ts', firstPoll('2026-01-02T08:00:00+09:00')),
		).toEqual(['b', 'c']);
	});

	it('a Start From that is no date fails the poll, naming it, before the vendor is asked', async () => {
		const { ctx } = fakePollContext({ parameters: { startFrom: '12.5.3' } });
		let asked = false;
		await expect(
			pollCatchUp(ctx, async (...args) => {
				asked = true;
				return await vendor({ a: 'new' })(...args);
			}),
		).rejects.toThrow(/^Start From "12\.5\.3" is not a date and time/);
		expect(asked).toBe(false);
		expect(ctx.getWorkflowStaticData('node').catchUp).toBeUndefined();
	});
});

describe('a change time in the far future', () => {
	const FUTURE = '9999-01-01T00:00:00Z';

	it('"Fetch Test Event" shows the latest believable change, not the one dated in the future', async () => {
		const { ctx } = fakePollContext({ mode: 'manual' });
		const out = await pollCatchUp(
			ctx,
			vendor({ typo: 'done', real: 'done' }, { typo: FUTURE, real: '2026-01-01T00:00:00Z' }),
		);
		expect(keys(out)).toEqual(['v:real:done']);
	});

	it('does not hold a place among the most recent forever: it counts as the oldest', () => {
		const dated = (key: string, at: string): Observation => ({
			key,
			signature: 's',
			changedAt: new Date(at),
			items: () => [],
		});
		const listing = [
			dated('typo', FUTURE),
			dated('old', '2026-01-01T00:00:00Z'),
			dated('new', '2026-01-02T00:00:00Z'),
		];
		expect(mostRecent(listing, 2).map((o) => o.key)).toEqual(['new', 'old']);
		// a few minutes ahead is a vendor clock running fast, still believed
		const soon = new Date(Date.now() + 60_000).toISOString();
		expect(mostRecent([...listing, dated('soon', soon)], 1).map((o) => o.key)).toEqual(['soon']);
	});

	it('is not "after Start From" on the first poll', async () => {
		const { ctx } = fakePollContext({ parameters: { startFrom: '2026-01-02T00:00:00Z' } });
		const out = await pollCatchUp(
			ctx,
			vendor({ typo: 'done', b: 'done' }, { typo: FUTURE, b: '2026-01-03T00:00:00Z' }),
		);
		expect(keys(out)).toEqual(['v:b:done']);
	});
});

describe("the sources' complete flag", () => {
	const lateIncomplete =
		(jobs: Record<string, string>): CatchUpSource =>
		async (...args) => ({ ...(await vendor(jobs)(...args)), complete: false });

	it('a key missing from an incomplete listing is not forgotten for its age, so it does not come back as new', async () => {
		const { ctx } = fakePollContext();
		await pollCatchUp(ctx, vendor({ a: 'done', b: 'new' }));
		// a was last seen longer ago than the catch-up remembers a key; since then the listings were cut short
		(stateOf(ctx).seen as Record<string, [string, number]>).a[1] =
			Date.now() - CATCH_UP_LIMITS.maxAgeMs - 1;
		expect(await pollCatchUp(ctx, lateIncomplete({ b: 'new' }))).toBeNull();
		expect(stateOf(ctx).seen).toHaveProperty('a');
		expect(await pollCatchUp(ctx, vendor({ a: 'done', b: 'new' }))).toBeNull();
	});

	it('a complete listing that no longer shows a key forgets it once it is older than the maximum age', async () => {
		const { ctx } = fakePollContext();
		await pollCatchUp(ctx, vendor({ a: 'done', b: 'new' }));
		(stateOf(ctx).seen as Record<string, [string, number]>).a[1] =
			Date.now() - CATCH_UP_LIMITS.maxAgeMs - 1;
		expect(await pollCatchUp(ctx, vendor({ b: 'new' }))).toBeNull();
		expect(stateOf(ctx).seen).not.toHaveProperty('a');
	});

	it('an incomplete listing still keeps the state within maxEntries', () => {
		const now = Date.now();
		const many = Object.fromEntries(
			Array.from({ length: CATCH_UP_LIMITS.maxEntries + 10 }, (_, i) => [
				`k${i}`,
				['s', now - CATCH_UP_LIMITS.maxAgeMs - 1 - i] as [string, number],
			]),
		);
		expect(Object.keys(prune(many, now, false))).toHaveLength(CATCH_UP_LIMITS.maxEntries);
		expect(Object.keys(prune(many, now, true))).toHaveLength(0);
	});
});

describe('the state is bounded in bytes, whatever the keys', () => {
	const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

	it.each([
		[
			'10,000-character keys (a Beebox file path, an id a vendor made long)',
			(i: number) => `${'p'.repeat(10_000)}${i}`,
		],
		[
			'keys just at the limit, of characters JSON escapes',
			(i: number) => `"\u0001${i}`.padEnd(MAX_STORED_KEY_BYTES, '\u0002'),
		],
		['keys of characters of several bytes', (i: number) => `${i}:${'日本語'.repeat(20)}`],
		['short keys', (i: number) => `job:${i}`],
	])('%s: under MAX_STATE_BYTES (%#)', async (_name, keyOf) => {
		const { ctx } = fakePollContext();
		const jobs = Object.fromEntries(
			Array.from({ length: CATCH_UP_LIMITS.maxEntries + 20 }, (_, i) => [
				keyOf(i),
				'x'.repeat(5000),
			]),
		);
		await pollCatchUp(ctx, vendor(jobs));
		const state = ctx.getWorkflowStaticData('node').catchUp;
		expect(Object.keys(stateOf(ctx).seen)).toHaveLength(CATCH_UP_LIMITS.maxEntries);
		expect(bytes(state)).toBeLessThanOrEqual(MAX_STATE_BYTES);
		expect(MAX_STATE_BYTES).toBeLessThan(250_000);
	});

	it('a long key still tells its observation apart and follows its changes', async () => {
		const { ctx } = fakePollContext();
		const long = 'file:de-de:' + 'dir\\'.repeat(100);
		await pollCatchUp(ctx, vendor({ [`${long}a.docx`]: 'v1', [`${long}b.docx`]: 'v1' }));
		expect(
			await pollCatchUp(ctx, vendor({ [`${long}a.docx`]: 'v1', [`${long}b.docx`]: 'v1' })),
		).toBeNull();
		expect(
			keys(await pollCatchUp(ctx, vendor({ [`${long}a.docx`]: 'v2', [`${long}b.docx`]: 'v1' }))),
		).toEqual([`v:${long}a.docx:v2`]);
		expect(Object.keys(stateOf(ctx).seen).every((key) => bytes(key) <= MAX_STORED_KEY_BYTES)).toBe(
			true,
		);
		expect(storedKey(`${long}a.docx`)).not.toBe(storedKey(`${long}b.docx`));
		expect(storedKey('job:4711')).toBe('job:4711');
	});

	it('a state written with a long key as it was is read: nothing comes back as new, and the key is stored hashed', async () => {
		const long = 'document:' + 'f'.repeat(200);
		const { ctx } = fakePollContext();
		await pollCatchUp(ctx, vendor({ [long]: 'done' }));
		const seen = stateOf(ctx).seen as Record<string, [string, number]>;
		// as an earlier version kept it
		seen[long] = seen[storedKey(long)];
		delete seen[storedKey(long)];
		expect(await pollCatchUp(ctx, vendor({ [long]: 'done' }))).toBeNull();
		expect(Object.keys(stateOf(ctx).seen)).toEqual([storedKey(long)]);
	});
});
