import type { PhraseSimulator } from '../../../simulators/phrase';
import { list, nodeRunner, startPhrase } from '../sendingWork';

/**
 * Job → Set Status against the Phrase simulator: the status in the API's naming, the job before and after.
 */
describe('Phrase TMS node: Job → Set Status', () => {
	let phrase: PhraseSimulator;
	beforeEach(async () => {
		phrase = await startPhrase();
	});
	afterEach(async () => phrase.stop());
	const { run, failure } = nodeRunner(() => phrase);
	const setStatus = (extra: Record<string, unknown> = {}) => ({
		resource: 'job',
		operation: 'setStatus',
		...extra,
	});

	it("sets the status (API naming), the job as it is after, with the status before; the trigger's ids by default", async () => {
		const { items } = await run(
			setStatus({ requestedStatus: 'DELIVERED', options: { notifyOwner: true } }),
			{ input: [{ projectId: 'prjSite', jobId: 'jobFr' }] },
		);
		expect(phrase.statusChanges).toEqual([
			{
				projectUid: 'prjSite',
				jobUid: 'jobFr',
				body: { requestedStatus: 'DELIVERED', notifyOwner: true },
			},
		]);
		expect(items).toEqual([
			{
				json: expect.objectContaining({
					projectId: 'prjSite',
					jobId: 'jobFr',
					previousStatus: 'NEW',
					status: 'DELIVERED',
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('as n8n adds it: Completed, no options sent; a job chosen by its Phrase URL', async () => {
		await run(
			setStatus({
				project: list('prjSite'),
				job: {
					__rl: true,
					mode: 'url',
					value: 'https://us.cloud.memsource.com/web/job/jobDe/translate',
				},
			}),
		);
		expect(phrase.statusChanges[0]).toEqual({
			projectUid: 'prjSite',
			jobUid: 'jobDe',
			body: { requestedStatus: 'COMPLETED' },
		});
	});

	it('a status Phrase cannot set (from an expression) names the field; nothing sent', async () => {
		const error = await failure(setStatus({ requestedStatus: 'FINISHED' }), {
			input: [{ projectId: 'prjSite', jobId: 'jobFr' }],
		});
		expect(error.message).toBe('Status: "FINISHED" is not a job status Phrase TMS can set');
		expect(phrase.statusChanges).toHaveLength(0);
	});

	it("refuses n8n's Retry On Fail, before anything is sent", async () => {
		const error = await failure(setStatus(), {
			input: [{ projectId: 'prjSite', jobId: 'jobFr' }],
			retryOnFail: true,
		});
		expect(error.message).toMatch(/^"Retry On Fail" is on, and a job's status change/);
		expect(phrase.requests).toEqual([]);
	});
});
