/**
 * The Gengo node, every operation, through a fake execute context against the Gengo simulator (signed requests,
 * Gengo's answers): what each outputs, what it refuses before calling, and Continue On Fail.
 */
import type { IDataObject } from 'n8n-workflow';

import { Gengo } from '../../nodes/Gengo/Gengo.node';
import { fakeExecuteContext, type FakeNodeOptions } from '../helpers/fakeContext';
import { GengoSimulator } from '../simulators/gengo';

const KEYS = { publicKey: 'node-public', privateKey: 'node-private-key' };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FILE_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10, 0x80]);

let gengo: GengoSimulator;
beforeAll(async () => {
	gengo = await new GengoSimulator({
		...KEYS,
		jobs: [
			{
				job_id: '384985',
				status: 'reviewable',
				ctime: 1767225600,
				body_tgt: 'Zweite Fassung.',
				callback_url: 'https://n8n.example.com/webhook/abc/gengo?token=Secret-token-0123456789',
				comments: [
					{ body: 'Is "hero" a proper noun?', author: 'translator', ctime: 1767225600 },
					{ body: 'Yes.', author: 'customer', ctime: 1767229200 },
				],
				revisions: [
					{ rev_id: '3333756', ctime: 1767225600, body_tgt: 'Erste Fassung.' },
					{ rev_id: '3333759', ctime: 1767229200, body_tgt: 'Zweite Fassung.' },
				],
				feedback: { rating: '3.0', for_translator: 'Thanks, nice translation.' },
			},
			{
				job_id: '384986',
				status: 'approved',
				ctime: 1767312000,
				style: 'numbers',
				file: {
					name: 'brochure de.docx',
					content: FILE_BYTES,
					contentType: DOCX,
				},
			},
			{
				job_id: '384987',
				status: 'approved',
				ctime: 1767398400,
				file: {
					name: 'named-by-link.txt',
					content: 'Hallo Welt',
					contentType: 'text/plain; charset=utf-8',
					contentDisposition: "attachment; filename*=UTF-8''%C3%9Cbersetzung.txt",
				},
			},
			{ job_id: '384988', status: 'pending', ctime: 1767484800 },
			{
				job_id: '384989',
				status: 'reviewable',
				ctime: 1767571200,
				file: {
					name: 'later.txt',
					content: 'ready now',
					contentType: 'text/plain',
					notReadyFor: 1,
				},
			},
			{
				job_id: '384990',
				status: 'approved',
				ctime: 1767657600,
				extra: { file_url_tgt: 'http://files.gengo.example/x.docx', file_download_ready: true },
			},
			{ job_id: '384991', status: 'canceled', ctime: 1767744000 },
		],
	}).start();
});
afterAll(async () => gengo.stop());

const node = new Gengo();
const credentials = () => ({
	gengoApi: { environment: 'custom', baseUrl: gengo.baseUrl, ...KEYS },
});

async function run(parameters: Record<string, unknown>, options: FakeNodeOptions = {}) {
	const fake = fakeExecuteContext({
		nodeType: node,
		credentials: credentials(),
		...options,
		parameters,
	});
	const before = gengo.requests.length;
	const output = await fake.execute();
	return {
		items: output[0].map((item) => item.json),
		output: output[0],
		fake,
		calls: gengo.requests.slice(before),
	};
}

const job = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'job',
	operation,
	jobId: '384985',
	...extra,
});

describe('Gengo node: description', () => {
	it('is usable as a tool, on the router, with actions without articles', () => {
		expect(node.description.usableAsTool).toBe(true);
		const actions = node.description.properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options as Array<{ action: string }>).map((o) => o.action));
		expect(actions.sort()).toEqual([
			'Add job comment',
			'Approve job',
			'Cancel order',
			'Create order',
			'Download target file',
			'Get account balance',
			'Get account statistics',
			'Get job',
			'Get job comments',
			'Get job feedback',
			'Get job revision',
			'Get job revisions',
			'Get many jobs',
			'Get order',
			'Get order quote',
			'Reject job',
			'Request job revision',
		]);
		for (const action of actions) expect(action).not.toMatch(/\b(a|an|the)\b/i);
	});

	it('fills Job ID with the incoming item by default (an expression, not a placeholder)', () => {
		const jobIds = node.description.properties.filter((p) => p.name === 'jobId');
		// the reads and downloads, and Approve, Request Revision, Reject and Add Comment
		expect(jobIds.length).toBe(10);
		for (const p of jobIds) {
			expect(p.default).toBe('={{ $json.jobId ?? $json.job_id }}');
			expect(p.placeholder).toBeUndefined();
		}
	});
});

