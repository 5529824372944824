import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { Smartcat } from '../../nodes/Smartcat/Smartcat.node';
import { VENDOR_COST_NOTICE } from '../../nodes/Smartcat/actions/project/create.operation';
import { languageOptions, vendorOptions } from '../../nodes/Smartcat/directories';
import { searchProjects } from '../../nodes/Smartcat/projectLocator';
import createRequest from '../fixtures/public/smartcat/api-project-create-request-zapier.json';
import addRequest from '../fixtures/public/smartcat/api-project-document-request-php-sdk.json';
import updateRequest from '../fixtures/public/smartcat/api-document-update-request-php-sdk.json';
import { fakeExecuteContext, type FakeBinary, type FakeNodeOptions } from '../helpers/fakeContext';
import { SIMULATED_VENDOR, SmartcatSimulator } from '../simulators/smartcat';

/**
 * The Smartcat node's operations that send work (Project → Create, Document → Add to Project, Document → Update)
 * against the Smartcat simulator: what goes out (as Smartcat's SDKs send it), what is checked before anything
 * goes out, and that nothing is sent twice when Smartcat may have received it.
 */
const node = new Smartcat();
const ACCOUNT = { accountId: 'send-account', apiKey: 'send-api-key' };
const PROJECT_ID = '4d908357-34a2-4503-88c8-ce857b46fc75';
const HTML = Buffer.from('<h1>Welcome to our shop</h1>\n<p>Prices in € and ✓ marks</p>\n', 'utf8');

let smartcat: SmartcatSimulator;
beforeEach(async () => {
	smartcat = await new SmartcatSimulator({
		...ACCOUNT,
		projects: [
			{
				id: PROJECT_ID,
				name: 'Website relaunch',
				status: 'inProgress',
				sourceLanguage: 'en',
				targetLanguages: ['de', 'fr'],
			},
		],
		documents: [
			{
				id: 'a882f5712d0c9d1bb54f2504_7',
				name: 'home',
				filename: 'home.html',
				status: 'completed',
				projectId: PROJECT_ID,
				targetLanguage: 'de',
			},
			{
				id: 'a882f5712d0c9d1bb54f2504_12',
				name: 'home',
				filename: 'home.html',
				status: 'completed',
				projectId: PROJECT_ID,
				targetLanguage: 'fr',
			},
		],
	}).start();
});
afterEach(async () => smartcat.stop());

const file = (data: Buffer, fileName: string, mimeType = 'text/html'): FakeBinary => ({
	data,
	fileName,
	mimeType,
});

function run(parameters: IDataObject, options: FakeNodeOptions = {}) {
	const fake = fakeExecuteContext({
		nodeType: node,
		parameters,
		credentials: { smartcatApi: { ...ACCOUNT, server: 'custom', baseUrl: smartcat.url } },
		binaryInput: [{ data: file(HTML, 'home.html') }],
		...options,
	});
	return { ...fake, out: fake.execute().then((r) => r[0]) };
}

const create = (parameters: IDataObject = {}, options: FakeNodeOptions = {}) =>
	run(
		{
			resource: 'project',
			operation: 'create',
			projectName: 'Home page',
			sourceLanguage: 'en',
			targetLanguages: ['de', 'fr'],
			...parameters,
		},
		options,
	);

async function failure(promise: Promise<unknown>): Promise<Error & { description?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('expected the node to fail');
}

const parts = (index = 0) =>
	smartcat.work[index].parts.map((p) => ({
		name: p.name,
		fileName: p.fileName,
		contentType: p.contentType,
	}));

