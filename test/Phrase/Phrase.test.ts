import type { IDataObject } from 'n8n-workflow';

import { Phrase } from '../../nodes/Phrase/Phrase.node';
import { fakeExecuteContext } from '../helpers/fakeContext';
import { PhraseSimulator } from '../simulators/phrase';

/**
 * The Phrase TMS node's operations through the fake execute context against the Phrase simulator: what each asks
 * Phrase, what comes out (JSON, and files as binary data with Phrase's file name and the exact bytes), errors.
 */
const node = new Phrase();
const TARGET = Buffer.from('<h1>Produktseite</h1>\n<p>Größe: 42 — ✓</p>\n', 'utf8');
const ORIGINAL = Buffer.from('<h1>Product page</h1>\n<p>Size: 42</p>\n', 'utf8');

describe('Phrase TMS node', () => {
	let phrase: PhraseSimulator;
	beforeAll(async () => {
		phrase = await new PhraseSimulator({
			userName: 'pm',
			password: 'pw',
			asyncPolls: 2,
			projects: {
				prjWebsite: [
					{
						uid: 'jobDe1',
						status: 'COMPLETED',
						targetLang: 'de',
						filename: 'product-page.html',
						target: TARGET,
						original: ORIGINAL,
					},
					{ uid: 'jobFr1', status: 'NEW', targetLang: 'fr', filename: 'product-page.html' },
					{ uid: 'jobDe2', status: 'COMPLETED', targetLang: 'de', workflowLevel: 2 },
					{ uid: 'jobBroken', status: 'COMPLETED', targetLang: 'cs', exportError: 'EXPORT_FAILED' },
					...Array.from({ length: 70 }, (_, i) => ({ uid: `bulk${i}`, status: 'NEW' })),
				],
				prjOther: [{ uid: 'o1', status: 'NEW' }],
			},
			projectInfo: {
				prjWebsite: { name: 'Website 2026', status: 'ASSIGNED' },
				prjOther: { name: 'Brochure', status: 'COMPLETED' },
			},
		}).start();
	});
	afterAll(async () => phrase.stop());

	const run = async (parameters: Record<string, unknown>, input: IDataObject[] = [{}]) => {
		const fake = fakeExecuteContext({
			nodeType: node,
			parameters,
			input,
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
		const [items] = await fake.execute();
		return { items, ...fake };
	};

	it('is usable as a tool, with job and project operations named without articles', () => {
		expect(node.description.usableAsTool).toBe(true);
		const operations = node.description.properties.filter((p) => p.name === 'operation');
		const actions = operations.flatMap((p) =>
			(p.options as Array<{ action: string }>).map((o) => o.action),
		);
		expect(actions.sort()).toEqual([
			'Create jobs from file',
			'Create project',
			'Download bilingual file',
			'Download original file',
			'Download target file',
			'Get job',
			'Get many jobs',
			'Get many projects',
			'Get project',
			'Set job status',
			'Update job source',
		]);
		const defaults = node.description.properties
			.filter((p) => ['projectUid', 'jobUid'].includes(p.name))
			.map((p) => p.default);
		expect(new Set(defaults)).toEqual(new Set(['={{ $json.projectId }}', '={{ $json.jobId }}']));
	});

	it('Job → Get', async () => {
		const { items } = await run({
			resource: 'job',
			operation: 'get',
			projectUid: 'prjWebsite',
			jobUid: 'jobDe1',
		});
		expect(items).toEqual([
			{
				json: expect.objectContaining({ uid: 'jobDe1', status: 'COMPLETED', targetLang: 'de' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	it("Job → Get as n8n adds it after the trigger: the project and job ids of the trigger's item", async () => {
		const { items } = await run({ resource: 'job', operation: 'get' }, [
			{ projectId: 'prjWebsite', jobId: 'jobDe1' },
			{ projectId: 'prjWebsite', jobId: 'jobFr1' },
		]);
		expect(items.map((i) => [i.json.uid, i.pairedItem])).toEqual([
			['jobDe1', { item: 0 }],
			['jobFr1', { item: 1 }],
		]);
	});

	it('Job → Get Many: status by API name, target language, workflow level; limit and all', async () => {
		const uids = async (parameters: Record<string, unknown>) =>
			(
				await run({
					resource: 'job',
					operation: 'getMany',
					projectUid: 'prjWebsite',
					...parameters,
				})
			).items.map((i) => i.json.uid);
		expect(
			await uids({ returnAll: true, filters: { status: ['COMPLETED'], targetLang: 'de' } }),
		).toEqual(['jobDe1']);
		expect(await uids({ returnAll: true, filters: { workflowLevel: 2 } })).toEqual(['jobDe2']);
		expect(await uids({ limit: 3 })).toEqual(['jobDe1', 'jobFr1', 'jobBroken']);
		expect(await uids({ returnAll: true })).toHaveLength(73);
		expect(phrase.requests.at(-1)?.query).toBe('?pageNumber=1&pageSize=50');
	});

	it('Project → Get and Get Many (by name, by status)', async () => {
		const get = await run({ resource: 'project', operation: 'get', projectUid: 'prjOther' });
		expect(get.items[0].json).toMatchObject({ uid: 'prjOther', name: 'Brochure' });
		const names = async (filters: IDataObject) =>
			(
				await run({ resource: 'project', operation: 'getMany', returnAll: true, filters })
			).items.map((i) => i.json.name);
		expect(await names({ name: 'web' })).toEqual(['Website 2026']);
		expect(await names({ statuses: ['COMPLETED', 'CANCELLED'] })).toEqual(['Brochure']);
		expect(phrase.requests.at(-1)?.query).toContain('statuses=COMPLETED&statuses=CANCELLED');
	});

	it('Job → Download Target File: export, wait, download once; the exact bytes and the file name', async () => {
		// (the ids' default expressions, reading the trigger's item, are evaluated by n8n: see the e2e suite)
		const { items, binaries } = await run({
			resource: 'job',
			operation: 'downloadTargetFile',
			projectUid: 'prjWebsite',
			jobUid: 'jobDe1',
			binaryPropertyName: 'translated',
		});
		expect(items[0].json).toEqual({
			projectId: 'prjWebsite',
			jobId: 'jobDe1',
			asyncRequestId: expect.stringMatching(/^\d+$/),
			fileName: 'product-page_de.html',
		});
		expect(items[0].binary?.translated).toMatchObject({ fileName: 'product-page_de.html' });
		expect(binaries[0].buffer.equals(TARGET)).toBe(true);
		const id = String(items[0].json.asyncRequestId);
		const asked = phrase.requests.slice(-5).map((r) => `${r.method} ${r.path}${r.query}`);
		expect(asked).toEqual([
			'PUT /api2/v3/projects/prjWebsite/jobs/jobDe1/targetFile',
			`GET /api2/v1/async/${id}`,
			`GET /api2/v1/async/${id}`,
			`GET /api2/v1/async/${id}`,
			`GET /api2/v2/projects/prjWebsite/jobs/jobDe1/downloadTargetFile/${id}?format=ORIGINAL`,
		]);
	});

	it('an export Phrase reports as failed is an error naming the export', async () => {
		const error = await run({
			resource: 'job',
			operation: 'downloadTargetFile',
			projectUid: 'prjWebsite',
			jobUid: 'jobBroken',
			binaryPropertyName: 'data',
		}).catch((e: Error) => e);
		expect((error as Error).message).toMatch(
			/export of the target file of job jobBroken \(asynchronous request \d+\) failed: EXPORT_FAILED/,
		);
	});

	it('an export that does not finish in time is an error naming it and the Timeout option', async () => {
		const slow = await new PhraseSimulator({
			userName: 'pm',
			password: 'pw',
			asyncPolls: 1_000,
			projects: { p: [{ uid: 'j', status: 'COMPLETED' }] },
		}).start();
		try {
			const fake = fakeExecuteContext({
				nodeType: node,
				parameters: {
					resource: 'job',
					operation: 'downloadTargetFile',
					projectUid: 'p',
					jobUid: 'j',
					binaryPropertyName: 'data',
					options: { timeout: 5 },
				},
				credentials: {
					phraseApi: {
						region: 'custom',
						baseUrl: slow.baseUrl,
						authType: 'password',
						userName: 'pm',
						password: 'pw',
					},
				},
			});
			const error = await fake.execute().catch((e: Error) => e);
			expect((error as Error).message).toMatch(
				/export of the target file of job j \(asynchronous request \d+\) did not finish within 5 s/,
			);
			expect((error as { description?: string }).description).toMatch(/Timeout/);
		} finally {
			await slow.stop();
		}
	});

	it('downloads without a file name from Phrase: named after the job, one output per input item', async () => {
		phrase.filesWithoutName = true;
		try {
			const names: unknown[] = [];
			for (const operation of [
				'downloadTargetFile',
				'downloadOriginalFile',
				'downloadBilingualFile',
			]) {
				const { items } = await run(
					{
						resource: 'job',
						operation,
						projectUid: 'prjWebsite',
						jobUid: 'jobDe1',
						binaryPropertyName: 'data',
					},
					[{}, {}],
				);
				names.push(
					items.map((item) => [item.json.fileName, item.binary?.data.fileName, item.pairedItem]),
				);
				expect(items[0].json).toMatchObject({ projectId: 'prjWebsite', jobId: 'jobDe1' });
			}
			expect(names).toEqual([
				[
					['jobDe1-target', 'jobDe1-target', { item: 0 }],
					['jobDe1-target', 'jobDe1-target', { item: 1 }],
				],
				[
					['jobDe1-original', 'jobDe1-original', { item: 0 }],
					['jobDe1-original', 'jobDe1-original', { item: 1 }],
				],
				[
					['jobDe1.mxliff', 'jobDe1.mxliff', { item: 0 }],
					['jobDe1.mxliff', 'jobDe1.mxliff', { item: 1 }],
				],
			]);
		} finally {
			phrase.filesWithoutName = false;
		}
	}, 60_000);

	it('Job → Download Original File and Download Bilingual File (MXLIFF)', async () => {
		const original = await run({
			resource: 'job',
			operation: 'downloadOriginalFile',
			projectUid: 'prjWebsite',
			jobUid: 'jobDe1',
			binaryPropertyName: 'data',
		});
		expect(original.binaries[0].buffer.equals(ORIGINAL)).toBe(true);
		expect(original.items[0].binary?.data.fileName).toBe('product-page.html');
		const bilingual = await run({
			resource: 'job',
			operation: 'downloadBilingualFile',
			projectUid: 'prjWebsite',
			jobUid: 'jobDe1',
			binaryPropertyName: 'data',
		});
		expect(bilingual.items[0].binary?.data).toMatchObject({
			fileName: 'product-page.html-de.mxliff',
			mimeType: 'application/mxliff',
		});
		expect(bilingual.binaries[0].buffer.toString()).toContain(
			'<file original="product-page.html" target-language="de"/>',
		);
		expect(phrase.requests.at(-1)).toMatchObject({
			method: 'POST',
			path: '/api2/v1/projects/prjWebsite/jobs/bilingualFile',
			query: '?format=MXLF',
		});
	});

	it('waits out a 429 (Retry-After) and goes on', async () => {
		phrase.rateLimitNext(1, 1);
		const { items } = await run({
			resource: 'job',
			operation: 'get',
			projectUid: 'prjWebsite',
			jobUid: 'jobFr1',
		});
		expect(items[0].json.uid).toBe('jobFr1');
	});

	it('checks ids before they go into a path; Continue On Fail carries the error', async () => {
		const parameters = { resource: 'job', operation: 'get', projectUid: 'prjWebsite' };
		const fake = fakeExecuteContext({
			nodeType: node,
			parameters,
			itemParameters: [{ jobUid: '../../webhooks' }, { jobUid: 'jobFr1' }, { jobUid: 'missing' }],
			input: [{}, {}, {}],
			continueOnFail: true,
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
		const before = phrase.requests.length;
		const [items] = await fake.execute();
		expect(items.map((i) => i.json.error ?? i.json.uid)).toEqual([
			'"../../webhooks" is not a valid Phrase job UID',
			'jobFr1',
			expect.stringContaining('HTTP 404: NotFound: Job not found'),
		]);
		expect(phrase.requests.slice(before).map((r) => r.path)).toEqual([
			'/api2/v1/projects/prjWebsite/jobs/jobFr1',
			'/api2/v1/projects/prjWebsite/jobs/missing',
		]);
	});
});