describe('Gengo node: job operations', () => {
	it('Get: the job, typed, callback_url without the token, from a signed call', async () => {
		const { items, calls } = await run(job('get'));
		expect(items).toEqual([
			expect.objectContaining({
				job_id: '384985',
				order_id: '54632',
				status: 'reviewable',
				unit_count: 1,
				credits: 0.05,
				eta: null,
				auto_approve: false,
				custom_data: '1234567',
				body_tgt: 'Zweite Fassung.',
				callback_url: 'https://n8n.example.com/webhook/abc/gengo?token=***',
			}),
		]);
		expect(calls).toEqual([{ path: '/v2/translate/job/384985', signed: true, query: {} }]);
	});

	it('Get: reads the Job ID of the incoming item when the parameter holds it', async () => {
		const { items } = await run(job('get', { jobId: ' 384988 ' }));
		expect(items[0]).toMatchObject({ job_id: '384988', status: 'pending' });
	});

	it("as n8n adds it after the Gengo Trigger, reads each item's job id (jobId, else Gengo's job_id)", async () => {
		const { items, calls } = await run(
			{ resource: 'job', operation: 'get' },
			{ input: [{ jobId: '384985' }, { job_id: 384988 }] },
		);
		expect(items.map((i) => [i.job_id, i.status])).toEqual([
			['384985', 'reviewable'],
			['384988', 'pending'],
		]);
		expect(calls.map((c) => c.path)).toEqual([
			'/v2/translate/job/384985',
			'/v2/translate/job/384988',
		]);
	});

	it.each(['', '384985, 384986', '../384985', '384985/comments', 'abc'])(
		'refuses the Job ID %j before any call',
		async (jobId) => {
			const before = gengo.requests.length;
			await expect(run(job('get', { jobId }))).rejects.toThrow(/not a valid Gengo job ID/);
			expect(gengo.requests.length).toBe(before);
		},
	);

	it('Get Many by IDs: one item per job, ids checked, duplicates once, batches of 50', async () => {
		const { items, calls } = await run(
			job('getMany', { source: 'ids', jobIds: '384985, 384986\n384985' }),
		);
		expect(items.map((j) => [j.job_id, j.status])).toEqual([
			['384985', 'reviewable'],
			['384986', 'approved'],
		]);
		expect(calls.map((c) => c.path)).toEqual(['/v2/translate/jobs/384985,384986']);
		await expect(run(job('getMany', { source: 'ids', jobIds: '1, x/2' }))).rejects.toThrow(
			'"x/2" is not a Gengo job ID',
		);
	});

	it('Get Many recent: status filter and limit as Gengo takes them, then the full jobs', async () => {
		const { items, calls } = await run(
			job('getMany', { source: 'recent', limit: 5, filters: { status: 'approved' } }),
		);
		expect(items.map((j) => j.job_id)).toEqual(['384990', '384987', '384986']);
		expect(calls[0]).toMatchObject({
			path: '/v2/translate/jobs',
			query: { status: 'approved', count: '5' },
		});
		expect(calls[1].path).toBe('/v2/translate/jobs/384990,384987,384986');
	});

	it('Get Many recent: a saved "cancelled" filter is sent as Gengo\'s "canceled"', async () => {
		const { items, calls } = await run(
			job('getMany', {
				source: 'recent',
				limit: 5,
				filters: { status: 'cancelled' },
				fullJobs: false,
			}),
		);
		expect(calls[0].query).toMatchObject({ status: 'canceled' });
		expect(items).toEqual([{ job_id: '384991', ctime: 1767744000 }]);
	});

	it('Get Many recent, Return All: every job submitted after the date, without a count', async () => {
		const { items, calls } = await run(
			job('getMany', {
				source: 'recent',
				returnAll: true,
				filters: { createdAfter: '2026-01-03T00:00:00Z' },
				fullJobs: false,
			}),
		);
		expect(calls[0].query).toEqual({ timestamp_after: '1767398400' });
		expect(items.map((j) => j.job_id)).toEqual(['384991', '384990', '384989', '384988']);
		await expect(
			run(job('getMany', { source: 'recent', returnAll: true, filters: {} })),
		).rejects.toThrow('Return All needs a "Created After" filter');
	});

	it('Get Many recent: Created After is UTC unless it gives its zone; one that is no date fails naming it', async () => {
		for (const createdAfter of ['2026-01-03T00:00:00', '2026-01-03', '2026-01-03T09:00:00+09:00']) {
			const { calls } = await run(
				job('getMany', {
					source: 'recent',
					returnAll: true,
					filters: { createdAfter },
					fullJobs: false,
				}),
			);
			expect([createdAfter, calls[0].query]).toEqual([
				createdAfter,
				{ timestamp_after: '1767398400' },
			]);
		}
		// V8's Date.parse reads "12.5.3" as 2003-12-05: every job since then would be listed
		await expect(
			run(
				job('getMany', {
					source: 'recent',
					returnAll: true,
					filters: { createdAfter: '12.5.3' },
					fullJobs: false,
				}),
			),
		).rejects.toThrow(/^Created After "12\.5\.3" is not a date and time/);
	});

	it('Get Comments: one item per comment of the thread', async () => {
		const { items } = await run(job('getComments'));
		expect(items).toEqual([
			{
				job_id: '384985',
				body: 'Is "hero" a proper noun?',
				author: 'translator',
				ctime: 1767225600,
			},
			{ job_id: '384985', body: 'Yes.', author: 'customer', ctime: 1767229200 },
		]);
	});

	it('Get Revisions and Get Revision (GET /translate/job/{id}/revision/{rev_id})', async () => {
		expect((await run(job('getRevisions'))).items).toEqual([
			{ job_id: '384985', ctime: 1767225600, rev_id: '3333756' },
			{ job_id: '384985', ctime: 1767229200, rev_id: '3333759' },
		]);
		const { items, calls } = await run(job('getRevision', { revisionId: '3333756' }));
		expect(items).toEqual([
			{ job_id: '384985', rev_id: '3333756', ctime: 1767225600, body_tgt: 'Erste Fassung.' },
		]);
		expect(calls.map((c) => c.path)).toEqual(['/v2/translate/job/384985/revision/3333756']);
		await expect(run(job('getRevision', { revisionId: '1' }))).rejects.toThrow(
			'unauthorized revision access (code 2200)',
		);
		await expect(run(job('getRevision', { revisionId: '../feedback' }))).rejects.toThrow(
			'is not a valid Gengo revision ID',
		);
	});

	it('Get Feedback: the rating and the comment for the translator', async () => {
		expect((await run(job('getFeedback'))).items).toEqual([
			{ job_id: '384985', rating: '3.0', for_translator: 'Thanks, nice translation.' },
		]);
		expect((await run(job('getFeedback', { jobId: '384988' }))).items).toEqual([
			{ job_id: '384988', rating: '0.0', for_translator: null },
		]);
	});

	it('an unknown job: Gengo\'s "Not Found" (opstat error, HTTP 200) as the error', async () => {
		await expect(run(job('get', { jobId: '1' }))).rejects.toThrow(
			'Gengo GET /translate/job/1 failed: Not Found (code 404)',
		);
	});

	it('a 429 is waited out by the client (Retry-After) and the call repeated', async () => {
		gengo.rateLimit(1, 0);
		const { items, calls } = await run(job('get'));
		expect(items[0].job_id).toBe('384985');
		expect(calls.map((c) => c.path)).toEqual([
			'/v2/translate/job/384985',
			'/v2/translate/job/384985',
		]);
	});
});

