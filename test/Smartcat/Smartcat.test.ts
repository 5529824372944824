import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Smartcat } from '../../nodes/Smartcat/Smartcat.node';
import { documentIdsOf } from '../../nodes/Smartcat/actions/document/export.operation';
import { fakeExecuteContext, type FakeNodeOptions } from '../helpers/fakeContext';
import { Recorder } from '../helpers/recorder';
import { SmartcatSimulator } from '../simulators/smartcat';

const node = new Smartcat();
const ACCOUNT = { accountId: 'act-account', apiKey: 'act-api-key' };
const PROJECT_ID = '4d908357-34a2-4503-88c8-ce857b46fc75';

let smartcat: SmartcatSimulator;
let legacy: SmartcatSimulator;
let storage: Recorder;

beforeAll(async () => {
	smartcat = await new SmartcatSimulator({
		...ACCOUNT,
		projects: [
			{ id: PROJECT_ID, name: 'Website relaunch', status: 'inProgress', externalTag: 'cms:web' },
			...Array.from({ length: 249 }, (_, i) => ({
				id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
				name: `Project ${i}`,
				status: 'completed',
				externalTag: i % 2 ? 'cms:web' : 'other',
			})),
		],
		documents: [
			{
				id: 'a882f5712d0c9d1bb54f2504_9',
				name: 'Home page',
				fileName: 'home.html',
				mimeType: 'text/html',
				content: '<h1>Willkommen</h1>\n',
				status: 'completed',
				projectId: PROJECT_ID,
			},
			{
				id: '189_25',
				name: 'Pricing',
				fileName: 'pricing.json',
				mimeType: 'application/json',
				content: Buffer.from([0x7b, 0x22, 0xc3, 0xa4, 0x22, 0x3a, 0x31, 0x7d]),
				status: 'inProgress',
				projectId: PROJECT_ID,
			},
			{
				id: '777_3',
				name: 'Broken',
				status: 'completed',
				projectId: PROJECT_ID,
				exportFails: true,
			},
		],
	}).start();
	legacy = await new SmartcatSimulator({ ...ACCOUNT, lastErrorsShape: 'legacy' }).start();
	storage = await new Recorder().start();
});
afterAll(async () => {
	await smartcat.stop();
	await legacy.stop();
	await storage.stop();
});

function run(parameters: IDataObject, options: FakeNodeOptions = {}, simulator = smartcat) {
	const fake = fakeExecuteContext({
		nodeType: node,
		parameters,
		credentials: { smartcatApi: { ...ACCOUNT, server: 'custom', baseUrl: simulator.url } },
		...options,
	});
	return { ...fake, out: fake.execute().then((r) => r[0]) };
}
const json = async (parameters: IDataObject, options: FakeNodeOptions = {}, sim = smartcat) =>
	(await run(parameters, options, sim).out).map((item) => item.json);

describe('Smartcat node: the description', () => {
	const properties = node.description.properties;
	const operations = properties.filter((p) => p.name === 'operation');

	it('is usable as a tool, and its actions name what they do without articles', () => {
		expect(node.description.usableAsTool).toBe(true);
		const actions = operations.flatMap((p) =>
			(p.options ?? []).map((o) => (o as { action: string }).action),
		);
		expect(actions).toEqual(
			expect.arrayContaining([
				'Get project',
				'Get document',
				'Export documents',
				'Get many projects',
			]),
		);
		for (const action of actions) expect(action).not.toMatch(/\b(a|an|the)\b/i);
	});

	it("reads the trigger's item by default", () => {
		const defaults = Object.fromEntries(
			properties
				.filter((p: INodeProperties) => ['projectId', 'documentId', 'documentIds'].includes(p.name))
				.map((p) => [p.name, p.default]),
		);
		expect(defaults).toEqual({
			projectId: '={{ $json.projectId }}',
			documentId: '={{ $json.documentId }}',
			documentIds: '={{ $json.documentId }}',
		});
	});
});

