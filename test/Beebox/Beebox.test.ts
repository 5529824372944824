import type { IDataObject } from 'n8n-workflow';

import { Beebox } from '../../nodes/Beebox/Beebox.node';
import eventDetails from '../fixtures/public/beebox/api-event-details-created-translated-files.json';
import { fakeExecuteContext, type FakeNodeOptions } from '../helpers/fakeContext';
import { BeeboxSimulator, type SimulatedTranslatedFile } from '../simulators/beebox';

const node = new Beebox();
const PASSWORD = 'connector-password';

/** Bytes that are not UTF-8 text, so any re-encoding on the way would show. */
const ORDER_FORM = Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x70, 0x3e, 0xff, 0x00, 0xc3, 0xa9, 0x0a]);

function statusRecords(count: number, locale = 'es'): SimulatedTranslatedFile[] {
	return Array.from({ length: count }, (_, i) => ({
		file: `pages\\page-${String(i).padStart(3, '0')}.html`,
		locale,
		status: i % 3 === 0 ? 1 : 6,
		tfdate: i % 3 === 0 ? '2024-03-01T10:00:00.000Z' : null,
	}));
}

describe('Wordbee Beebox node', () => {
	let beebox: BeeboxSimulator;

	beforeEach(async () => {
		beebox = await new BeeboxSimulator({
			login: 'connector',
			password: PASSWORD,
			projectKey: 'p1',
			files: [
				...statusRecords(250),
				{ file: 'forms\\order.html', locale: 'fr', status: 6, tfdate: null },
			],
		}).start();
	});
	afterEach(() => beebox.stop());

	async function run(parameters: Record<string, unknown>, options: FakeNodeOptions = {}) {
		const fake = fakeExecuteContext({
			nodeType: node,
			parameters,
			credentials: {
				beeboxApi: {
					serverUrl: beebox.url,
					projectKey: 'p1',
					login: 'connector',
					password: PASSWORD,
				},
			},
			...options,
		});
		const [items] = await fake.execute();
		return { items, ...fake };
	}

	describe('description', () => {
		it('names its actions without articles and defaults to the trigger item', () => {
			const operations = node.description.properties.filter((p) => p.name === 'operation');
			const actions = operations.flatMap((p) =>
				(p.options as Array<{ action: string }>).map((o) => o.action),
			);
			expect(actions.sort()).toEqual([
				'Delete file',
				'Download translated file',
				'Get event details',
				'List translated files',
				'Send source file',
			]);
			const defaults = Object.fromEntries(
				node.description.properties.map((p) => [p.name, p.default]),
			);
			expect(defaults).toMatchObject({
				eventId: '={{ $json.bbid }}',
				locale: '={{ $json.locale }}',
				file: '={{ $json.file }}',
			});
			expect(node.description.usableAsTool).toBe(true);
		});
	});

	describe('Event → Get Details', () => {
		it('returns the files and details the trigger fetches', async () => {
			beebox.overrides.set('/api/actions/action', { status: 200, body: eventDetails.body });
			const { items } = await run({
				resource: 'event',
				operation: 'getDetails',
				eventId: '22fde108-a8bd-4609-8c7e-5c101b519eed',
			});
			expect(items).toHaveLength(1);
			const json = items[0].json;
			expect(json).toMatchObject({
				eventId: '22fde108-a8bd-4609-8c7e-5c101b519eed',
				event: 'CreatedTranslatedFiles',
				details: { info: '4 translated files successfully created and saved.' },
			});
			expect((json.files as IDataObject[]).filter((f) => f.type === 'target')).toEqual([
				expect.objectContaining({ locale: 'fr', file: 'with html 1 - Copy (2).json' }),
				expect.objectContaining({ locale: 'es', file: 'with html 1 - Copy (2).json' }),
				expect.objectContaining({ locale: 'fr', file: 'with html 1 - Copy.json' }),
				expect.objectContaining({ locale: 'es', file: 'with html 1 - Copy.json' }),
			]);
			expect(beebox.calls('/api/actions/action')[0].query).toMatchObject({
				id: '22fde108-a8bd-4609-8c7e-5c101b519eed',
				fulldetails: 'true',
			});
			expect(beebox.openSessions).toBe(0);
		});

		it("as n8n adds it after the trigger, reads the event id from the trigger's item (bbid)", async () => {
			beebox.overrides.set('/api/actions/action', { status: 200, body: eventDetails.body });
			const id = '22fde108-a8bd-4609-8c7e-5c101b519eed';
			const { items } = await run(
				{ resource: 'event', operation: 'getDetails' },
				{ input: [{ bbid: id, bbevent: 'CreatedTranslatedFiles' }] },
			);
			expect(items.map((i) => i.json.eventId)).toEqual([id]);
			expect(beebox.calls('/api/actions/action')[0].query).toMatchObject({ id });
		});

		it('refuses an id that is no Beebox event id before logging in', async () => {
			await expect(
				run({ resource: 'event', operation: 'getDetails', eventId: '1&id=2' }),
			).rejects.toThrow('"1&id=2" is not a valid Beebox event ID (bbid)');
			expect(beebox.requests).toEqual([]);
		});
	});

	describe('File → List Translated Files', () => {
		it('reads every page with skip and count', async () => {
			const { items } = await run({
				resource: 'file',
				operation: 'list',
				returnAll: true,
				filters: { targetLocale: 'es' },
			});
			expect(items).toHaveLength(250);
			expect(
				beebox.calls('/api/workprogress/translatedfiles').map((r) => {
					const { skip, count, filter } = r.body as IDataObject;
					return [skip, count, filter];
				}),
			).toEqual([
				[0, 100, { targetLocale: 'es' }],
				[100, 100, { targetLocale: 'es' }],
				[200, 100, { targetLocale: 'es' }],
			]);
			expect(items[0].json).toMatchObject({
				file: 'pages\\page-000.html',
				locale: 'es',
				status: 1,
				statusc: 'Uptodate',
				uptodate: true,
				ready: true,
			});
			expect(items[1].json).toMatchObject({ status: 6, statusc: 'InProgress', ready: false });
			expect(beebox.connects).toBe(1);
			expect(beebox.openSessions).toBe(0);
		});

		it('stops reading at the limit, counting only ready files when asked', async () => {
			const { items } = await run({
				resource: 'file',
				operation: 'list',
				returnAll: false,
				limit: 40,
				filters: { readyOnly: true, pathPattern: '\\.html$' },
			});
			expect(items).toHaveLength(40);
			expect(items.every((i) => i.json.ready === true)).toBe(true);
			expect(beebox.calls('/api/workprogress/translatedfiles')).toHaveLength(2);
			expect(
				(beebox.calls('/api/workprogress/translatedfiles')[0].body as IDataObject).filter,
			).toEqual({ patterns: { fpath: '\\.html$' } });
		});

		it("waits out Beebox's 429 and carries on", async () => {
			beebox.rateLimited = 1;
			const { items } = await run({ resource: 'file', operation: 'list', limit: 5 });
			expect(items).toHaveLength(5);
			expect(beebox.calls('/api/workprogress/translatedfiles')).toHaveLength(2);
		});

		it('refuses a target locale that is no locale before logging in', async () => {
			await expect(
				run({ resource: 'file', operation: 'list', limit: 5, filters: { targetLocale: 'es"}' } }),
			).rejects.toThrow('is not a valid Beebox locale');
			expect(beebox.requests).toEqual([]);
		});
	});

	describe('File → Download', () => {
		it('returns the exact bytes as binary data named after the file', async () => {
			beebox.deliverFiles([{ file: 'forms\\order.html', locale: 'fr', content: ORDER_FORM }]);
			const { items, binaries } = await run(
				{ resource: 'file', operation: 'download', binaryPropertyName: 'translation' },
				{
					input: [{ eventKey: 'beebox:file:fr:forms\\order.html:x' }],
					itemParameters: [{ locale: 'fr', file: 'forms/order.html' }],
				},
			);
			expect(binaries).toHaveLength(1);
			expect(binaries[0].buffer.equals(ORDER_FORM)).toBe(true);
			expect(binaries[0].binary.fileName).toBe('order.html');
			expect(items[0].binary?.translation.fileName).toBe('order.html');
			expect(items[0].json).toEqual({
				eventKey: 'beebox:file:fr:forms\\order.html:x',
				locale: 'fr',
				file: 'forms\\order.html',
			});
			expect(beebox.calls('/api/files/file')[0].query).toMatchObject({
				locale: 'fr',
				filename: 'forms\\order.html',
			});
		});

		it('says the file is not translated yet, with what to check', async () => {
			const { ctx } = fakeExecuteContext({
				nodeType: node,
				parameters: {
					resource: 'file',
					operation: 'download',
					binaryPropertyName: 'data',
					locale: 'fr',
					file: 'forms\\order.html',
				},
				credentials: {
					beeboxApi: {
						serverUrl: beebox.url,
						projectKey: 'p1',
						login: 'connector',
						password: PASSWORD,
					},
				},
			});
			const error = await node.execute.call(ctx).catch((e: Error & { description?: string }) => e);
			expect(error).toMatchObject({
				message:
					'Beebox has no fr translation of "forms\\order.html": Beebox GET /api/files/file: HTTP 400: File not found: out\\fr\\forms\\order.html',
				description: expect.stringContaining('status (1 Uptodate: ready to download)'),
			});
			expect(beebox.openSessions).toBe(0);
		});

		it.each([
			['locale', 'Target Locale'],
			['file', 'File Path'],
		])(
			'names the trigger setting when the item has no %s (Fetch Event Details off)',
			async (missing, label) => {
				// what the Wordbee Beebox Trigger emits without Fetch Event Details: the callback's bb... fields only
				const error = await run(
					{ resource: 'file', operation: 'download', binaryPropertyName: 'data' },
					{
						input: [{ bbevent: 'CreatedTranslatedFiles', bbid: 'x' }],
						itemParameters: [missing === 'locale' ? { file: 'a.html' } : { locale: 'fr' }],
					},
				).catch((e: Error & { description?: string }) => e);
				expect(error).toMatchObject({
					message: `${label} has no value: the input item has no "${missing}"`,
					description: expect.stringContaining(
						'turn on Fetch Event Details in the Wordbee Beebox Trigger',
					),
				});
				expect(beebox.requests).toEqual([]);
			},
		);

		it.each([
			['..\\..\\secrets.txt', 'it has an empty, "." or ".." segment'],
			['c:\\beebox\\p1\\out\\fr\\a.html', 'it contains a drive'],
			['\\a.html', 'it must be relative to the project'],
			['', 'it is empty'],
		])('refuses the path %j before logging in', async (file, why) => {
			await expect(
				run({
					resource: 'file',
					operation: 'download',
					binaryPropertyName: 'data',
					locale: 'fr',
					file,
				}),
			).rejects.toThrow(why);
			expect(beebox.requests).toEqual([]);
		});
	});

	describe('one API session per execution', () => {
		it('logs in once for all items and out at the end', async () => {
			beebox.deliverFiles([
				{ file: 'a.html', locale: 'de', content: 'A' },
				{ file: 'b.html', locale: 'de', content: 'B' },
				{ file: 'c.html', locale: 'de', content: 'C' },
			]);
			const { items, binaries } = await run(
				{ resource: 'file', operation: 'download', binaryPropertyName: 'data', locale: 'de' },
				{
					input: [{}, {}, {}],
					itemParameters: [{ file: 'a.html' }, { file: 'b.html' }, { file: 'c.html' }],
				},
			);
			expect(items).toHaveLength(3);
			expect(binaries.map((b) => b.buffer.toString())).toEqual(['A', 'B', 'C']);
			expect(beebox.connects).toBe(1);
			expect(beebox.calls('/api/disconnect')).toHaveLength(1);
			expect(beebox.openSessions).toBe(0);
		});

		it('logs out when an item fails, and with Continue On Fail after the last item', async () => {
			beebox.deliverFiles([{ file: 'a.html', locale: 'de', content: 'A' }]);
			const parameters = {
				resource: 'file',
				operation: 'download',
				binaryPropertyName: 'data',
				locale: 'de',
			};
			const input = {
				input: [{}, {}],
				itemParameters: [{ file: 'missing.html' }, { file: 'a.html' }],
			};
			await expect(run(parameters, input)).rejects.toThrow('Beebox has no de translation');
			expect(beebox.openSessions).toBe(0);

			const { items } = await run(parameters, { ...input, continueOnFail: true });
			expect(items.map((i) => Object.keys(i.binary ?? {}))).toEqual([[], ['data']]);
			expect(items[0].json.error).toContain('Beebox has no de translation of "missing.html"');
			expect(beebox.openSessions).toBe(0);
			expect(beebox.connects).toBe(2);
		});

		it('logs in once even when the login fails, and says why', async () => {
			const fake = fakeExecuteContext({
				nodeType: node,
				parameters: { resource: 'file', operation: 'list', limit: 1 },
				input: [{}, {}, {}],
				continueOnFail: true,
				credentials: {
					beeboxApi: {
						serverUrl: beebox.url,
						projectKey: 'p1',
						login: 'connector',
						password: 'no',
					},
				},
			});
			const [items] = await fake.execute();
			expect(items.map((i) => i.json.error)).toEqual(
				Array(3).fill(
					'Beebox login failed: Login failed. Verify login and password. (LOGIN_FAILED)',
				),
			);
			expect(beebox.connects).toBe(1);
		});

		it('logs in again once when Beebox ended the session (LOGGEDOUT)', async () => {
			beebox.deliverFiles([{ file: 'a.html', locale: 'de', content: 'A' }]);
			const fake = fakeExecuteContext({
				nodeType: node,
				parameters: { resource: 'file', operation: 'download', binaryPropertyName: 'data' },
				input: [{}, {}],
				itemParameters: [
					{ locale: 'de', file: 'a.html' },
					{ locale: 'de', file: 'a.html' },
				],
				credentials: {
					beeboxApi: {
						serverUrl: beebox.url,
						projectKey: 'p1',
						login: 'connector',
						password: PASSWORD,
					},
				},
			});
			// an admin's "Reset server / Unlog all users" right after the first download
			beebox.unlogAllAfter = { path: '/api/files/file', calls: 1 };
			const [items] = await fake.execute();
			expect(items).toHaveLength(2);
			expect(beebox.calls('/api/files/file')).toHaveLength(3);
			expect(beebox.connects).toBe(2);
			expect(beebox.openSessions).toBe(0);
		});
	});
});
