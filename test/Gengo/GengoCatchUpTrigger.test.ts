/* eslint-disable @n8n/community-nodes/no-restricted-globals -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * The Gengo Catch-Up Trigger through a fake poll context against the Gengo simulator: what it emits after the
 * account changed, that its items and eventKeys are the Gengo Trigger's, and the bounds of one poll.
 */
import type { IDataObject } from 'n8n-workflow';

import { CATCH_UP_LIMITS } from '../../nodes/common/catchUp/engine';
import { WorkBudget } from '../../nodes/common/delivery/workBudget';
import { GENGO_CATCH_UP_LIMITS, gengoCatchUpSource } from '../../nodes/Gengo/catchUpSource';
import { GengoCatchUpTrigger } from '../../nodes/Gengo/GengoCatchUpTrigger.node';
import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import { fakePollContext, type FakeNodeOptions } from '../helpers/fakeContext';
import { deliverTo, withUrlToken } from '../helpers/webhookContext';
import {
	expectedCommentEventKey,
	expectedJobEventKey,
	GengoSimulator,
	type SimulatedGengoJob,
} from '../simulators/gengo';

const KEYS = { publicKey: 'catch-up-public', privateKey: 'catch-up-private' };
const now = () => Math.floor(Date.now() / 1000);
const catchUp = new GengoCatchUpTrigger();

async function simulator(jobs: SimulatedGengoJob[]): Promise<GengoSimulator> {
	return await new GengoSimulator({ ...KEYS, jobs }).start();
}

/** A catch-up trigger's poll context that keeps its static data between polls, as n8n does. */
function poller(gengo: GengoSimulator, options: FakeNodeOptions = {}) {
	const staticData: IDataObject = {};
	const logs: string[] = [];
	return {
		staticData,
		logs,
		async poll(extra: FakeNodeOptions = {}) {
			const fake = fakePollContext({
				nodeType: catchUp,
				credentials: { gengoApi: { environment: 'custom', baseUrl: gengo.baseUrl, ...KEYS } },
				staticData,
				...options,
				...extra,
				parameters: { ...options.parameters, ...extra.parameters },
			});
			const before = gengo.requests.length;
			const out = await catchUp.poll.call(fake.ctx);
			logs.push(...fake.logs);
			return {
				items: (out?.[0] ?? []).map((item) => item.json as IDataObject),
				calls: gengo.requests.slice(before),
			};
		},
	};
}