describe('Smartcat node: callback setting', () => {
	beforeEach(() => {
		smartcat.setting = null;
	});

	it('Get: none set is an item that says so; a set one shows header values masked', async () => {
		expect(await json({ resource: 'callback', operation: 'get' })).toEqual([
			{ isSet: false, url: null, additionalHeaders: [] },
		]);
		smartcat.setting = {
			url: 'https://n8n.example.com/webhook/x/smartcat',
			additionalHeaders: [
				{ name: 'X-Smartcat-Callback-Secret', value: 'the-trigger-secret-value' },
			],
		};
		const out = await json({ resource: 'callback', operation: 'get' });
		expect(out).toEqual([
			{
				isSet: true,
				url: 'https://n8n.example.com/webhook/x/smartcat',
				additionalHeaders: [{ name: 'X-Smartcat-Callback-Secret', value: '***' }],
			},
		]);
		expect(JSON.stringify(out)).not.toContain('the-trigger-secret-value');
	});

	it('Set: checked like Smartcat checks it, then stored; the output names the headers only', async () => {
		const out = await json({
			resource: 'callback',
			operation: 'set',
			url: ' https://cms.example.com/hooks?site=1 ',
			additionalHeaders: { header: [{ name: ' X-Key ', value: 'secret-value' }] },
		});
		expect(out).toEqual([
			{
				isSet: true,
				url: 'https://cms.example.com/hooks?site=1',
				additionalHeaders: [{ name: 'X-Key' }],
			},
		]);
		expect(smartcat.setting).toEqual({
			url: 'https://cms.example.com/hooks?site=1',
			additionalHeaders: [{ name: 'X-Key', value: 'secret-value' }],
		});
		const before = smartcat.requests.length;
		await expect(
			run({
				resource: 'callback',
				operation: 'set',
				url: 'https://cms.example.com/hooks',
				additionalHeaders: { header: [{ name: 'X-Key', value: '  ' }] },
			}).out,
		).rejects.toThrow('header "X-Key" has an empty value: Smartcat refuses it');
		expect(smartcat.requests.length).toBe(before);
	});

	it('Delete: removes the setting', async () => {
		smartcat.setting = { url: 'https://cms.example.com/hooks', additionalHeaders: [] };
		expect(await json({ resource: 'callback', operation: 'delete' })).toEqual([{ deleted: true }]);
		expect(smartcat.setting).toBeNull();
	});
});

describe('Smartcat node: Get Last Errors', () => {
	const recorded = [
		{
			created: '2026-04-01T10:00:00Z',
			url: 'https://n8n.example.com/webhook/x/smartcat/document/status',
			reason: 'HTTP 503',
			code: 503,
			content: '{"code":503}',
			sourceIds: ['189_25', '310_25'],
		},
		{
			created: '2026-04-01T09:00:00Z',
			url: 'https://n8n.example.com/webhook/x/smartcat?site=1/project/status',
			reason: 'Connection refused',
			code: null,
			content: null,
			sourceIds: ['1e2d703f-9def-4d27-ab4d-350cbbe8c44b'],
		},
	];

	it("maps Smartcat's current flat shape, with the event each failure was for", async () => {
		smartcat.errors.splice(0, smartcat.errors.length, ...recorded);
		expect(await json({ resource: 'callback', operation: 'getLastErrors', limit: 10 })).toEqual([
			{ ...recorded[0], event: 'document.status' },
			{ ...recorded[1], event: 'project.status' },
		]);
	});

	it('maps the old PascalCase shape to the same fields', async () => {
		legacy.errors.splice(0, legacy.errors.length, {
			Id: 'e1',
			Created: '2026-04-01T08:00:00Z',
			Expired: '2026-04-02T08:00:00Z',
			Url: 'https://n8n.example.com/webhook/x/smartcat/document/translationImportCompleted',
			FailResponse: { Reason: 'HTTP 401', Code: 401, Content: 'missing or wrong secret header' },
		});
		expect(
			await json({ resource: 'callback', operation: 'getLastErrors', limit: 10 }, {}, legacy),
		).toEqual([
			{
				created: '2026-04-01T08:00:00Z',
				url: 'https://n8n.example.com/webhook/x/smartcat/document/translationImportCompleted',
				event: 'document.translationImportCompleted',
				reason: 'HTTP 401',
				code: 401,
				content: 'missing or wrong secret header',
				sourceIds: null,
			},
		]);
	});

	it('never asks for more than 100 (Smartcat refuses it), and sends the limit asked for below', async () => {
		smartcat.errors.splice(0, smartcat.errors.length, ...recorded);
		const before = smartcat.requests.length;
		await json({ resource: 'callback', operation: 'getLastErrors', limit: 500 });
		expect(await json({ resource: 'callback', operation: 'getLastErrors', limit: 1 })).toHaveLength(
			1,
		);
		expect(smartcat.requests.slice(before).map((r) => r.query)).toEqual(['?limit=100', '?limit=1']);
	});
});

