import type { IDataObject } from 'n8n-workflow';

import { Beebox } from '../../nodes/Beebox/Beebox.node';
import { fakeExecuteContext, type FakeBinary, type FakeNodeOptions } from '../helpers/fakeContext';
import { BeeboxSimulator, type BeeboxSimulatorOptions } from '../simulators/beebox';

const node = new Beebox();
const PASSWORD = 'connector-password';
const ACCOUNT = { login: 'connector', password: PASSWORD, projectKey: 'p1' };

/** Bytes that are not UTF-8 text (a BOM, 0xff, a NUL), so any re-encoding on the way would show. */
const PAGE = Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x68, 0x31, 0x3e, 0xff, 0x00, 0xc3, 0xa9, 0x0a]);
const page = (
	fileName = 'page-42.html',
	extra: Partial<FakeBinary> = {},
): Record<string, FakeBinary> => ({
	data: { data: PAGE, fileName, mimeType: 'text/html', ...extra },
});

describe('Wordbee Beebox node: File → Send Source File and Delete', () => {
	let beebox: BeeboxSimulator;

	async function start(options: Partial<BeeboxSimulatorOptions> = {}) {
		beebox = await new BeeboxSimulator({
			...ACCOUNT,
			targetLocales: ['fr', 'de', 'es-ES'],
			hotFolders: [
				{ directory: '', depth: 0, translate: true, targetLocales: null },
				{ directory: 'ToFrench', depth: 1, translate: true, targetLocales: ['fr'] },
				{ directory: 'Archive', depth: 1, translate: false, targetLocales: null },
			],
			...options,
		}).start();
	}
	afterEach(() => beebox.stop());

	const credentials = (extra: IDataObject = {}) => ({
		beeboxApi: { serverUrl: beebox.url, ...ACCOUNT, ...extra },
	});

	async function run(parameters: Record<string, unknown>, options: FakeNodeOptions = {}) {
		const fake = fakeExecuteContext({
			nodeType: node,
			parameters: { resource: 'file', operation: 'sendSource', ...parameters },
			credentials: credentials(),
			binaryInput: [page()],
			...options,
		});
		const [items] = await fake.execute();
		return { items, ...fake };
	}

	/** The uploads Beebox received, as `PUT locale filename`. */
	const puts = () =>
		beebox.requests
			.filter((r) => r.method === 'PUT' && r.path === '/api/files/file')
			.map((r) => `PUT ${r.query.locale} ${r.query.filename}`);

	describe('Send Source File', () => {
		beforeEach(() => start());

		it("streams the item's file into the project's input folder, in the source language, once", async () => {
			const { items, binaryStreams } = await run({}, { input: [{ cmsId: 42 }] });
			expect(puts()).toEqual(['PUT en page-42.html']);
			const [upload] = beebox.requests.filter((r) => r.method === 'PUT');
			// the bytes as they were, as the documented raw body with "Content-Type: Stream", no multipart
			expect(upload.bytes!.equals(PAGE)).toBe(true);
			expect(upload.contentType).toBe('Stream');
			expect(upload.query.token).toEqual(expect.any(String));
			expect(binaryStreams).toHaveLength(1);
			expect(beebox.inFolder.get('page-42.html')?.bytes.equals(PAGE)).toBe(true);
			expect(items.map((i) => i.json)).toEqual([
				{
					cmsId: 42,
					file: 'page-42.html',
					folder: '',
					fileName: 'page-42.html',
					sourceLocale: 'en',
					targetLocales: null,
					deadline: null,
					size: PAGE.length,
					mimeType: 'text/html',
				},
			]);
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(beebox.openSessions).toBe(0);
		});

		it('without languages or deadline sends no instructions and removes old ones, so the folder decides', async () => {
			beebox.inFolder.set('page-42.html.beebox', {
				file: 'page-42.html.beebox',
				locale: 'en',
				bytes: Buffer.from('{"locales":["de"]}'),
				contentType: 'application/json',
				at: new Date(),
			});
			await run({});
			expect(beebox.instructionsFor('page-42.html')).toBeUndefined();
			expect(
				beebox.requests
					.filter((r) => r.path === '/api/files/file')
					.map((r) => `${r.method} ${r.query.filename}`),
			).toEqual(['DELETE page-42.html.beebox', 'PUT page-42.html']);
		});

		it('sends the target languages and the deadline as instructions, before the file', async () => {
			const { items } = await run({
				targetLocales: ['FR', 'es-es'],
				options: { deadline: '2026-03-01T18:00:00' },
			});
			expect(puts()).toEqual(['PUT en page-42.html.beebox', 'PUT en page-42.html']);
			// as Beebox spells its languages; a deadline without a zone is UTC
			expect(beebox.instructionsFor('page-42.html')).toEqual({
				locales: ['fr', 'es-ES'],
				deadline: '2026-03-01T18:00:00.000Z',
			});
			expect(items[0].json).toMatchObject({
				targetLocales: ['fr', 'es-ES'],
				deadline: '2026-03-01T18:00:00.000Z',
			});
		});

		it('reads the languages from an expression as a list or as text', async () => {
			await run({ targetLocales: '={{ "de, fr" }}' });
			expect(beebox.instructionsFor('page-42.html')).toEqual({ locales: ['de', 'fr'] });
		});

		it('refuses a language the project does not translate into, naming the parameter and sending nothing', async () => {
			await expect(run({ targetLocales: ['fr', 'it'] })).rejects.toMatchObject({
				message: 'Target Locales: "it" is not a target language of this Beebox project',
				description: expect.stringContaining('en into: fr, de, es-ES'),
			});
			expect(puts()).toEqual([]);
			expect(beebox.openSessions).toBe(0);
		});

		it('puts the file into the chosen folder, from the list or by path', async () => {
			await run({ folder: { __rl: true, mode: 'list', value: 'ToFrench' } });
			await run({ folder: { __rl: true, mode: 'path', value: 'web/news/' }, fileName: 'n-1.html' });
			expect(puts()).toEqual(['PUT en ToFrench\\page-42.html', 'PUT en web\\news\\n-1.html']);
		});

		it.each([
			[
				'a path separator',
				{ fileName: 'news/page.html' },
				'File Name: "news/page.html"',
				'path separator',
			],
			['a control character', { fileName: 'page\u0007.html' }, 'File Name:', 'control'],
			['a reserved device name', { fileName: 'CON.html' }, 'File Name:', 'reserves for a device'],
			[
				'a folder outside the project',
				{ folder: { __rl: true, mode: 'path', value: '..\\x' } },
				'Folder:',
				'".."',
			],
		])('refuses %s before logging in, naming the parameter', async (_, parameters, start, why) => {
			const error = await run(parameters).catch((e: Error) => e);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message.startsWith(start)).toBe(true);
			expect((error as Error).message).toContain(why);
			expect(beebox.connects).toBe(0);
		});

		it("refuses an input file's own name Beebox cannot take, saying to set File Name", async () => {
			await expect(run({}, { binaryInput: [page('nul.txt')] })).rejects.toMatchObject({
				message: expect.stringMatching(/^File Name: "nul.txt" cannot be a Beebox file name/),
				description: expect.stringContaining('set File Name'),
			});
			expect(beebox.connects).toBe(0);
		});

		it('says which binary properties the item has when the one named is missing', async () => {
			await expect(run({ binaryPropertyName: 'file' })).rejects.toMatchObject({
				message: expect.stringContaining('Input Binary Field "file"'),
				description: expect.stringContaining('"data"'),
			});
			expect(beebox.connects).toBe(0);
		});

		it('refuses a file over Max File Size before sending anything', async () => {
			const big = Buffer.alloc(1024 * 1024 + 1, 0x61);
			await expect(
				run(
					{ options: { maxFileSize: 1 } },
					{ binaryInput: [{ data: { data: big, fileName: 'big.txt' } }] },
				),
			).rejects.toMatchObject({
				message: expect.stringContaining('over the limit of 1 MB'),
				description: expect.stringContaining("the node's Max File Size"),
			});
			expect(beebox.connects).toBe(0);
		});

		it('sends a file n8n keeps in memory (its default binary mode) the same way', async () => {
			await run({}, { binaryInput: [page('page-42.html', { mode: 'memory' })] });
			expect(beebox.inFolder.get('page-42.html')?.bytes.equals(PAGE)).toBe(true);
		});

		it.each([
			['a 500', '500' as const, 'HTTP 500'],
			['a dropped connection', 'reset' as const, 'no answer'],
		])(
			'after %s once Beebox stored the file, does not send it again and says how to check',
			async (_, fault, why) => {
				beebox.uploadFaults.push(fault);
				const error = (await run({ fileName: 'news (1).html' }).catch((e: unknown) => e)) as {
					message: string;
					description: string;
				};
				expect(error.message).toContain(why);
				expect(error.message).toContain('may have received the request');
				expect(error.description).toContain('List Translated Files');
				expect(error.description).toContain('^news \\(1\\)\\.html$');
				expect(beebox.uploads).toEqual([
					{ file: 'news (1).html', locale: 'en', size: PAGE.length, fault },
				]);
				expect(beebox.inFolder.has('news (1).html')).toBe(true);
				expect(beebox.openSessions).toBe(0);
			},
		);

		it('with Continue On Fail, the failed item carries the error and the next file is sent once', async () => {
			beebox.uploadFaults.push('500');
			const { items } = await run(
				{ fileName: '={{ $json.name }}' },
				{
					input: [{ name: 'a.html' }, { name: 'b.html' }, { name: 'c/d.html' }],
					binaryInput: [page(), page(), page()],
					continueOnFail: true,
				},
			);
			expect(items.map((i) => [i.pairedItem, i.json.file ?? i.json.error])).toEqual([
				[{ item: 0 }, expect.stringContaining('may have received the request')],
				[{ item: 1 }, 'b.html'],
				[{ item: 2 }, expect.stringContaining('File Name: "c/d.html"')],
			]);
			expect(beebox.uploads.map((u) => u.file)).toEqual(['a.html', 'b.html']);
			// one login and one read of the project's languages for all items
			expect(beebox.connects).toBe(1);
			expect(beebox.calls('/api/details')).toHaveLength(1);
			expect(beebox.openSessions).toBe(0);
		});

		it("keeps Beebox's message when it refuses the file", async () => {
			beebox.overrides.set('PUT /api/files/file', {
				status: 400,
				body: { type: 'Api error', message: 'The file extension is not supported.', failed: true },
			});
			await expect(run({})).rejects.toThrow(
				'Beebox upload of "page-42.html" failed: The file extension is not supported.',
			);
		});

		it.each([
			['before the upload', '/api/details'],
			['refusing the upload itself', '/api/files/file'],
		])(
			'logs in again when Beebox ended the session (LOGGEDOUT) %s, and stores the file once',
			async (_, path) => {
				// Beebox's "Unlog all users" after the first call to `path`: the next call is refused, nothing stored
				beebox.unlogAllAfter = { path, calls: 1 };
				const { items } = await run({});
				expect(items[0].json.file).toBe('page-42.html');
				expect(beebox.uploads).toEqual([{ file: 'page-42.html', locale: 'en', size: PAGE.length }]);
				expect(beebox.connects).toBe(2);
				expect(beebox.openSessions).toBe(0);
			},
		);

		it('never sends the file again after a 5xx, whatever error id Beebox wrote into it', async () => {
			beebox.overrides.set('PUT /api/files/file', {
				status: 503,
				body: { type: 'Api error', id: 'LOGGEDOUT', message: 'Not authorised', failed: true },
			});
			await expect(run({})).rejects.toThrow('may have received the request');
			expect(puts()).toEqual(['PUT en page-42.html']);
		});

		it('asks Beebox to scan when told to; a failed scan request is reported in the item', async () => {
			const { items } = await run({ options: { requestScan: true } });
			expect(beebox.scans).toBe(1);
			expect(items[0].json).toMatchObject({ scanRequested: true });
			expect(items[0].json).not.toHaveProperty('scanError');

			beebox.overrides.set('PUT /api/files/operations/scan', {
				status: 404,
				body: { Message: 'No HTTP resource was found that matches the request URI.' },
			});
			const again = await run({ options: { requestScan: true }, fileName: 'other.html' });
			expect(again.items[0].json).toMatchObject({
				file: 'other.html',
				scanRequested: true,
				scanError: expect.stringContaining('No HTTP resource was found'),
			});
			expect(beebox.uploads.map((u) => u.file)).toEqual(['page-42.html', 'other.html']);
		});

		it("refuses to run with n8n's Retry On Fail on, which would send the file again", async () => {
			const fake = fakeExecuteContext({
				nodeType: node,
				parameters: { resource: 'file', operation: 'sendSource' },
				credentials: credentials(),
				binaryInput: [page()],
			});
			const getNode = fake.ctx.getNode.bind(fake.ctx);
			fake.ctx.getNode = () => ({ ...getNode(), retryOnFail: true });
			await expect(fake.execute()).rejects.toMatchObject({
				message: '"Retry On Fail" is on, and a source file sent to Beebox must be sent once only',
			});
			expect(beebox.requests).toEqual([]);
		});

		it('needs a project: admin credentials without a project key are refused before sending', async () => {
			const fake = fakeExecuteContext({
				nodeType: node,
				parameters: { resource: 'file', operation: 'sendSource' },
				credentials: credentials({ projectKey: '' }),
				binaryInput: [page()],
			});
			await expect(fake.execute()).rejects.toThrow('the credential has no Project Key');
			expect(puts()).toEqual([]);
			expect(beebox.openSessions).toBe(0);
		});
	});

	describe('Delete', () => {
		beforeEach(async () => {
			await start({
				files: [{ file: 'web\\p.html', locale: 'fr', status: 1, tfdate: null, content: PAGE }],
			});
			for (const file of ['web\\p.html', 'web\\p.html.beebox'])
				beebox.inFolder.set(file.toLowerCase(), {
					file,
					locale: 'en',
					bytes: PAGE,
					contentType: undefined,
					at: new Date(),
				});
		});

		const remove = (parameters: Record<string, unknown>, options: FakeNodeOptions = {}) =>
			run({ operation: 'delete', ...parameters }, { binaryInput: undefined, ...options });

		it('deletes a source file and its instructions, from the item as the send left it', async () => {
			const { items } = await remove({}, { input: [{ file: 'web\\p.html', cmsId: 7 }] });
			expect(beebox.inFolder.size).toBe(0);
			expect(
				beebox.requests
					.filter((r) => r.method === 'DELETE')
					.map((r) => `${r.query.locale} ${r.query.filename}`),
			).toEqual(['en web\\p.html', 'en web\\p.html.beebox']);
			expect(items[0].json).toEqual({
				cmsId: 7,
				file: 'web\\p.html',
				deletedFrom: 'source',
				locale: 'en',
				instructionsDeleted: true,
				deleted: true,
			});
		});

		it('deletes one translated file', async () => {
			const { items } = await remove({
				file: 'web/p.html',
				deleteFrom: 'translation',
				locale: 'FR',
			});
			expect(beebox.files).toEqual([]);
			expect(items[0].json).toMatchObject({ file: 'web\\p.html', locale: 'fr', deleted: true });
		});

		it("fails with Beebox's message when there is no such file", async () => {
			await expect(remove({ file: 'web\\gone.html' })).rejects.toMatchObject({
				message: expect.stringContaining('The file does not exist'),
				description: expect.stringContaining('no such file'),
			});
		});

		it('refuses a language the project does not have, naming the parameter', async () => {
			await expect(
				remove({ file: 'web\\p.html', deleteFrom: 'translation', locale: 'it' }),
			).rejects.toThrow('Target Locale: "it" is not a target language of this Beebox project');
			expect(beebox.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
		});
	});
});