describe('Gengo Catch-Up Trigger', () => {
	let gengo: GengoSimulator;
	beforeEach(async () => {
		gengo = await simulator([
			{ job_id: '500', status: 'available', ctime: now() - 7200 },
			{ job_id: '501', status: 'reviewable', ctime: now() - 3600, body_tgt: 'Erste Fassung.' },
			{ job_id: '502', status: 'approved', ctime: now() - 1800 },
		]);
	});
	afterEach(async () => gengo.stop());

	it('is a polling trigger named as docs/design.md names it (gengoCatchUpTrigger)', () => {
		expect(catchUp.description).toMatchObject({
			name: 'gengoCatchUpTrigger',
			displayName: 'Gengo Catch-Up Trigger',
			polling: true,
		});
		const lookBack = catchUp.description.properties.find((p) => p.name === 'lookBackDays');
		expect(lookBack?.default).toBe(GENGO_CATCH_UP_LIMITS.defaultLookBackDays);
	});

	it("records on the first poll, then emits exactly what changed, once, with the eventKey Gengo's callback gets", async () => {
		const p = poller(gengo);
		expect((await p.poll()).items).toEqual([]);
		const event = gengo.nextEvent(); // job 500: available → pending
		const { items } = await p.poll();
		expect(items.map((i) => i.eventKey)).toEqual([event.eventKey]);
		expect(items[0]).toMatchObject({
			vendor: 'gengo',
			event: 'pending',
			eventKey: 'gengo:job:500:pending',
			status: 'pending',
			jobId: '500',
			occurredAt: null,
			fullJobFetched: true,
		});
		expect((await p.poll()).items).toEqual([]);
	});

	it("emits the item the Gengo Trigger emits for Gengo's callback of the same event", async () => {
		const p = poller(gengo);
		await p.poll();
		gengo.job('500').status = 'pending';
		gengo.nextEvent(); // 500 → reviewable, with a translation
		const [item] = (await p.poll()).items;

		// the callback Gengo sends for it: the Job payload in `job`
		const webhook = await deliverTo(new GengoTrigger())(
			withUrlToken({
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: { job: JSON.stringify(gengo.jobPayload(gengo.job('500'))) },
			}),
		);
		const strip = ({ receivedAt, fullJobFetched, job, ...rest }: IDataObject) => {
			void receivedAt;
			void fullJobFetched;
			const { etaIso, ...jobRest } = job as IDataObject;
			void etaIso;
			return { ...rest, job: jobRest };
		};
		expect(strip(item)).toEqual(strip(webhook.items[0]));
		expect(item.eventKey).toBe(expectedJobEventKey('500', 'reviewable', gengo.job('500').body_tgt));
	});

	it("nextEvent(): however many events happen between two polls, the next poll emits each, with nextEvent's eventKey", async () => {
		const p = poller(gengo);
		await p.poll();
		const events = [gengo.nextEvent(), gengo.nextEvent(), gengo.nextEvent(), gengo.nextEvent()];
		expect(events.map((e) => e.eventKey)).toEqual([
			'gengo:job:500:pending',
			expect.stringMatching(/^gengo:job:501:approved$/),
			'gengo:job:503:available',
			'gengo:job:504:available',
		]);
		const { items } = await p.poll();
		expect(items.map((i) => i.eventKey).sort()).toEqual(events.map((e) => e.eventKey).sort());
		expect((await p.poll()).items).toEqual([]);
	});

	it('tells a second review round from the first (a new translation after revising)', async () => {
		const p = poller(gengo);
		await p.poll();
		gengo.job('501').status = 'revising';
		expect((await p.poll()).items.map((i) => i.eventKey)).toEqual(['gengo:job:501:revising']);
		gengo.job('501').status = 'reviewable';
		gengo.job('501').body_tgt = 'Zweite Fassung.';
		const [second] = (await p.poll()).items;
		expect(second.eventKey).toBe(expectedJobEventKey('501', 'reviewable', 'Zweite Fassung.'));
		expect(second.eventKey).not.toBe(expectedJobEventKey('501', 'reviewable', 'Erste Fassung.'));
	});

	it('emits a second review round that happened between two polls (reviewable → revising → reviewable)', async () => {
		const p = poller(gengo);
		await p.poll(); // 501 reviewable with its first translation
		// between two polls: sent back for revisions, then reviewable again with a new translation
		gengo.job('501').status = 'revising';
		gengo.job('501').status = 'reviewable';
		gengo.job('501').body_tgt = 'Zweite Fassung.';
		const { items } = await p.poll();
		expect(items.map((i) => [i.event, i.jobId])).toEqual([['reviewable', '501']]);
		// the key the Gengo Trigger gives the callback of that second round
		const webhook = await deliverTo(new GengoTrigger())(
			withUrlToken({
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: { job: JSON.stringify(gengo.jobPayload(gengo.job('501'))) },
			}),
		);
		expect(items[0].eventKey).toBe(webhook.items[0].eventKey);
		expect(items[0].eventKey).toBe(expectedJobEventKey('501', 'reviewable', 'Zweite Fassung.'));
		expect((await p.poll()).items).toEqual([]);
	});

	it("names statuses in Gengo's job-status spelling, whichever the API uses", async () => {
		const p = poller(gengo);
		await p.poll();
		gengo.job('500').status = 'cancelled';
		expect((await p.poll()).items[0]).toMatchObject({
			event: 'canceled',
			status: 'cancelled',
			eventKey: 'gengo:job:500:canceled',
		});
	});

	it("emits a translator's new comment with the comment callback's eventKey, not the customer's own", async () => {
		const p = poller(gengo);
		gengo.job('500').comments = [{ body: 'Old one', author: 'translator', ctime: now() - 600 }];
		await p.poll();
		const ctime = now();
		gengo
			.job('500')
			.comments!.push(
				{ body: 'Which tone: formal or casual?', author: 'translator', ctime },
				{ body: 'Formal, please.', author: 'customer', ctime: ctime + 1 },
			);
		const { items } = await p.poll();
		expect(items).toEqual([
			expect.objectContaining({
				event: 'comment',
				eventKey: expectedCommentEventKey('500', ctime, 'Which tone: formal or casual?'),
				occurredAt: new Date(ctime * 1000).toISOString(),
				jobId: '500',
				comment: {
					job_id: '500',
					body: 'Which tone: formal or casual?',
					author: 'translator',
					ctime,
					ctimeIso: new Date(ctime * 1000).toISOString(),
				},
			}),
		]);
		expect((await p.poll()).items).toEqual([]);
	});

	it("emits two comments made on one job in the same second, each with its callback's eventKey", async () => {
		// the two translator-side comments of gengo-php's thread example (getTranslateJobComments.php), in one second:
		// Gengo's thread and comment callback carry no comment id, only time and text
		const ctime = now();
		const bodies = [
			'By the way, the context of this text is a game for kids!',
			"I see. So I guess I'll have to take care of vocabulary.",
		];
		const p = poller(gengo);
		await p.poll();
		gengo.job('500').comments = bodies.map((body) => ({ body, author: 'translator', ctime }));
		const { items } = await p.poll();
		const webhookKeys: unknown[] = [];
		for (const body of bodies) {
			const webhook = await deliverTo(new GengoTrigger())(
				withUrlToken({
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: { comment: JSON.stringify({ job_id: '500', body, ctime: String(ctime) }) },
				}),
			);
			webhookKeys.push(webhook.items[0].eventKey);
		}
		expect(items.map((i) => i.eventKey)).toEqual(webhookKeys);
		expect(new Set(webhookKeys).size).toBe(2);
		expect((await p.poll()).items).toEqual([]);
	});

	it('ignores, with a warning, a job the answer lists that it did not ask for', async () => {
		// job 400: submitted long before the look-back window, so never asked for
		gengo.jobs.push({ job_id: '400', status: 'pending', ctime: now() - 200 * 86400 });
		gengo.unrequestedJobs = ['400'];
		const p = poller(gengo);
		await p.poll();
		gengo.job('400').status = 'reviewable';
		gengo.job('400').body_tgt = 'Nicht angefragt.';
		const { items, calls } = await p.poll();
		expect(calls.find((c) => c.path.startsWith('/v2/translate/jobs/'))?.path).toBe(
			'/v2/translate/jobs/502,501,500',
		);
		expect(items).toEqual([]);
		expect(p.logs).toEqual(
			expect.arrayContaining([expect.stringMatching(/^warn: .*not asked for.*\(400\)/)]),
		);
	});

	it('reads comment threads only when comments are wanted, and only of unfinished jobs', async () => {
		const all = await poller(gengo).poll();
		expect(all.calls.filter((c) => c.path.endsWith('/comments')).map((c) => c.path)).toEqual([
			'/v2/translate/job/501/comments',
			'/v2/translate/job/500/comments',
		]);
		const noComments = await poller(gengo, {
			parameters: { events: ['approved', 'reviewable'] },
		}).poll();
		expect(noComments.calls.map((c) => c.path)).toEqual([
			'/v2/translate/jobs',
			'/v2/translate/jobs/502,501,500',
		]);
	});

	it('applies its event filter', async () => {
		const p = poller(gengo, { parameters: { events: ['approved'] } });
		await p.poll();
		gengo.nextEvent(); // 500 → pending: not wanted
		gengo.job('501').status = 'approved';
		expect((await p.poll()).items.map((i) => i.eventKey)).toEqual(['gengo:job:501:approved']);
	});

	it('lists the jobs submitted in the look-back window', async () => {
		const p = poller(gengo, { parameters: { lookBackDays: 2 } });
		const before = now();
		const { calls } = await p.poll();
		const after = Number(calls[0].query?.timestamp_after);
		expect(calls[0].path).toBe('/v2/translate/jobs');
		expect(calls[0].query).not.toHaveProperty('count');
		expect(before - 2 * 86400 - after).toBeLessThanOrEqual(0);
		expect(after - (now() - 2 * 86400)).toBeLessThanOrEqual(0);
	});

	it('with Start From, emits on the first poll the jobs submitted after it', async () => {
		const p = poller(gengo, {
			parameters: { startFrom: new Date((now() - 2700) * 1000).toISOString() },
		});
		expect((await p.poll()).items.map((i) => i.eventKey)).toEqual(['gengo:job:502:approved']);
	});

	it('"Fetch Test Event" in the editor shows the latest observation and records nothing', async () => {
		const p = poller(gengo, { mode: 'manual' });
		expect((await p.poll()).items.map((i) => i.jobId)).toEqual(['502']);
		expect(p.staticData).toEqual({});
	});

	it('a failing poll (Gengo down) changes nothing; the next good poll emits what was missed', async () => {
		const p = poller(gengo);
		await p.poll();
		gengo.nextEvent();
		gengo.rateLimit(10, 3600);
		await expect(p.poll()).rejects.toThrow('HTTP 429');
		gengo.rateLimit(0);
		// common/catchUp/engine.ts backs off for a minute after a failure; let that minute pass
		expect((await p.poll()).calls).toEqual([]);
		(p.staticData.catchUp as IDataObject).backoffUntil = Date.now() - 1;
		expect((await p.poll()).items.map((i) => i.eventKey)).toEqual(['gengo:job:500:pending']);
	});
});

