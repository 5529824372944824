import { createJobs } from '../../../../nodes/Phrase/api';
import { NotSentTwiceError } from '../../../../nodes/common/http/vendorError';
import { fakeExecuteContext } from '../../../helpers/fakeContext';
import type { PhraseSimulator } from '../../../simulators/phrase';
import { list, node, nodeRunner, sha256, SOURCE, startPhrase } from '../sendingWork';

/**
 * Job → Create against the Phrase simulator: the file streamed once with its name and the Memsource header, the
 * items per job, the errors naming the field before anything is sent, one creation when Phrase fails after receipt.
 */
describe('Phrase TMS node: Job → Create', () => {
	let phrase: PhraseSimulator;
	beforeEach(async () => {
		phrase = await startPhrase();
	});
	afterEach(async () => phrase.stop());
	const { run, failure, credentials } = nodeRunner(() => phrase);
	const createJob = (extra: Record<string, unknown> = {}) => ({
		resource: 'job',
		operation: 'create',
		project: list('prjSite'),
		...extra,
	});
	it('streams the file once, named as the binary, with the metadata in the Memsource header; one item per job', async () => {
		const { items, binaryStreams } = await run(createJob({ targetLangs: ['de', 'fr'] }));
		expect(phrase.jobCreations).toHaveLength(1);
		const [received] = phrase.jobCreations;
		expect(received).toMatchObject({
			projectUid: 'prjSite',
			fileName: 'Produktübersicht (v2).html',
			metadata: { targetLangs: ['de', 'fr'] },
			contentType: 'application/octet-stream',
			size: SOURCE.length,
			sha256: sha256(SOURCE),
		});
		// only what the user chose: Phrase's defaults apply to everything else
		expect(received.metadata).toEqual({ targetLangs: ['de', 'fr'] });
		// RFC 5987, as Phrase's Content-Disposition pattern takes it
		expect(received.contentDisposition).toBe(
			"filename*=UTF-8''Produkt%C3%BCbersicht%20%28v2%29.html",
		);
		// read from n8n's binary data store as a stream, once
		expect(binaryStreams).toHaveLength(1);
		// two languages × two workflow steps
		expect(items).toHaveLength(4);
		expect(items.map((i) => [i.json.targetLang, i.json.workflowLevel])).toEqual([
			['de', 1],
			['de', 2],
			['fr', 1],
			['fr', 2],
		]);
		for (const item of items) {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({
				projectId: 'prjSite',
				jobId: item.json.uid,
				asyncRequestId: expect.stringMatching(/^\d+$/),
				status: 'NEW',
				filename: 'Produktübersicht (v2).html',
			});
		}
		expect(received.jobUids).toEqual(items.map((i) => i.json.jobId));
	});

	it("without target languages: all of the project's; codes in any case and BCP 47 form become Phrase's", async () => {
		await run(createJob());
		expect(phrase.jobCreations[0].metadata.targetLangs).toEqual(['de', 'fr', 'pt_br']);
		await run(createJob({ targetLangs: 'DE, pt-BR' }));
		expect(phrase.jobCreations[1].metadata.targetLangs).toEqual(['de', 'pt_br']);
		expect(phrase.jobCreations).toHaveLength(2);
	});

	it('the options: due date as an instant, path, pre-translation, import settings; non-ASCII kept through the header', async () => {
		await run(
			createJob({
				targetLangs: ['fr'],
				options: {
					due: '2026-12-31T17:00:00+01:00',
					path: 'Blog/Über uns',
					preTranslate: true,
					importSettingsUid: 'impSettings1',
					fileName: 'über-uns.html',
				},
			}),
		);
		expect(phrase.jobCreations[0].fileName).toBe('über-uns.html');
		expect(phrase.jobCreations[0].metadata).toEqual({
			targetLangs: ['fr'],
			due: '2026-12-31T16:00:00.000Z',
			path: 'Blog/Über uns',
			preTranslate: true,
			importSettings: { uid: 'impSettings1' },
		});
	});

	it('a language Phrase does not have, or the project does not have: an error naming the field, nothing sent', async () => {
		const unknown = await failure(createJob({ targetLangs: ['de', 'klingon'] }));
		expect(unknown.message).toBe(
			'Target Language Names or IDs: Phrase TMS has no language "klingon"',
		);
		expect(unknown.description).toContain('Did you mean: kl (');
		const outside = await failure(createJob({ targetLangs: ['ja'] }));
		expect(outside.message).toBe(
			'Target Language Names or IDs: "ja" is not one of the target languages of project "Website 2026"',
		);
		expect(outside.description).toContain('de, fr, pt_br');
		expect(phrase.jobCreations).toHaveLength(0);
	});

	it('bad input names the field: a missing binary property, an empty file, a file over 1 GB; nothing sent', async () => {
		const missing = await failure(createJob({ binaryPropertyName: 'file' }));
		expect(missing.message).toContain('Input Binary Field "file"');
		expect(missing.description).toContain('"data"');
		const empty = await failure(createJob(), {
			binary: [{ data: { data: Buffer.alloc(0), fileName: 'empty.html' } }],
		});
		expect(empty.message).toContain('is empty');

		const fake = fakeExecuteContext({
			nodeType: node,
			parameters: createJob(),
			binaryInput: [{ data: { data: SOURCE, fileName: 'huge.xml' } }],
			credentials: credentials(),
		});
		const helpers = fake.ctx.helpers as unknown as {
			getBinaryMetadata: (id: string) => Promise<{ fileSize: number }>;
		};
		helpers.getBinaryMetadata = async () => ({ fileSize: 1024 ** 3 + 1 });
		const tooLarge = (await fake.execute().catch((e: unknown) => e)) as Error & {
			description?: string;
		};
		expect(tooLarge.message).toContain('over the limit of 1024 MB');
		expect(tooLarge.description).toContain('Phrase TMS imports at most 1 GB per request');
		expect(phrase.jobCreations).toHaveLength(0);
		expect(phrase.requests).toHaveLength(0);
	});

	it('conflicting options and an unreadable due date name the option', async () => {
		const both = await failure(
			createJob({ options: { importSettingsUid: 'x1', useProjectFileImportSettings: true } }),
		);
		expect(both.message).toContain('Import Settings UID and Use Project File Import Settings');
		const due = await failure(createJob({ options: { due: 'next friday' } }));
		expect(due.message).toMatch(/^Due Date "next friday" is not a date and time: use ISO 8601/);
		expect(phrase.jobCreations).toHaveLength(0);
	});

	it('Phrase failing after it received the file (500, or the connection lost): one job creation, an error saying so', async () => {
		for (const fault of ['status500', 'drop'] as const) {
			phrase.failAfterReceipt(fault);
			const error = await failure(createJob({ targetLangs: ['de'] }));
			expect(error.message).toContain('may have received the request');
			expect(error.message).toContain('not sent again automatically');
			expect(error.description).toContain(
				'look in Phrase TMS for jobs of the file "Produktübersicht (v2).html" in project "Website 2026" (prjSite)',
			);
		}
		expect(phrase.jobCreations).toHaveLength(2);
		// and the jobs exist in Phrase all the same
		expect(phrase.jobsOf('prjSite').filter((j) => j.filename?.startsWith('Produkt'))).toHaveLength(
			4,
		);
	});

	it('Phrase receiving the file and never answering: the timeout is an error saying it may have arrived; sent once', async () => {
		phrase.failAfterReceipt('hang');
		const { ctx } = fakeExecuteContext({ credentials: credentials() });
		const file = {
			open: async () => SOURCE,
			size: SOURCE.length,
			fileName: 'slow.html',
			mimeType: 'text/html',
		};
		const error = await createJobs(
			ctx,
			'prjSite',
			file,
			{ targetLangs: ['de'] },
			'Look for slow.html.',
			{
				timeoutMs: 1_000,
			},
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NotSentTwiceError);
		expect(error).toMatchObject({
			mayHaveReachedVendor: true,
			hint: expect.stringContaining('Look for slow.html.'),
		});
		expect(phrase.jobCreations.map((c) => c.fileName)).toEqual(['slow.html']);
	});

	it('Continue On Fail: the failed item carries the error, the next one is sent; items stay paired', async () => {
		phrase.failAfterReceipt('status500');
		const { items } = await run(createJob({ targetLangs: ['de'] }), {
			input: [{ n: 1 }, { n: 2 }],
			binary: [
				{ data: { data: SOURCE, fileName: 'one.html' } },
				{ data: { data: Buffer.from('<p>two</p>'), fileName: 'two.html' } },
			],
			continueOnFail: true,
		});
		expect(items[0]).toMatchObject({
			json: { error: expect.stringContaining('HTTP 500') },
			pairedItem: { item: 0 },
		});
		expect(items.slice(1).map((i) => [i.json.filename, i.pairedItem])).toEqual([
			['two.html', { item: 1 }],
			['two.html', { item: 1 }],
		]);
		expect(phrase.jobCreations.map((c) => c.fileName)).toEqual(['one.html', 'two.html']);
	});

	it('an expired session is renewed by the project read before the file goes: one creation', async () => {
		const stored = credentials();
		await run(createJob({ targetLangs: ['de'] }), { credentials: stored });
		phrase.expireTokens();
		await run(createJob({ targetLangs: ['fr'] }), { credentials: stored });
		expect(phrase.logins).toBe(2);
		expect(phrase.jobCreations.map((c) => c.metadata.targetLangs)).toEqual([['de'], ['fr']]);
		// only the read met the expired token (asked once more so that n8n renews it); the file went once
		const refused = phrase.requests.filter((r) => !r.authorized);
		expect(new Set(refused.map((r) => `${r.method} ${r.path}`))).toEqual(
			new Set(['GET /api2/v1/projects/prjSite']),
		);
	});

	it("a file type Phrase does not import: an error saying so (sent once; Phrase's answer lists it)", async () => {
		const error = await failure(createJob(), {
			binary: [{ data: { data: SOURCE, fileName: 'setup.exe' } }],
		});
		expect(error.message).toBe(
			'Phrase TMS created no job from "setup.exe": it does not import this file type',
		);
		expect(error.description).toContain('Unsupported files: setup.exe');
		expect(phrase.jobCreations).toHaveLength(1);
	});

	it("n8n's default (memory) binary mode works too, and a project chosen by URL", async () => {
		const { items } = await run(
			createJob({
				project: {
					__rl: true,
					mode: 'url',
					value: 'https://cloud.memsource.com/web/project2/show/prjSite',
				},
				targetLangs: ['pt_br'],
			}),
			{ binary: [{ data: { data: SOURCE, fileName: 'page.html', mode: 'memory' } }] },
		);
		expect(items).toHaveLength(2);
		expect(phrase.jobCreations[0].sha256).toBe(sha256(SOURCE));
	});

	it("an unknown project is Phrase's 404 before anything is sent", async () => {
		const error = await failure(createJob({ project: list('prjNope') }));
		expect(error.httpCode).toBe('404');
		expect(error.message).toContain('Project not found');
		expect(phrase.jobCreations).toHaveLength(0);
	});

	it('no project chosen: an error naming the parameter', async () => {
		const error = await failure(createJob({ project: list('') }));
		expect(error.message).toBe('Project: choose one or enter its ID');
	});

	it("refuses n8n's Retry On Fail (a second run would create the jobs again), before anything is sent", async () => {
		const error = await failure(createJob({ targetLangs: ['de'] }), { retryOnFail: true });
		expect(error.message).toBe(
			'"Retry On Fail" is on, and a file sent to Phrase TMS as jobs must be sent once only',
		);
		expect(phrase.requests).toEqual([]);
	});

	it('Options → Max File Size: a file over the chosen size fails the item before anything is sent', async () => {
		const error = await failure(createJob({ options: { maxFileSize: 1 } }), {
			binary: [{ data: { data: Buffer.alloc(1024 * 1024 + 1, 0x61), fileName: 'big.txt' } }],
		});
		expect(error.message).toContain('over the limit of 1 MB');
		expect(error.description).toContain("1 MB, the node's Max File Size");
		expect(phrase.jobCreations).toHaveLength(0);
	});
});