describe('Project → Create', () => {
	it("sends the model as a JSON part and the file as a document, as Smartcat's SDKs do, and outputs the project", async () => {
		const { out, binaryStreams } = create();
		const items = await out;
		expect(smartcat.work).toHaveLength(1);
		const [sent] = smartcat.work;
		// the parts in the order and with the types of Smartcat's own Zapier app and PHP SDK
		const [model, document] = createRequest.request.parts;
		expect(parts()).toEqual([
			{ name: model.name, fileName: undefined, contentType: model.contentType },
			{ name: 'file_1', fileName: 'home.html', contentType: 'text/html' },
		]);
		expect(document.fileName).toBeDefined();
		expect(sent.parts[1].bytes.equals(HTML)).toBe(true);
		// what a fresh node sends: the required assignToVendor (false: no paid vendor), one translation stage
		expect(sent.model).toEqual({
			name: 'Home page',
			sourceLanguage: 'en',
			targetLanguages: ['de', 'fr'],
			assignToVendor: false,
			workflowStages: ['translation'],
		});
		// every key sent is one Smartcat's own app sends, or one of the OpenAPI's CreateProjectModel
		for (const key of Object.keys(sent.model as object))
			expect(Object.keys(model.json as object)).toContain(key);
		// the file was read from n8n's binary data as a stream (filesystem mode), once
		expect(binaryStreams).toHaveLength(1);
		const project = smartcat.createdProjects[0];
		expect(items).toEqual([
			{
				json: expect.objectContaining({
					id: project.id,
					name: 'Home page',
					status: 'created',
					documents: [
						expect.objectContaining({ filename: 'home.html', targetLanguage: 'de' }),
						expect.objectContaining({ filename: 'home.html', targetLanguage: 'fr' }),
					],
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends every option as CreateProjectModel names it, and several files as several documents', async () => {
		const pricing = Buffer.from('{"title": "Prices"}', 'utf8');
		await create(
			{
				binaryPropertyName: 'data, pricing',
				workflowStages: ['translation', 'editing', 'proofreading'],
				options: {
					deadline: '2026-12-24T12:00:00',
					description: ' For the relaunch ',
					externalTag: 'cms',
					clientId: 'c1d2e3f4-0000-4000-8000-000000000001',
					externalId: 'entry-42',
					metaInfo: 'home page',
					useMT: true,
					pretranslate: true,
				},
			},
			{
				binaryInput: [
					{
						data: file(HTML, 'home.html'),
						pricing: file(pricing, 'pricing.json', 'application/json'),
					},
				],
			},
		).out;
		const [sent] = smartcat.work;
		expect(sent.model).toEqual({
			name: 'Home page',
			sourceLanguage: 'en',
			targetLanguages: ['de', 'fr'],
			assignToVendor: false,
			workflowStages: ['translation', 'editing', 'proofreading'],
			deadline: '2026-12-24T12:00:00.000Z',
			description: 'For the relaunch',
			externalTag: 'cms',
			clientId: 'c1d2e3f4-0000-4000-8000-000000000001',
			useMT: true,
			pretranslate: true,
			documentProperties: [
				{ externalId: 'entry-42', metaInfo: 'home page' },
				{ externalId: 'entry-42', metaInfo: 'home page' },
			],
		});
		expect(parts().map((p) => p.fileName)).toEqual([undefined, 'home.html', 'pricing.json']);
		expect(sent.parts[2].bytes.equals(pricing)).toBe(true);
		expect(smartcat.createdProjects[0].workflowStages).toEqual([
			{ progress: 0, stageType: 'translation' },
			{ progress: 0, stageType: 'editing' },
			{ progress: 0, stageType: 'proofreading' },
		]);
		// one document per file and language, each with the external ID
		const documents = [...smartcat.documents.values()].filter(
			(d) => d.projectId === smartcat.createdProjects[0].id,
		);
		expect(documents.map((d) => [d.filename, d.targetLanguage, d.externalId])).toEqual([
			['home.html', 'de', 'entry-42'],
			['home.html', 'fr', 'entry-42'],
			['pricing.json', 'de', 'entry-42'],
			['pricing.json', 'fr', 'entry-42'],
		]);
	});

	it("takes languages as Smartcat spells them, from a list or an expression's text", async () => {
		await create({ sourceLanguage: ' EN ', targetLanguages: 'de, pt_br;ZH-hans' }).out;
		expect(smartcat.work[0].model).toMatchObject({
			sourceLanguage: 'en',
			targetLanguages: ['de', 'pt-BR', 'zh-Hans'],
		});
	});

	it('reads the language directory once for all items, and creates one project per item', async () => {
		const { out } = create(
			{ projectName: '={{ $json.title }}' },
			{
				input: [{ title: 'One' }, { title: 'Two' }, { title: 'Three' }],
				binaryInput: [
					{ data: file(HTML, 'one.html') },
					{ data: file(HTML, 'two.html') },
					{ data: file(HTML, 'three.html') },
				],
			},
		);
		const items = await out;
		expect(items.map((i) => [i.json.name, i.pairedItem])).toEqual([
			['One', { item: 0 }],
			['Two', { item: 1 }],
			['Three', { item: 2 }],
		]);
		expect(smartcat.requests.filter((r) => r.path.endsWith('/directory'))).toHaveLength(1);
		expect(smartcat.createdProjects.map((p) => p.name)).toEqual(['One', 'Two', 'Three']);
	});

	it('sends a file n8n keeps in the item (its default binary mode) the same way', async () => {
		const { out, binaryStreams } = create(
			{},
			{ binaryInput: [{ data: { ...file(HTML, 'home.html'), mode: 'memory' } }] },
		);
		await out;
		expect(binaryStreams).toHaveLength(0);
		expect(smartcat.work[0].parts[1].bytes.equals(HTML)).toBe(true);
	});

	it('without an Input Binary Field: a project without documents', async () => {
		const [item] = await create({ binaryPropertyName: '' }, { binaryInput: [] }).out;
		expect(parts()).toEqual([
			{ name: 'model', fileName: undefined, contentType: 'application/json' },
		]);
		expect(item.json.documents).toEqual([]);
	});

	it.each([
		[
			'a language Smartcat does not have',
			{ targetLanguages: ['de', 'xx-Klingon'] },
			'Target Languages: "xx-Klingon" is not a language Smartcat has',
		],
		[
			'a misspelt region, with the close ones offered',
			{ targetLanguages: ['pt-PT'] },
			'Target Languages: "pt-PT" is not a language Smartcat has',
		],
		['an unknown source language', { sourceLanguage: 'english' }, 'Source Language: "english"'],
		['no target language', { targetLanguages: [] }, 'Target Languages is empty'],
		[
			'the source among the targets',
			{ targetLanguages: ['de', 'EN'] },
			'en is the source language',
		],
		['no name', { projectName: '  ' }, 'Project Name is empty'],
		[
			'a deadline that is no date',
			{ options: { deadline: 'next friday' } },
			'Deadline "next friday" is not a date',
		],
		['a vendor assignment without a vendor', { assignToVendor: true }, 'Vendor: no vendor chosen'],
		[
			'a binary field the item does not have',
			{ binaryPropertyName: 'data, attachment' },
			'Input Binary Field "attachment": item 1 has no binary property of that name',
		],
		[
			'a file over Max File Size',
			{ options: { maxFileSize: 1 } },
			'Input Binary Field "big": the file "big.html" is 1.5 MB, over the limit of 1 MB',
		],
	])('refuses %s before anything is sent, naming the field', async (_what, parameters, message) => {
		const big = { big: file(Buffer.alloc(1.5 * 1024 * 1024, 0x61), 'big.html') };
		const error = await failure(
			create(
				{
					...(message.includes('"big"') ? { binaryPropertyName: 'big' } : {}),
					...parameters,
				},
				message.includes('"big"') ? { binaryInput: [big] } : {},
			).out,
		);
		expect(error.message).toContain(message);
		expect(smartcat.work).toHaveLength(0);
	});

	it("takes workflow stages in any case (Smartcat's Zapier app writes Translation) and refuses unknown ones", async () => {
		await create({ workflowStages: 'Translation, EDITING' }).out;
		expect(smartcat.work[0].model).toMatchObject({ workflowStages: ['translation', 'editing'] });
		const error = await failure(create({ workflowStages: ['translation', 'review'] }).out);
		expect(error.message).toBe('Workflow Stages: "review" is not a stage Smartcat has');
		expect(smartcat.work).toHaveLength(1);
	});

	it.each([
		[
			'Project → Create',
			{
				resource: 'project',
				operation: 'create',
				projectName: 'x',
				sourceLanguage: 'en',
				targetLanguages: ['de'],
			},
		],
		[
			'Document → Add to Project',
			{ resource: 'document', operation: 'addToProject', projectId: PROJECT_ID },
		],
		[
			'Document → Update',
			{ resource: 'document', operation: 'update', documentId: 'a882f5712d0c9d1bb54f2504_7' },
		],
	])(
		"%s refuses to run with n8n's Retry On Fail on, which would send it again",
		async (_what, parameters) => {
			const fake = fakeExecuteContext({
				nodeType: node,
				parameters,
				credentials: { smartcatApi: { ...ACCOUNT, server: 'custom', baseUrl: smartcat.url } },
				binaryInput: [{ data: file(HTML, 'home.html') }],
			});
			const getNode = fake.ctx.getNode.bind(fake.ctx);
			fake.ctx.getNode = () => ({ ...getNode(), retryOnFail: true });
			const error = await failure(fake.execute());
			expect(error.message).toMatch(/^"Retry On Fail" is on, and .* must be sent once only$/);
			expect(error.description).toContain('Turn "Retry On Fail" off');
			expect(smartcat.requests).toHaveLength(0);
		},
	);

	it('suggests the codes Smartcat has for a language it does not know in that spelling', async () => {
		const error = await failure(create({ targetLanguages: ['pt-PT'] }).out);
		expect(error.description).toContain('Did you mean pt-BR?');
	});

	it('refuses two files of the same name (Smartcat answers 409 for them), naming both fields', async () => {
		const error = await failure(
			create(
				{ binaryPropertyName: 'data,copy' },
				{ binaryInput: [{ data: file(HTML, 'home.html'), copy: file(HTML, 'home.html') }] },
			).out,
		);
		expect(error.message).toBe('Input Binary Field: "data" and "copy" are both named "home.html"');
		expect(smartcat.work).toHaveLength(0);
	});

	it('assigns the chosen vendor (paid work), and says so in the description and a notice', async () => {
		await create({ assignToVendor: true, vendorId: SIMULATED_VENDOR.id }).out;
		expect(smartcat.work[0].model).toMatchObject({
			assignToVendor: true,
			vendorAccountIds: [SIMULATED_VENDOR.id],
		});
		const properties = node.description.properties;
		const operation = properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => p.options ?? [])
			.find((o) => (o as { action?: string }).action === 'Create project') as {
			description: string;
		};
		expect(operation.description).toMatch(/costs money/i);
		const notice = properties.find((p) => p.type === 'notice' && p.name === 'vendorCostNotice');
		expect(notice).toMatchObject({
			displayName: VENDOR_COST_NOTICE,
			displayOptions: {
				show: { assignToVendor: [true], resource: ['project'], operation: ['create'] },
			},
		});
		expect(VENDOR_COST_NOTICE).toMatch(/costs money/i);
	});

	it("keeps Smartcat's message for a refusal (a 4xx is no creation: nothing to check)", async () => {
		const error = await failure(
			create({ assignToVendor: true, vendorId: '0d0d0d0d-0000-4000-8000-000000000000' }).out,
		);
		expect(error.message).toContain('HTTP 400: The vendor ID is incorrect (correlation id');
		expect(error.message).not.toContain('may have received');
		expect(smartcat.work).toHaveLength(0);
	});

	it.each([
		[
			'a 500 after Smartcat created the project',
			'error500' as const,
			'HTTP 500: Internal server error',
		],
		['a connection lost after Smartcat created the project', 'reset' as const, 'no answer'],
		['no answer within the timeout', 'noAnswer' as const, 'no answer'],
	])(
		'%s: the request is not sent again, and the error says how to check',
		async (_what, fault, reason) => {
			smartcat.faultAfterRecording(fault);
			const error = await failure(create({ options: { timeout: 1 } }).out);
			expect(error.message).toContain(reason);
			expect(error.message).toContain(
				'Smartcat may have received the request and created what it asked for; it is not sent again automatically',
			);
			expect(error.description).toContain('look in Smartcat for a project named "Home page"');
			// one project, not two: the one request Smartcat recorded
			expect(smartcat.work).toHaveLength(1);
			expect(smartcat.createdProjects).toHaveLength(1);
			expect(smartcat.requests.filter((r) => r.path.endsWith('/project/create'))).toHaveLength(1);
		},
	);

	it('with Continue On Fail: the failed item says what may have happened, the next items are created once each', async () => {
		smartcat.faultAfterRecording('error500');
		const items = await create(
			{ projectName: '={{ $json.title }}' },
			{
				continueOnFail: true,
				input: [{ title: 'One' }, { title: 'Two' }],
				binaryInput: [{ data: file(HTML, 'one.html') }, { data: file(HTML, 'two.html') }],
			},
		).out;
		expect(
			items.map((i) => [i.json.error === undefined ? i.json.name : 'error', i.pairedItem]),
		).toEqual([
			['error', { item: 0 }],
			['Two', { item: 1 }],
		]);
		expect(String(items[0].json.error)).toContain('Smartcat may have received the request');
		expect(String(items[0].json.description)).toContain('project named "One"');
		expect(smartcat.createdProjects.map((p) => p.name)).toEqual(['One', 'Two']);
	});

	it('waits out a 429 (Smartcat refused it unread) and sends the project once', async () => {
		smartcat.rateLimitNext(1, '0', '/project/create');
		await create().out;
		expect(smartcat.requests.filter((r) => r.path.endsWith('/project/create'))).toHaveLength(2);
		expect(smartcat.createdProjects).toHaveLength(1);
	});

	it('with a refused API key: the credential hint, nothing created', async () => {
		const error = await failure(
			create(
				{},
				{
					credentials: {
						smartcatApi: { ...ACCOUNT, apiKey: 'wrong', server: 'custom', baseUrl: smartcat.url },
					},
				},
			).out,
		);
		expect(error.message).toContain('HTTP 401');
		expect(smartcat.work).toHaveLength(0);
	});
});

describe('Document → Add to Project', () => {
	const add = (parameters: IDataObject = {}, options: FakeNodeOptions = {}) =>
		run(
			{
				resource: 'document',
				operation: 'addToProject',
				projectId: { __rl: true, mode: 'list', value: PROJECT_ID },
				...parameters,
			},
			options,
		);

	it('sends the files to the project, and outputs one item per new document (file × target language)', async () => {
		const items = await add({}, { binaryInput: [{ data: file(HTML, 'pricing.html') }] }).out;
		const [sent] = smartcat.work;
		expect([sent.kind, sent.query]).toEqual(['project/document', { projectId: PROJECT_ID }]);
		expect(addRequest.request.path).toContain('?projectId=');
		expect(parts()).toEqual([
			{ name: 'file_1', fileName: 'pricing.html', contentType: 'text/html' },
		]);
		expect(sent.parts[0].bytes.equals(HTML)).toBe(true);
		expect(items.map((i) => [i.json.filename, i.json.targetLanguage, i.pairedItem])).toEqual([
			['pricing.html', 'de', { item: 0 }],
			['pricing.html', 'fr', { item: 0 }],
		]);
	});

	it.each([
		['by ID', { __rl: true, mode: 'id', value: ` ${PROJECT_ID} ` }],
		[
			'by URL',
			{
				__rl: true,
				mode: 'url',
				value: `https://smartcat.com/projects/${PROJECT_ID}/files?documentPage=1`,
			},
		],
		['as plain text from an expression', PROJECT_ID],
		['as the address, from an AI agent', `https://us.smartcat.ai/projects/${PROJECT_ID}`],
	])('takes the project %s', async (_how, projectId) => {
		await add({ projectId }, { binaryInput: [{ data: file(HTML, 'faq.html') }] }).out;
		expect(smartcat.work[0].query.projectId).toBe(PROJECT_ID);
	});

	it('refuses what is no project, naming the parameter, before sending', async () => {
		const error = await failure(
			add({ projectId: { __rl: true, mode: 'url', value: 'https://smartcat.com/projects/' } }).out,
		);
		expect(error.message).toBe(
			'Project: "https://smartcat.com/projects/" is not a Smartcat project ID or project address',
		);
		expect(smartcat.work).toHaveLength(0);
	});

	it('sends the chosen target languages and the document settings in the query, as the OpenAPI names them', async () => {
		await add(
			{ options: { targetLanguages: ['FR'], externalId: 'entry-7', metaInfo: 'faq' } },
			{ binaryInput: [{ data: file(HTML, 'faq.html') }] },
		).out;
		expect(smartcat.work[0].query).toEqual({
			projectId: PROJECT_ID,
			targetLanguages: 'fr',
			externalId: 'entry-7',
			metaInfo: 'faq',
		});
		const added = [...smartcat.documents.values()].filter((d) => d.filename === 'faq.html');
		expect(added.map((d) => [d.targetLanguage, d.externalId, d.metaInfo])).toEqual([
			['fr', 'entry-7', 'faq'],
		]);
	});

	it("keeps Smartcat's message when it refuses (404 unknown project, 409 a name the project has)", async () => {
		const missing = await failure(add({ projectId: '0d0d0d0d-0000-4000-8000-000000000000' }).out);
		expect(missing.message).toContain('HTTP 404: The provided project ID does not exist');
		const duplicate = await failure(
			add({}, { binaryInput: [{ data: file(HTML, 'home.html') }] }).out,
		);
		expect(duplicate.message).toContain('HTTP 409: The document name is not unique');
		expect(duplicate.message).not.toContain('may have received');
		expect(smartcat.work).toHaveLength(0);
	});

	it('a 500 after Smartcat added the document: not sent again, with where to look', async () => {
		smartcat.faultAfterRecording('error500');
		const error = await failure(add({}, { binaryInput: [{ data: file(HTML, 'faq.html') }] }).out);
		expect(error.message).toContain('Smartcat may have received the request');
		expect(error.description).toContain(`Project → Get for ${PROJECT_ID}) for "faq.html"`);
		expect(smartcat.work).toHaveLength(1);
	});
});

describe('Document → Update', () => {
	const update = (parameters: IDataObject = {}, options: FakeNodeOptions = {}) =>
		run({ resource: 'document', operation: 'update', ...parameters }, options);

	it("sends the new source file to Smartcat's current (v2) method, for the incoming item's document", async () => {
		const next = Buffer.from('<h1>Welcome to our new shop</h1>\n', 'utf8');
		const items = await update(
			{},
			{
				input: [{ documentId: 'a882f5712d0c9d1bb54f2504_7' }],
				binaryInput: [{ data: file(next, 'home.html') }],
			},
		).out;
		const [sent] = smartcat.work;
		expect([sent.kind, sent.version, sent.query]).toEqual([
			'document/update',
			'v2',
			{ documentId: 'a882f5712d0c9d1bb54f2504_7' },
		]);
		expect(updateRequest.request.path.startsWith('/api/integration/v2/document/update?')).toBe(
			true,
		);
		expect(parts()).toEqual([
			{
				name: updateRequest.request.parts[0].name,
				fileName: 'home.html',
				contentType: 'text/html',
			},
		]);
		expect(sent.parts[0].bytes.equals(next)).toBe(true);
		// Smartcat updates the document in every target language
		expect(items.map((i) => [i.json.id, i.json.status])).toEqual([
			['a882f5712d0c9d1bb54f2504_7', 'inProgress'],
			['a882f5712d0c9d1bb54f2504_12', 'inProgress'],
		]);
	});

	it('refuses a document ID that could reach another API path, and an empty one', async () => {
		await expect(update({ documentId: '../project/x_1' }).out).rejects.toThrow(
			'is not a valid Smartcat document ID',
		);
		await expect(update({ documentId: '' }).out).rejects.toThrow('Document ID is empty');
		expect(smartcat.work).toHaveLength(0);
	});

	it("keeps Smartcat's message for a document it does not have", async () => {
		const error = await failure(update({ documentId: '999_7' }).out);
		expect(error.message).toContain('HTTP 404: The provided document ID does not exist');
	});

	it('no answer in time: not sent again', async () => {
		smartcat.faultAfterRecording('noAnswer');
		const error = await failure(
			update({ documentId: 'a882f5712d0c9d1bb54f2504_7', options: { timeout: 1 } }).out,
		);
		expect(error.message).toContain('Smartcat may have received the request');
		expect(error.description).toContain('look at document a882f5712d0c9d1bb54f2504_7 in Smartcat');
		expect(smartcat.work).toHaveLength(1);
	});
});

describe('pick lists', () => {
	const context = () =>
		fakeExecuteContext({
			credentials: { smartcatApi: { ...ACCOUNT, server: 'custom', baseUrl: smartcat.url } },
		}).ctx as unknown as ILoadOptionsFunctions;

	it("projects: searched by name with Smartcat's filter, a page at a time, each linked to its page", async () => {
		for (let i = 0; i < 60; i++)
			smartcat.addProject({
				id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
				name: `Campaign ${i}`,
				status: 'inProgress',
			});
		const first = await searchProjects.call(context(), 'campaign');
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({
			name: 'Campaign 0',
			value: '00000000-0000-4000-8000-000000000000',
			url: `${smartcat.url}/projects/00000000-0000-4000-8000-000000000000/files`,
		});
		expect(first.paginationToken).toBe('50');
		const second = await searchProjects.call(context(), 'campaign', first.paginationToken);
		expect([second.results.length, second.paginationToken]).toEqual([10, undefined]);
		const list = smartcat.requests.filter((r) => r.path.endsWith('/project/list'));
		expect(new URLSearchParams(list[1].query).get('projectName')).toBe('campaign');
		expect(new URLSearchParams(list[1].query).get('offset')).toBe('50');
		expect(new URLSearchParams(list[1].query).get('includeDocuments')).toBe('false');
		const all = await searchProjects.call(context());
		expect(all.results.map((r) => r.name)).toContain('Website relaunch');
	});

	it("languages and vendors: Smartcat's directories, by name", async () => {
		const languages = await languageOptions.call(context());
		expect(languages.slice(0, 3)).toEqual([
			{ name: 'Chinese (simplified) (zh-Hans)', value: 'zh-Hans' },
			{ name: 'Dutch (nl)', value: 'nl' },
			{ name: 'English (en)', value: 'en' },
		]);
		expect(await vendorOptions.call(context())).toEqual([
			{ name: SIMULATED_VENDOR.name, value: SIMULATED_VENDOR.id },
		]);
	});

	it('the node lists them for the editor', () => {
		expect(Object.keys(node.methods.listSearch)).toEqual(['searchProjects']);
		expect(Object.keys(node.methods.loadOptions)).toEqual(['getLanguages', 'getVendors']);
		const locator = node.description.properties.find(
			(p: INodeProperties) => p.name === 'projectId' && p.type === 'resourceLocator',
		);
		expect(locator?.modes?.map((m) => m.name)).toEqual(['list', 'id', 'url']);
	});
});