describe('Smartcat node: projects and documents', () => {
	it('Get project and Get document, by default from the incoming item', async () => {
		// no ID parameter set: n8n resolves the defaults ={{ $json.projectId }} / ={{ $json.documentId }}
		const project = await json(
			{ resource: 'project', operation: 'get' },
			{ input: [{ projectId: PROJECT_ID }] },
		);
		expect(project).toEqual([
			expect.objectContaining({
				id: PROJECT_ID,
				name: 'Website relaunch',
				documents: expect.arrayContaining([expect.objectContaining({ id: '189_25' })]),
			}),
		]);
		const out = await json(
			{ resource: 'document', operation: 'get' },
			{ input: [{ documentId: '189_25' }] },
		);
		expect(out).toEqual([expect.objectContaining({ id: '189_25', status: 'inProgress' })]);
		expect(out[0]).not.toHaveProperty('content');
	});

	it.each([
		['project', 'projectId', '../callback'],
		['project', 'projectId', 'a/b'],
		['document', 'documentId', '189'],
		['document', 'documentId', '189_25&documentId=x_1'],
	])('%s %s %j is refused before anything is sent', async (resource, field, id) => {
		const before = smartcat.requests.length;
		await expect(run({ resource, operation: 'get', [field]: id }).out).rejects.toThrow(
			'is not a valid Smartcat',
		);
		expect(smartcat.requests.length).toBe(before);
	});

	it("a missing document is Smartcat's 404, with its message; Continue On Fail puts it in the item", async () => {
		await expect(
			run({ resource: 'document', operation: 'get', documentId: 'nope_1' }).out,
		).rejects.toThrow('Document not found');
		expect(
			await json(
				{ resource: 'document', operation: 'get', documentId: 'nope_1' },
				{ continueOnFail: true },
			),
		).toEqual([
			expect.objectContaining({ error: expect.stringContaining('HTTP 404: Document not found') }),
		]);
	});

	it('a wrong API key: the error says to check the credential', async () => {
		const fake = fakeExecuteContext({
			nodeType: node,
			parameters: { resource: 'project', operation: 'get', projectId: PROJECT_ID },
			credentials: {
				smartcatApi: { ...ACCOUNT, apiKey: 'wrong', server: 'custom', baseUrl: smartcat.url },
			},
		});
		await expect(fake.execute()).rejects.toMatchObject({
			httpCode: '401',
			description: expect.stringContaining('Check the Smartcat credential'),
		});
	});

	it('Get Many pages through the list 100 at a time, up to the limit', async () => {
		const before = smartcat.requests.length;
		const out = await json({ resource: 'project', operation: 'getMany', limit: 120 });
		expect(out).toHaveLength(120);
		expect(smartcat.requests.slice(before).map((r) => r.query)).toEqual([
			'?offset=0&limit=100&includeDocuments=true',
			'?offset=100&limit=20&includeDocuments=true',
		]);
	});

	it('Get Many with Return All reads every page, with the filters Smartcat offers', async () => {
		expect(await json({ resource: 'project', operation: 'getMany', returnAll: true })).toHaveLength(
			250,
		);
		const before = smartcat.requests.length;
		const tagged = await json({
			resource: 'project',
			operation: 'getMany',
			returnAll: true,
			includeDocuments: false,
			filters: { externalTag: 'cms:web', projectName: 'Proj', clientIds: ' c1 , c2 ' },
		});
		expect(smartcat.requests.slice(before)[0].query).toBe(
			'?offset=0&limit=100&includeDocuments=false&projectName=Proj&externalTag=cms%3Aweb&clientIds=c1%2Cc2',
		);
		expect(tagged).toEqual([]); // no project has those clients
		const web = await json({
			resource: 'project',
			operation: 'getMany',
			returnAll: true,
			filters: { externalTag: 'cms:web' },
		});
		expect(web).toHaveLength(125);
	});
});