describe('Gengo Catch-Up Trigger: bounds of one poll', () => {
	const jobs = 1200;
	let gengo: GengoSimulator;
	beforeAll(async () => {
		const base = now() - 86400;
		gengo = await simulator(
			Array.from({ length: jobs }, (_, i) => ({
				job_id: String(100000 + i),
				status: ['available', 'pending', 'reviewable', 'approved'][i % 4],
				ctime: base + i,
				body_tgt: `Text ${i}`,
				comments: [
					{ body: `Question ${i}`, author: 'translator', ctime: base + i + 60 },
					{ body: `Answer ${i}`, author: 'customer', ctime: base + i + 120 },
				],
			})),
		);
	});
	afterAll(async () => gengo.stop());

	it(`watches the ${GENGO_CATCH_UP_LIMITS.jobs} most recent jobs and ${GENGO_CATCH_UP_LIMITS.commentThreads} comment threads: at most 61 calls; says what it skipped`, async () => {
		const p = poller(gengo);
		const { calls } = await p.poll();
		const byIds = calls.filter((c) => c.path.startsWith('/v2/translate/jobs/'));
		const threads = calls.filter((c) => c.path.endsWith('/comments'));
		expect([calls.length, byIds.length, threads.length]).toEqual([61, 20, 40]);
		expect(calls.length).toBeLessThanOrEqual(CATCH_UP_LIMITS.calls);
		expect(byIds.every((c) => c.path.split('/').pop()!.split(',').length <= 50)).toBe(true);
		// the most recently submitted first: job 101199 is the newest, 100200 the 1000th
		expect(byIds[0].path).toMatch(/^\/v2\/translate\/jobs\/101199,101198,/);
		expect(byIds.at(-1)!.path).toMatch(/,100200$/);
		expect(p.logs.join('\n')).toContain(
			'1200 jobs were submitted in the last 30 days; only the 1000 most recent are watched',
		);
		// what n8n keeps in the workflow's static data for this: 1,000 jobs and 40 translator comments
		const seen = (p.staticData.catchUp as { seen: object }).seen;
		const bytes = JSON.stringify(p.staticData).length;
		expect(Object.keys(seen)).toHaveLength(1000 + 40);
		expect(bytes).toBeLessThan(110_000);
		process.stdout.write(
			`[gengo catch-up] one poll of ${jobs} jobs: ${calls.length} calls, static data ${bytes} bytes for ${Object.keys(seen).length} keys\n`,
		);
	});
});

