/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { phraseJobWebhook, phraseSampleJobPart } from '../fixtures/samples/phrase';
import { DELIVERY_LIMITS } from '../../nodes/common/delivery/workBudget';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { PHRASE_LOOKUP_LIMITS } from '../../nodes/Phrase/lookups';
import { PHRASE_WEBHOOK_TOKEN } from '../../nodes/Phrase/registration';
import { deliverWithDerivedSecret } from '../helpers/derivedSecret';
import { deliverTo, type FakeRequest } from '../helpers/webhookContext';
import { PhraseSimulator, type PhraseSimJob } from '../simulators/phrase';

/**
 * What the trigger asks Phrase's API for a delivery ("Fetch Full Job", "Only When All Jobs in the Project
 * Reached"), through the fake webhook context against the Phrase simulator: the right jobs, and never more work
 * than the delivery's limits (README "Bounded work").
 */
/** Stands for the token registration derived from the Phrase credential (deliverWithDerivedSecret). */
const TOKEN = 'phrase-registered-token-0123456789';
const deliver = deliverWithDerivedSecret(
	deliverTo(new PhraseTrigger()),
	PHRASE_WEBHOOK_TOKEN,
	TOKEN,
	{},
);

const jobs = (n: number, status: string, workflowLevel = 1, prefix = 'j'): PhraseSimJob[] =>
	Array.from({ length: n }, (_, i) => ({
		uid: `${prefix}${workflowLevel}x${i}`,
		status,
		workflowLevel,
	}));