describe('Smartcat node: Document → Export', () => {
	const exportOf = (parameters: IDataObject, options: FakeNodeOptions = {}) =>
		run({ resource: 'document', operation: 'export', ...parameters }, options);
	// Smartcat answers 204 while it makes an export, and the node then waits a second before it asks again: the
	// first test goes through that wait; the others ask for exports that are ready at once, not to wait a second each.
	beforeEach(() => {
		smartcat.exportPollsBeforeReady = 0;
	});
	afterAll(() => {
		smartcat.exportPollsBeforeReady = 1;
	});

	it('asks for the export, waits while Smartcat answers 204, and outputs the file with its name and type', async () => {
		smartcat.exportPollsBeforeReady = 1;
		const { out, binaries } = exportOf(
			{ documentIds: '={{ $json.documentId }}' },
			{ itemParameters: [{ documentIds: 'a882f5712d0c9d1bb54f2504_9' }] },
		);
		const items = await out;
		expect(items.map((i) => i.json)).toEqual([
			{
				documentId: 'a882f5712d0c9d1bb54f2504_9',
				documentIds: ['a882f5712d0c9d1bb54f2504_9'],
				exportTaskId: expect.stringMatching(/^[0-9a-f-]{36}$/),
				type: 'target',
				fileName: 'home.html',
				mimeType: 'text/html',
			},
		]);
		expect(items[0].binary?.data).toMatchObject({ fileName: 'home.html', mimeType: 'text/html' });
		expect(binaries.map((b) => b.buffer.toString('utf8'))).toEqual(['<h1>Willkommen</h1>\n']);
		const task = String(items[0].json.exportTaskId);
		const calls = smartcat.requests.filter((r) => r.path.includes('/document/export'));
		expect(calls.filter((r) => r.path.endsWith(task))).toHaveLength(2); // 204, then 200
		expect(
			calls.some((r) => r.query === '?documentIds=a882f5712d0c9d1bb54f2504_9&type=target'),
		).toBe(true);
	}, 30_000);

	it('one file per document, byte for byte; or one ZIP archive; XLIFF with its own name', async () => {
		const perDocument = exportOf({
			documentIds: 'a882f5712d0c9d1bb54f2504_9, 189_25',
			options: { binaryPropertyName: 'file', stageNumber: 2, mode: 'confirmed' },
		});
		const items = await perDocument.out;
		expect(items.map((i) => [i.json.documentId, i.binary?.file.fileName])).toEqual([
			['a882f5712d0c9d1bb54f2504_9', 'home.html'],
			['189_25', 'pricing.json'],
		]);
		expect(perDocument.binaries[1].buffer).toEqual(
			Buffer.from([0x7b, 0x22, 0xc3, 0xa4, 0x22, 0x3a, 0x31, 0x7d]),
		);
		expect(
			smartcat.requests.some(
				(r) => r.query === '?documentIds=189_25&type=target&mode=confirmed&stageNumber=2',
			),
		).toBe(true);

		const archive = exportOf({
			documentIds: 'a882f5712d0c9d1bb54f2504_9,189_25',
			output: 'archive',
		});
		const [zip] = await archive.out;
		expect(zip.json).toMatchObject({
			documentIds: ['a882f5712d0c9d1bb54f2504_9', '189_25'],
			mimeType: 'application/zip',
			fileName: `${String(zip.json.exportTaskId)}.zip`,
		});
		const bytes = archive.binaries[0].buffer;
		expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
		expect(bytes.includes(Buffer.from('a882f5712d0c9d1bb54f2504_9/home.html'))).toBe(true);
		expect(bytes.includes(Buffer.from('<h1>Willkommen</h1>'))).toBe(true);

		const xliff = exportOf({ documentIds: '189_25', type: 'xliff' });
		expect((await xliff.out)[0].json).toMatchObject({
			fileName: 'pricing.json.xlf',
			mimeType: 'application/x-xliff+xml',
		});
	}, 60_000);

	it('an export Smartcat cannot make (422) is an error naming the export and the document', async () => {
		await expect(exportOf({ documentIds: '777_3' }).out).rejects.toThrow(
			/^Smartcat export [0-9a-f-]+ of document 777_3 failed: Smartcat GET \/document\/export\/[0-9a-f-]+: HTTP 422: The document could not be exported$/,
		);
	}, 30_000);

	it('without a file name from Smartcat: the document ID with the extension of the type, or the task for an archive', async () => {
		smartcat.exportWithoutFileName = true;
		try {
			const names = [];
			for (const type of ['target', 'xliff', 'multilangCsv']) {
				const [item] = await exportOf({ documentIds: '189_25', type }).out;
				names.push([item.json.fileName, item.binary?.data.fileName]);
			}
			expect(names).toEqual([
				['189_25', '189_25'],
				['189_25.xlf', '189_25.xlf'],
				['189_25.csv', '189_25.csv'],
			]);
			const [zip] = await exportOf({
				documentIds: '189_25 a882f5712d0c9d1bb54f2504_9',
				output: 'archive',
			}).out;
			expect(zip.json.fileName).toBe(`smartcat-export-${String(zip.json.exportTaskId)}.zip`);
			expect(zip.json).not.toHaveProperty('documentId');
		} finally {
			smartcat.exportWithoutFileName = false;
		}
	}, 60_000);

	it('a failed export says what to do; an archive names how many documents it held', async () => {
		const single = await exportOf({ documentIds: '777_3' }).out.catch((e: unknown) => e);
		expect((single as { description?: string }).description).toBe(
			'Smartcat could not export the document: check it in Smartcat (e.g. a file it cannot rebuild), or export XLIFF.',
		);
		await expect(exportOf({ documentIds: '777_3;189_25', output: 'archive' }).out).rejects.toThrow(
			/^Smartcat export [0-9a-f-]+ of 2 documents failed: /,
		);
	}, 30_000);

	it('no document ID is an error saying what to give; a blank binary field name means "data"', async () => {
		const error = await exportOf({ documentIds: ' , ' }).out.catch((e: unknown) => e);
		expect(error).toMatchObject({
			message: 'No document ID to export',
			description:
				'Give one or more document IDs, e.g. 189_25 (documentId of a Smartcat Trigger item)',
		});
		const items = await exportOf(
			{ documentIds: '189_25', options: { binaryPropertyName: '  ' } },
			{ input: [{}, {}] },
		).out;
		expect(items.map((item) => [Object.keys(item.binary ?? {}), item.pairedItem])).toEqual([
			[['data'], { item: 0 }],
			[['data'], { item: 1 }],
		]);
	}, 60_000);

	it('an export that is not ready within the Timeout is an error that says so', async () => {
		const slow = await new SmartcatSimulator({
			...ACCOUNT,
			exportPollsBeforeReady: 1_000,
			documents: [{ id: '189_25', name: 'Pricing', status: 'completed', projectId: 'p' }],
		}).start();
		try {
			await expect(
				run(
					{
						resource: 'document',
						operation: 'export',
						documentIds: '189_25',
						options: { timeout: 1 },
					},
					{},
					slow,
				).out,
			).rejects.toThrow(
				/^Smartcat export [0-9a-f-]+ of document 189_25 did not finish within 1 s$/,
			);
		} finally {
			await slow.stop();
		}
	});

	it('no document ID is an error before anything is sent; ids are deduplicated', async () => {
		await expect(exportOf({ documentIds: ' , ' }).out).rejects.toThrow('No document ID to export');
		expect(documentIdsOf(['189_25', '189_25', ' 310_25 '])).toEqual(['189_25', '310_25']);
	});

	it("a 429 is waited out as Smartcat's Retry-After says, then the export goes on", async () => {
		smartcat.rateLimitNext(1, '1');
		const { out, binaries } = exportOf({ documentIds: '189_25' });
		expect((await out).map((i) => i.json.documentId)).toEqual(['189_25']);
		expect(binaries).toHaveLength(1);
	}, 30_000);

	it('a download redirected to another host is followed without the credential', async () => {
		const before = storage.received.length;
		smartcat.exportRedirect = `${storage.url}/bucket/file.json`;
		const { out, binaries } = exportOf({ documentIds: '189_25' });
		await out.finally(() => (smartcat.exportRedirect = undefined));
		const fetched = storage.received.slice(before);
		expect(fetched).toEqual([
			expect.objectContaining({ method: 'GET', path: '/bucket/file.json' }),
		]);
		expect(fetched[0].headers).not.toHaveProperty('authorization');
		expect(binaries[0].buffer.toString()).toBe('{"ok":true}');
	}, 30_000);
});

describe('Smartcat node: the credential never goes to another host', () => {
	it('an API call redirected to another origin fails, and the other host gets nothing', async () => {
		const before = storage.received.length;
		smartcat.redirectNext(`${storage.url}/api/integration/v1/project/${PROJECT_ID}`);
		await expect(
			run({ resource: 'project', operation: 'get', projectId: PROJECT_ID }).out,
		).rejects.toThrow(
			/the API redirected to http:\/\/127\.0\.0\.1:\d+; the credential is not sent/,
		);
		expect(storage.received.length).toBe(before);
	});
});