describe('Gengo Catch-Up Trigger: a poll whose call budget runs out', () => {
	let gengo: GengoSimulator;
	const base = now() - 3600;
	beforeAll(async () => {
		// 120 jobs, submitted in pairs at the same second: the newest first, the higher id first within a second
		gengo = await simulator(
			Array.from({ length: 120 }, (_, i) => ({
				job_id: String(500 + i),
				status: 'pending',
				ctime: base + Math.floor(i / 2),
				comments: [{ body: `Question ${i}`, author: 'translator', ctime: base + i + 60 }],
			})),
		);
	});
	afterAll(async () => gengo.stop());

	const poll = async (calls: number) => {
		const fake = fakePollContext({
			nodeType: catchUp,
			credentials: { gengoApi: { environment: 'custom', baseUrl: gengo.baseUrl, ...KEYS } },
		});
		const before = gengo.requests.length;
		const listing = await gengoCatchUpSource(fake.ctx, new WorkBudget({ calls, ms: 60_000 }));
		return { listing, logs: fake.logs, calls: gengo.requests.slice(before).map((c) => c.path) };
	};

	it('reads the newest jobs first, stops when the budget is spent, and says it is incomplete', async () => {
		const { listing, logs, calls } = await poll(3);
		expect(calls).toHaveLength(3);
		expect(calls[1]).toMatch(/^\/v2\/translate\/jobs\/619,618,617,616,/);
		expect(calls[2]).toMatch(/,520$/);
		expect(listing.complete).toBe(false);
		expect(listing.observations.map((o) => o.key)).toHaveLength(100);
		expect(logs).toContain(
			"warn: Gengo Catch-Up Trigger: the poll's budget (3 calls, 60 s) ran out after 100 of 120 jobs",
		);
	});

	it('reads comment threads while the budget lasts, the most recent jobs first', async () => {
		const { listing, calls } = await poll(6);
		expect(calls.slice(4)).toEqual([
			'/v2/translate/job/619/comments',
			'/v2/translate/job/618/comments',
		]);
		expect(listing.complete).toBe(false);
		const comment = listing.observations.find((o) => o.key.startsWith('comment:619:'));
		expect(comment).toMatchObject({
			signature: 'seen',
			changedAt: new Date((base + 119 + 60) * 1000),
		});
		expect(comment!.key).toMatch(new RegExp(`^comment:619:${base + 119 + 60}:[A-Za-z0-9_-]{10}$`));
		const job = listing.observations.find((o) => o.key === 'job:619');
		expect(job!.changedAt).toEqual(new Date((base + 59) * 1000));
	});
});
