import type { PhraseSimulator } from '../../../simulators/phrase';
import { nodeRunner, sha256, SOURCE, startPhrase } from '../sendingWork';

/**
 * Job → Update Source against the Phrase simulator: the new file for the job (and the same file's other jobs),
 * Phrase's documented restrictions checked first, sent once when Phrase fails after receipt.
 */
describe('Phrase TMS node: Job → Update Source', () => {
	let phrase: PhraseSimulator;
	beforeEach(async () => {
		phrase = await startPhrase();
	});
	afterEach(async () => phrase.stop());
	const { run, failure } = nodeRunner(() => phrase);
	const update = (extra: Record<string, unknown> = {}) => ({
		resource: 'job',
		operation: 'updateSource',
		...extra,
	});

	it("by default the incoming item's project and job; the other languages' jobs by option; one item per job", async () => {
		const { items } = await run(update({ options: { moreJobs: 'jobFr', preTranslate: true } }), {
			input: [{ projectId: 'prjSite', jobId: 'jobDe' }],
		});
		expect(phrase.sourceUpdates).toHaveLength(1);
		expect(phrase.sourceUpdates[0]).toMatchObject({
			projectUid: 'prjSite',
			fileName: 'Produktübersicht (v2).html',
			sha256: sha256(SOURCE),
		});
		expect(phrase.sourceUpdates[0].metadata).toEqual({
			jobs: [{ uid: 'jobDe' }, { uid: 'jobFr' }],
			preTranslate: true,
		});
		expect(items.map((i) => [i.json.jobId, i.json.targetLang])).toEqual([
			['jobDe', 'de'],
			['jobFr', 'fr'],
		]);
		expect(phrase.jobsOf('prjSite')[0].original?.equals(SOURCE)).toBe(true);
	});

	it("Phrase's restrictions are checked first and name the field: a later workflow step, a completed job, a .zip", async () => {
		const at = (job: string) => ({ input: [{ projectId: 'prjSite', jobId: job }] });
		expect((await failure(update(), at('jobDe2'))).message).toContain(
			'Job: jobDe2 is a job of workflow step 2',
		);
		expect((await failure(update(), at('jobDone'))).message).toContain('Job: jobDone is COMPLETED');
		const zip = await failure(update(), {
			...at('jobDe'),
			binary: [{ data: { data: SOURCE, fileName: 'site.zip' } }],
		});
		expect(zip.message).toContain('Input Binary Field: "site.zip" is a .zip file');
		const badUid = await failure(update({ options: { moreJobs: 'jobFr, ../x' } }), at('jobDe'));
		expect(badUid.message).toBe('Options: More Job UIDs: "../x" is not a Phrase job UID');
		expect(phrase.sourceUpdates).toHaveLength(0);
	});

	it('Phrase failing after it received the new source: sent once, an error saying where to check', async () => {
		phrase.failAfterReceipt('status500');
		const error = await failure(update(), { input: [{ projectId: 'prjSite', jobId: 'jobDe' }] });
		expect(error.message).toContain('may have received the request');
		expect(error.description).toContain('Job → Get on jobDe');
		expect(phrase.sourceUpdates).toHaveLength(1);
	});

	it("refuses n8n's Retry On Fail, before anything is sent", async () => {
		const error = await failure(update(), {
			input: [{ projectId: 'prjSite', jobId: 'jobDe' }],
			retryOnFail: true,
		});
		expect(error.message).toMatch(/^"Retry On Fail" is on, and a new source file/);
		expect(phrase.requests).toEqual([]);
	});
});
