import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { Phrase } from '../../nodes/Phrase/Phrase.node';
import { createJobs } from '../../nodes/Phrase/api';
import { NotSentTwiceError } from '../../nodes/common/http/vendorError';
import { fakeExecuteContext, type FakeBinary } from '../helpers/fakeContext';
import { PhraseSimulator } from '../simulators/phrase';

/**
 * The Phrase TMS node's operations that send work (Project → Create, Job → Create, Update Source, Set Status)
 * through the fake execute context against the Phrase simulator: what Phrase receives (the file byte for byte,
 * streamed; the metadata header; the file name), what comes out, the errors naming the field, and that nothing is
 * sent twice when Phrase fails after receiving it.
 */
const node = new Phrase();
const SOURCE = Buffer.concat([
	Buffer.from('<h1>Produktübersicht — ✓ 日本語</h1>\r\n', 'utf8'),
	Buffer.from([0x00, 0xff, 0xfe]),
	Buffer.alloc(300_000, 0x61),
]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('Phrase TMS node: sending work', () => {
	let phrase: PhraseSimulator;
	const credentials = () => ({
		phraseApi: {
			region: 'custom',
			baseUrl: phrase.baseUrl,
			authType: 'password',
			userName: 'pm',
			password: 'pw',
		},
	});

	beforeEach(async () => {
		phrase = await new PhraseSimulator({
			userName: 'pm',
			password: 'pw',
			projects: {
				prjSite: [
					{ uid: 'jobDe', status: 'NEW', targetLang: 'de', filename: 'page.html' },
					{ uid: 'jobFr', status: 'NEW', targetLang: 'fr', filename: 'page.html' },
					{ uid: 'jobDe2', status: 'NEW', targetLang: 'de', workflowLevel: 2 },
					{ uid: 'jobDone', status: 'COMPLETED', targetLang: 'fr' },
				],
			},
			projectInfo: {
				prjSite: {
					name: 'Website 2026',
					sourceLang: 'en',
					targetLangs: ['de', 'fr', 'pt_br'],
					workflowLevels: 2,
				},
			},
			templates: [
				{
					uid: 'tplWebsite00000000000a',
					templateName: 'Website',
					sourceLang: 'en',
					targetLangs: ['de', 'fr'],
					workflowLevels: 2,
				},
			],
			unsupportedExtensions: ['.exe'],
		}).start();
	});
	afterEach(async () => phrase.stop());

	const run = async (
		parameters: Record<string, unknown>,
		options: {
			input?: IDataObject[];
			binary?: Array<Record<string, FakeBinary> | undefined>;
			continueOnFail?: boolean;
			/** the stored credential (n8n keeps the session token in it between executions) */
			credentials?: ReturnType<typeof credentials>;
		} = {},
	) => {
		const fake = fakeExecuteContext({
			nodeType: node,
			parameters,
			input: options.input,
			binaryInput: options.binary ?? [
				{ data: { data: SOURCE, fileName: 'Produktübersicht (v2).html' } },
			],
			credentials: options.credentials ?? credentials(),
			continueOnFail: options.continueOnFail,
		});
		const [items] = await fake.execute();
		return { items, ...fake };
	};
	const failure = async (parameters: Record<string, unknown>, options = {}) => {
		const error = await run(parameters, options).then(
			() => undefined,
			(e: unknown) => e as Error & { description?: string; httpCode?: string },
		);
		if (!error) throw new Error('expected the node to fail');
		return error;
	};
	const list = (value: string) => ({ __rl: true, mode: 'list', value });
	const createJob = (extra: Record<string, unknown> = {}) => ({
		resource: 'job',
		operation: 'create',
		project: list('prjSite'),
		...extra,
	});

	describe('Job → Create', () => {
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
			expect(phrase.jobCreations[0]).toMatchObject({
				fileName: 'über-uns.html',
				metadata: {
					targetLangs: ['fr'],
					due: '2026-12-31T16:00:00.000Z',
					path: 'Blog/Über uns',
					preTranslate: true,
					importSettings: { uid: 'impSettings1' },
				},
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
			expect(due.message).toBe('Options: Due Date: "next friday" is not a date');
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
			expect(
				phrase.jobsOf('prjSite').filter((j) => j.filename?.startsWith('Produkt')),
			).toHaveLength(4);
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
	});

	describe('Job → Update Source', () => {
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
				metadata: { jobs: [{ uid: 'jobDe' }, { uid: 'jobFr' }], preTranslate: true },
				sha256: sha256(SOURCE),
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
			expect((await failure(update(), at('jobDone'))).message).toContain(
				'Job: jobDone is COMPLETED',
			);
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
	});

	describe('Job → Set Status', () => {
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
	});

	describe('Project → Create', () => {
		const createProject = (extra: Record<string, unknown>) => ({
			resource: 'project',
			operation: 'create',
			...extra,
		});

		it("from a template (n8n's default): the template's languages, or some of Phrase's", async () => {
			const { items } = await run(
				createProject({ name: 'Launch', template: list('tplWebsite00000000000a') }),
			);
			expect(phrase.projectCreations).toEqual([
				{
					templateUid: 'tplWebsite00000000000a',
					body: { name: 'Launch' },
					uid: expect.any(String),
				},
			]);
			expect(items[0].json).toMatchObject({
				projectId: phrase.projectCreations[0].uid,
				uid: phrase.projectCreations[0].uid,
				name: 'Launch',
				sourceLang: 'en',
				targetLangs: ['de', 'fr'],
			});
			await run(
				createProject({
					name: 'Launch JA',
					template: list('tplWebsite00000000000a'),
					targetLangs: ['JA', 'zh-CN'],
					additionalFields: { dateDue: '2027-01-15T12:00:00Z', note: 'From n8n' },
				}),
			);
			expect(phrase.projectCreations[1].body).toEqual({
				name: 'Launch JA',
				targetLangs: ['ja', 'zh_cn'],
				dateDue: '2027-01-15T12:00:00.000Z',
				note: 'From n8n',
			});
		});

		it("with languages: a source language from the list and target languages, checked against Phrase's", async () => {
			const { items } = await run(
				createProject({
					name: 'Docs',
					createFrom: 'languages',
					sourceLang: list('en_us'),
					targetLangs: ['de', 'pt-BR'],
				}),
			);
			expect(phrase.projectCreations[0]).toMatchObject({
				templateUid: undefined,
				body: { name: 'Docs', sourceLang: 'en_us', targetLangs: ['de', 'pt_br'] },
			});
			expect(items[0].json.projectId).toBe(phrase.projectCreations[0].uid);
			const unknown = await failure(
				createProject({
					name: 'Docs',
					createFrom: 'languages',
					sourceLang: { __rl: true, mode: 'id', value: 'xx_yy' },
					targetLangs: ['de'],
				}),
			);
			expect(unknown.message).toBe('Source Language: Phrase TMS has no language "xx_yy"');
			const none = await failure(
				createProject({ name: 'Docs', createFrom: 'languages', sourceLang: list('en') }),
			);
			expect(none.message).toBe(
				'Target Language Names or IDs: a project needs at least one target language',
			);
			expect(phrase.projectCreations).toHaveLength(1);
		});

		it('bad input: no name, an unknown template; nothing created', async () => {
			const noName = await failure(
				createProject({ name: '  ', template: list('tplWebsite00000000000a') }),
			);
			expect(noName.message).toBe('Name: a project needs a name');
			const noTemplate = await failure(createProject({ name: 'X', template: list('tplNope') }));
			expect(noTemplate.httpCode).toBe('404');
			expect(phrase.projectCreations).toHaveLength(0);
		});

		it('Phrase failing after it created the project: one creation, an error saying where to look', async () => {
			phrase.failAfterReceipt('drop');
			const error = await failure(
				createProject({ name: 'Once', template: list('tplWebsite00000000000a') }),
			);
			expect(error.message).toContain('may have received the request');
			expect(error.description).toContain('look for a project named "Once" in Phrase TMS');
			expect(phrase.projectCreations).toHaveLength(1);
		});
	});
});