describe('Phrase TMS Trigger lookups', () => {
	let phrase: PhraseSimulator;
	beforeAll(async () => {
		phrase = await new PhraseSimulator({
			userName: 'pm',
			password: 'pw',
			projects: {
				// step 1 done, step 2 not yet
				'prj-TwoSteps': [
					...jobs(3, 'COMPLETED', 1),
					...jobs(2, 'COMPLETED', 2),
					...jobs(1, 'NEW', 2),
				],
				// a project as large as Phrase allows: 10,000 jobs, all completed
				'prj-Huge': jobs(10_000, 'COMPLETED', 1, 'h'),
				'prj-Wide': jobs(120, 'COMPLETED', 1, 'w'),
				...Object.fromEntries(
					Array.from({ length: 12 }, (_, i) => [`prj-Many${i}`, jobs(2, 'COMPLETED', 1, `m${i}`)]),
				),
			},
		}).start();
	});
	afterAll(async () => phrase.stop());

	const request = (body: unknown, nodeParameters: Record<string, unknown>): FakeRequest => ({
		headers: { 'content-type': 'application/json', 'x-memsource-token': TOKEN },
		body,
		staticData: { webhookUid: 'wh-1', url: 'https://n8n.example/x' },
		nodeParameters,
		credentials: {
			phraseApi: {
				region: 'custom',
				baseUrl: phrase.baseUrl,
				authType: 'password',
				userName: 'pm',
				password: 'pw',
			},
		},
	});
	const completedIn = (projectUid: string, workflowLevel: number, jobUid = 'x') =>
		phraseJobWebhook('JOB_STATUS_CHANGED', [
			phraseSampleJobPart({ jobUid, projectUid, workflowLevel, lastWorkflowLevel: 2 }),
		]);
	const allJobs = { allJobsStatus: 'api:COMPLETED' };
	/** The API calls a delivery made (after logging in once). */
	const callsDuring = async (run: () => Promise<unknown>) => {
		const before = phrase.requests.length;
		await run();
		return phrase.requests.slice(before);
	};

	it('"all jobs reached" counts the jobs of the changed job\'s workflow step, not step 1', async () => {
		const step2 = await deliver(request(completedIn('prj-TwoSteps', 2, 'j2x0'), allJobs));
		expect([step2.status, step2.items.length, step2.body.workflowStarted]).toEqual([200, 0, false]);
		const step1 = await deliver(request(completedIn('prj-TwoSteps', 1, 'j1x0'), allJobs));
		expect(step1.items).toEqual([
			expect.objectContaining({
				projectId: 'prj-TwoSteps',
				allJobsReachedStatus: 'COMPLETED',
				allJobsChecked: true,
				workflowLevel: 1,
				jobCount: 3,
				jobsComplete: true,
				eventKey: 'phrase:allJobsReached:prj-TwoSteps:1:COMPLETED',
			}),
		]);
		expect((step1.items[0].jobs as Array<{ uid: string }>).map((j) => j.uid)).toEqual([
			'j1x0',
			'j1x1',
			'j1x2',
		]);
		const asked = phrase.requests.filter((r) => r.path === '/api2/v2/projects/prj-TwoSteps/jobs');
		expect(asked.every((r) => /[?&]workflowLevel=[12](&|$)/.test(r.query))).toBe(true);
		expect(asked.some((r) => /workflowLevel=2/.test(r.query))).toBe(true);
	});

	it('a project of 10,000 jobs: two counts and at most 10 pages, not 200', async () => {
		const calls = await callsDuring(async () => {
			const { items } = await deliver(request(completedIn('prj-Huge', 1, 'h1x5'), allJobs));
			expect(items[0]).toMatchObject({
				jobCount: 10_000,
				jobsComplete: false,
				allJobsChecked: true,
			});
			expect((items[0].jobs as unknown[]).length).toBe(PHRASE_LOOKUP_LIMITS.listedJobs);
		});
		const listings = calls.filter((r) => r.path === '/api2/v2/projects/prj-Huge/jobs');
		expect(listings.length).toBe(2 + PHRASE_LOOKUP_LIMITS.listedJobs / 50 - 1);
	});

	it('12 projects in one delivery: 10 checked, 2 emitted unchecked rather than lost', async () => {
		const body = phraseJobWebhook(
			'JOB_STATUS_CHANGED',
			Array.from({ length: 12 }, (_, i) =>
				phraseSampleJobPart({ jobUid: `m${i}1x0`, projectUid: `prj-Many${i}` }),
			),
		);
		const calls = await callsDuring(async () => {
			const { items } = await deliver(request(body, allJobs));
			expect(items.filter((i) => i.allJobsChecked === true)).toHaveLength(10);
			const unchecked = items.filter((i) => i.allJobsChecked === false);
			expect(unchecked.map((i) => i.projectId)).toEqual(['prj-Many10', 'prj-Many11']);
			expect(unchecked[0]).toMatchObject({
				allJobsReachedStatus: null,
				allJobsCheckSkipped: expect.stringContaining('at most 10 projects'),
				jobParts: [expect.objectContaining({ uid: 'm101x0' })],
			});
		});
		expect(calls.length).toBeLessThanOrEqual(DELIVERY_LIMITS.calls);
	});

	it('"Fetch Full Job" for 60 parts: 50 lookups, 10 items flagged, none lost', async () => {
		const body = phraseJobWebhook(
			'JOB_STATUS_CHANGED',
			Array.from({ length: 60 }, (_, i) =>
				phraseSampleJobPart({ jobUid: `w1x${i}`, projectUid: 'prj-Wide' }),
			),
		);
		const calls = await callsDuring(async () => {
			const { status, items } = await deliver(request(body, { fetchFullJob: true }));
			expect([status, items.length]).toEqual([200, 60]);
			const fetched = items.filter((i) => i.job);
			const skipped = items.filter((i) => i.jobLookupSkipped);
			expect([fetched.length, skipped.length]).toEqual([DELIVERY_LIMITS.calls, 10]);
			expect(fetched[0].job).toMatchObject({ uid: fetched[0].jobId, status: 'COMPLETED' });
			expect(skipped[0].jobLookupSkipped).toMatch(/lookup limit \(50 Phrase API calls, 20 s\)/);
		});
		expect(calls.filter((r) => r.path.startsWith('/api2/v1/projects/prj-Wide/jobs/'))).toHaveLength(
			DELIVERY_LIMITS.calls,
		);
	});

	it('a 429 during a lookup is not waited out: 503, and Phrase retries the delivery', async () => {
		// one 429: had the trigger waited it out, its second try would have found the job (200)
		phrase.rateLimitNext(1, 1);
		const { status, items } = await deliver(
			request(completedIn('prj-TwoSteps', 1, 'j1x0'), { fetchFullJob: true }),
		);
		expect([status, items.length]).toEqual([503, 0]);
	});

	it('a job part without project uid is emitted, flagged, without a lookup', async () => {
		const part = { ...phraseSampleJobPart({ jobUid: 'lonely' }), project: null };
		const { items } = await deliver(
			request(phraseJobWebhook('JOB_STATUS_CHANGED', [part]), { fetchFullJob: true }),
		);
		expect(items[0]).toMatchObject({
			jobId: 'lonely',
			jobLookupSkipped: 'the job part names no project uid',
		});
	});
});