describe('Gengo node: Download Target File', () => {
	const download = (jobId: string, options: IDataObject = {}) =>
		run(job('downloadTargetFile', { jobId, binaryPropertyName: 'translated', options }));

	it("streams the file's exact bytes with the link's file name and type, without our keys", async () => {
		const { output, fake } = await download('384986');
		expect(output[0].json).toMatchObject({ job_id: '384986', status: 'approved' });
		expect(output[0].binary?.translated).toMatchObject({
			fileName: 'brochure de.docx',
			mimeType: DOCX,
		});
		expect(fake.binaries.map((b) => b.buffer)).toEqual([FILE_BYTES]);
		const fileRequest = fake.requests.find((r) => r.url.includes('/files/'))!;
		expect(fileRequest.url).toBe(`${gengo.url}/files/brochure%20de.docx`);
		expect(Object.keys(fileRequest.headers).map((h) => h.toLowerCase())).not.toContain(
			'authorization',
		);
	});

	it('takes the file name from Content-Disposition when the link sends one', async () => {
		const { output, fake } = await download('384987');
		expect(output[0].binary?.translated).toMatchObject({
			fileName: 'Übersetzung.txt',
			mimeType: 'text/plain',
		});
		expect(fake.binaries[0].buffer.toString()).toBe('Hallo Welt');
	});

	it('waits while Gengo prepares the file (file_download_ready false), then downloads it', async () => {
		const { fake, calls } = await download('384989', { timeout: 30 });
		expect(fake.binaries[0].buffer.toString()).toBe('ready now');
		expect(calls.map((c) => c.path)).toEqual([
			'/v2/translate/job/384989',
			'/v2/translate/job/384989',
		]);
	});

	it('gives up after the Timeout with an error naming the file', async () => {
		gengo.job('384989').file!.notReadyFor = 100;
		await expect(download('384989', { timeout: 1 })).rejects.toThrow(
			'The translated file of Gengo job 384989 did not finish within 1 s',
		);
		gengo.job('384989').file!.notReadyFor = 0;
	});

	it('refuses a link that is not https (nothing fetched in clear text)', async () => {
		const { ctx, requests } = fakeExecuteContext({
			nodeType: node,
			credentials: credentials(),
			parameters: job('downloadTargetFile', { jobId: '384990', binaryPropertyName: 'data' }),
		});
		await expect(node.execute.call(ctx)).rejects.toThrow(
			'"http://files.gengo.example" is not https',
		);
		expect(requests.some((r) => r.url.includes('files.gengo.example'))).toBe(false);
	});

	// Gengo's callback page (https://developers.gengo.com/v2/callback_urls/): the callback's file_url_tgt "is different
	// from the url you get from a GET on file jobs in Job(GET), which is src_file_link"
	describe('when Job GET has no file_url_tgt (only file_url_src, as the callback page describes)', () => {
		const fileJob = {
			job_id: '384992',
			status: 'approved',
			order_id: '99999',
			file: { name: 'from-callback.txt', content: 'Aus dem Callback', contentType: 'text/plain' },
			extra: { file_url_tgt: undefined },
		};
		beforeAll(() => gengo.jobs.push(fileJob));
		afterAll(() => gengo.jobs.splice(gengo.jobs.indexOf(fileJob), 1));
		const link = () => `${gengo.url}/files/from-callback.txt`;

		it("downloads from File URL (the trigger item's fileUrl)", async () => {
			const { output, fake, calls } = await run(
				job('downloadTargetFile', {
					jobId: '384992',
					binaryPropertyName: 'data',
					fileUrl: link(),
				}),
			);
			expect(calls.map((c) => c.path)).toEqual(['/v2/translate/job/384992']);
			expect(output[0].json).toMatchObject({ job_id: '384992', status: 'approved' });
			expect(output[0].json).not.toHaveProperty('file_url_tgt');
			expect(fake.binaries.map((b) => b.buffer.toString())).toEqual(['Aus dem Callback']);
			expect(output[0].binary?.data).toMatchObject({ fileName: 'from-callback.txt' });
		});

		it('without File URL: an error saying what to give', async () => {
			await expect(
				run(job('downloadTargetFile', { jobId: '384992', binaryPropertyName: 'data' })),
			).rejects.toThrow("Gengo's Job GET gave no file_url_tgt and no File URL was given");
		});

		it("Job GET's own file_url_tgt wins over File URL", async () => {
			const { fake } = await run(
				job('downloadTargetFile', {
					jobId: '384987',
					binaryPropertyName: 'data',
					fileUrl: link(),
				}),
			);
			expect(fake.binaries.map((b) => b.buffer.toString())).toEqual(['Hallo Welt']);
		});

		it('a job not translated yet fails as before, File URL or not', async () => {
			await expect(
				run(
					job('downloadTargetFile', {
						jobId: '384988',
						binaryPropertyName: 'data',
						fileUrl: link(),
					}),
				),
			).rejects.toThrow('Job 384988 has no translated file yet (status pending)');
		});
	});

	it.each([
		['384985', 'Job 384985 has no translated file: it is not a file job'],
		['384988', 'Job 384988 has no translated file yet (status pending)'],
	])('job %s: a clear error', async (jobId, message) => {
		await expect(download(jobId)).rejects.toThrow(message);
	});
});

describe('Gengo node: order and account', () => {
	it("Get Order: the order's jobs grouped under Gengo's keys", async () => {
		const { items } = await run({ resource: 'order', operation: 'get', orderId: '54632' });
		expect(items[0]).toMatchObject({
			order_id: '54632',
			jobs_reviewable: ['384985', '384989'],
			jobs_approved: ['384986', '384987', '384990'],
			jobs_pending: ['384988'],
			jobs_cancelled: ['384991'],
			jobs_held: [],
			jobs_queued: 0,
		});
	});

	it('Get Balance and Get Stats: the account answers', async () => {
		expect((await run({ resource: 'account', operation: 'getBalance' })).items).toEqual([
			{ credits: 123.45, currency: 'USD' },
		]);
		expect((await run({ resource: 'account', operation: 'getStats' })).items).toEqual([
			expect.objectContaining({ credits_spent: '0.35', user_since: 1420216747 }),
		]);
	});
});

describe('Gengo node: several items and Continue On Fail', () => {
	const input = [{ jobId: '384985' }, { jobId: '1' }, { jobId: 'nope' }, { jobId: '384988' }];
	const itemParameters = input.map(({ jobId }) => ({ jobId }));

	it('runs once per item, each output paired with its input', async () => {
		const fake = fakeExecuteContext({
			nodeType: node,
			credentials: credentials(),
			parameters: job('get'),
			input: [input[0], input[3]],
			itemParameters: [itemParameters[0], itemParameters[3]],
		});
		const [items] = await fake.execute();
		expect(items.map((i) => [i.json.job_id, i.pairedItem])).toEqual([
			['384985', { item: 0 }],
			['384988', { item: 1 }],
		]);
	});

	it('with Continue On Fail, a failing item carries the error and the others run', async () => {
		const fake = fakeExecuteContext({
			nodeType: node,
			credentials: credentials(),
			parameters: job('get'),
			input,
			itemParameters,
			continueOnFail: true,
		});
		const [items] = await fake.execute();
		expect(items.map((i) => [i.json.job_id ?? i.json.error, i.pairedItem])).toEqual([
			['384985', { item: 0 }],
			['Gengo GET /translate/job/1 failed: Not Found (code 404)', { item: 1 }],
			['"nope" is not a valid Gengo job ID', { item: 2 }],
			['384988', { item: 3 }],
		]);
		expect(items[2].json.description).toContain('Check the Gengo job ID');
	});

	it('without it, the first failure stops the node with an API error carrying the item index', async () => {
		const fake = fakeExecuteContext({
			nodeType: node,
			credentials: credentials(),
			parameters: job('get'),
			input,
			itemParameters,
		});
		await expect(fake.execute()).rejects.toMatchObject({
			message: 'Gengo GET /translate/job/1 failed: Not Found (code 404)',
			context: { itemIndex: 1 },
		});
	});
});
