/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';

import {
	addDocuments,
	createProject,
	exportResult,
	getCallbackSettings,
	getDirectory,
	getDocument,
	getLastErrors,
	getProject,
	listProjects,
	requestExport,
	updateDocument,
} from '../../nodes/Smartcat/api';
import { lastErrorItem } from '../../nodes/Smartcat/output';
import { SMARTCAT_CALLBACK_SECRET } from '../../nodes/Smartcat/registration';
import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';
import { deliverWithDerivedSecret } from '../helpers/derivedSecret';
import { fakeExecuteContext } from '../helpers/fakeContext';
import { deliverTo } from '../helpers/webhookContext';
import { LocalServer } from '../simulators/localServer';
import { corpus, corpusAnswers, corpusDeliveries, deliveryUrl, type CorpusAnswer } from './corpus';

/** Stands for the header value registration derived from the API key (deliverWithDerivedSecret). */
const SECRET = 'corpus-secret-0123456789abcdef';
const deliver = deliverWithDerivedSecret(
	// the callback alone, as the corpus records it (the answers are read below)
	deliverTo(new SmartcatTrigger(), { fetchDetails: false }),
	SMARTCAT_CALLBACK_SECRET,
	SECRET,
	{ smartcatApi: { accountId: 'corpus', apiKey: 'corpus-api-key' } },
);

it('the corpus has deliveries of every event and answers of every endpoint the node reads', () => {
	expect(corpus.every((f) => typeof f.source === 'string' && f.source.length > 0)).toBe(true);
	expect(new Set(corpusDeliveries.map((d) => d.event))).toEqual(
		new Set(['project.status', 'document.status', 'document.translationImportCompleted']),
	);
	expect(corpusAnswers.length).toBeGreaterThanOrEqual(10);
});

describe('every public delivery through the trigger', () => {
	it.each(corpusDeliveries.map((d) => [d.file, d]))('%s', async (_file, delivery) => {
		const url = deliveryUrl(delivery, '/webhook/5c1e/smartcat');
		const { status, items } = await deliver({
			path: url.split('?')[0],
			url,
			headers: { ...delivery.request.headers, 'x-smartcat-callback-secret': SECRET },
			body: delivery.request.body,
			staticData: {
				callbackUrl: 'https://n8n.example.com/webhook/5c1e/smartcat',
				headerName: 'X-Smartcat-Callback-Secret',
			},
		});
		const ids = delivery.request.body as string[];
		const idField = delivery.event === 'project.status' ? 'projectId' : 'documentId';
		expect(status).toBe(200);
		expect(items).toEqual(
			ids.map((id) =>
				expect.objectContaining({
					vendor: 'smartcat',
					event: delivery.event,
					eventKey: `smartcat:${delivery.event}:${id}`,
					[idField]: id,
				}),
			),
		);
	});
});

/** A server that answers one corpus answer, whatever is asked: the API client must read it. */
class Replay extends LocalServer {
	answer!: CorpusAnswer;
	asJsonString = false;
	protected handle(_req: IncomingMessage, res: ServerResponse): void {
		const { status, body } = this.answer;
		if (body === null || status === 204) return void res.writeHead(status).end();
		if (typeof body === 'string' && !this.asJsonString)
			return void res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
		res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
	}
}

describe('every public API answer, read by the client', () => {
	const replay = new Replay();
	beforeAll(async () => replay.start());
	afterAll(async () => replay.stop());
	const ctx = () =>
		fakeExecuteContext({
			credentials: {
				smartcatApi: { accountId: 'a', apiKey: 'k', server: 'custom', baseUrl: replay.url },
			},
		}).ctx;
	const answer = (file: string) => {
		const found = corpusAnswers.find((a) => a.file === file);
		if (!found) throw new Error(`no fixture ${file}`);
		replay.answer = found;
		return found;
	};

	it('every answer file is covered below', () => {
		expect(corpusAnswers.map((a) => a.file).sort()).toEqual([
			'api-callback-get-constructed.json',
			'api-callback-get-not-configured-404.json',
			'api-callback-last-errors-schema-built.json',
			'api-directory-language-constructed.json',
			'api-directory-vendor-constructed.json',
			'api-document-export-result-not-ready-204.json',
			'api-document-export-task-constructed.json',
			'api-document-export-task-zapier-2019-sample.json',
			'api-document-get-zapier-sample.json',
			'api-error-document-update-not-enabled-403.json',
			'api-error-export-empty-document-ids.json',
			'api-error-project-create-identical-names-409.json',
			'api-project-create-answer-zapier-2019.json',
			'api-project-get-zapier-sample.json',
			'api-project-list-zapier-2019.json',
		]);
	});

	it('GET /callback: the setting, and 404 as "none set"', async () => {
		const { body } = answer('api-callback-get-constructed.json');
		expect(await getCallbackSettings(ctx())).toEqual(body);
		answer('api-callback-get-not-configured-404.json');
		expect(await getCallbackSettings(ctx())).toBeNull();
	});

	it("GET /callback/lastErrors: Smartcat's documented fields", async () => {
		answer('api-callback-last-errors-schema-built.json');
		expect((await getLastErrors(ctx(), 100)).map(lastErrorItem)).toEqual([
			{
				created: '2024-01-01T00:00:00Z',
				url: 'http://example.local/api/callback/document/status',
				event: 'document.status',
				reason: 'PLACEHOLDER reason text',
				code: 500,
				content: 'PLACEHOLDER response body',
				sourceIds: ['189_25', '310_25'],
			},
			{
				created: '2024-01-01T00:00:30Z',
				url: 'http://example.local/api/callback/project/status',
				event: 'project.status',
				reason: 'PLACEHOLDER reason text (no HTTP answer)',
				code: null,
				content: null,
				sourceIds: ['1e2d703f-9def-4d27-ab4d-350cbbe8c44b'],
			},
		]);
	});

	it('GET /project/{id} and GET /document: the project with its documents, the document', async () => {
		const project = answer('api-project-get-zapier-sample.json');
		const got = await getProject(ctx(), 'adcdef12-1234-5678-90ab-1234567890ab');
		expect(got).toEqual(project.body);
		expect([got.status, got.statusModificationDate, got.documents?.[0].status]).toEqual([
			'completed',
			'2021-01-23T09:16:53.73Z',
			'completed',
		]);
		const document = answer('api-document-get-zapier-sample.json');
		expect(await getDocument(ctx(), '1234567890abcdef12345678_10')).toEqual(document.body);
	});

	it('GET /project/list: projects with their documents and statuses', async () => {
		answer('api-project-list-zapier-2019.json');
		const [project] = await listProjects(ctx(), {}, 0, 100);
		expect([project.id, project.status, project.documents?.map((d) => [d.id, d.status])]).toEqual([
			'4d908357-34a2-4503-88c8-ce857b46fc75',
			'completed',
			[['a882f5712d0c9d1bb54f2504_9', 'completed']],
		]);
	});

	it('POST /document/export: the task (a uuid, or the number of the Zapier sample)', async () => {
		answer('api-document-export-task-constructed.json');
		expect(
			await requestExport(ctx(), { documentIds: ['aab9f76f6ea3fdb987bb3774_10'], type: 'target' }),
		).toEqual({
			id: '6fa9e5d4-72ed-42db-860e-3a82cbdf330f',
			documentIds: ['aab9f76f6ea3fdb987bb3774_10'],
		});
		answer('api-document-export-task-zapier-2019-sample.json');
		expect(
			(await requestExport(ctx(), { documentIds: ['a882f5712d0c9d1bb54f2504_9'], type: 'target' }))
				.id,
		).toBe('1');
	});

	it('GET /document/export/{id}: 204 while not ready', async () => {
		answer('api-document-export-result-not-ready-204.json');
		expect((await exportResult(ctx(), '6fa9e5d4-72ed-42db-860e-3a82cbdf330f')).status).toBe(204);
	});

	it.each([false, true])(
		"Smartcat's error text, as text or as a JSON string (%s), becomes a readable message",
		async (asJsonString) => {
			answer('api-error-export-empty-document-ids.json');
			replay.asJsonString = asJsonString;
			await expect(
				requestExport(ctx(), { documentIds: ['189_25'], type: 'target' }),
			).rejects.toThrow(
				// the endpoint's path without its query, as every vendor message (common/secrets/redact.ts)
				'Smartcat POST /document/export: HTTP 400: Array documentIds is empty (correlation id ce4f9ac6-05fd-4d93-91fb-f28cf08a6687)',
			);
			replay.asJsonString = false;
		},
	);

	describe('the answers of the methods that send work', () => {
		const file = {
			open: async () => Buffer.from('<p>Hello</p>'),
			size: 12,
			fileName: 'test_document.html',
			mimeType: 'text/html',
		};
		const checkHint = 'Look in Smartcat before running again.';

		it('POST /project/create: the project model with its documents', async () => {
			const { body } = answer('api-project-create-answer-zapier-2019.json');
			const project = await createProject(ctx(), { name: 'Smith Family project' }, [file], {
				checkHint,
			});
			expect(project).toEqual(body);
			expect(project.documents?.map((d) => [d.id, d.status])).toEqual([
				['a882f5712d0c9d1bb54f2504_9', 'completed'],
			]);
		});

		it("POST /project/create 409: Smartcat's reason, and no word of a project that may exist", async () => {
			answer('api-error-project-create-identical-names-409.json');
			const error = await createProject(ctx(), { name: 'x' }, [file, file], { checkHint }).catch(
				(e: Error & { hint?: string }) => e,
			);
			expect((error as Error).message).toBe(
				'Smartcat POST /project/create: HTTP 409: Several documents with identical names are being added to the project (correlation id 00000000-0000-4000-8000-000000000409)',
			);
			expect((error as { hint?: string }).hint).toBeUndefined();
		});

		it("PUT /document/update 403: Smartcat's problem details", async () => {
			answer('api-error-document-update-not-enabled-403.json');
			await expect(
				updateDocument(ctx(), 'a882f5712d0c9d1bb54f2504_9', file, { checkHint }),
			).rejects.toThrow(
				'Smartcat PUT /document/update: HTTP 403: The document update functionality is not enabled in the account',
			);
		});

		it('POST /project/document and PUT /document/update: the documents (DocumentModel[])', async () => {
			const project = corpusAnswers.find(
				(a) => a.file === 'api-project-create-answer-zapier-2019.json',
			)!;
			const documents = (project.body as { documents: unknown[] }).documents;
			replay.answer = { ...project, body: documents };
			expect(
				await addDocuments(
					ctx(),
					'4d908357-34a2-4503-88c8-ce857b46fc75',
					[file],
					{},
					{ checkHint },
				),
			).toEqual(documents);
			expect(
				await updateDocument(ctx(), 'a882f5712d0c9d1bb54f2504_9', file, { checkHint }),
			).toEqual(documents);
		});

		it('GET /directory: languages and vendors, entries without an id dropped', async () => {
			answer('api-directory-language-constructed.json');
			expect((await getDirectory(ctx(), 'language')).map((l) => l.id)).toEqual([
				'en',
				'en-US',
				'de',
				'es',
				'ru',
				'zh-Hans',
				'pt-BR',
				'sr-Latn',
			]);
			answer('api-directory-vendor-constructed.json');
			expect(await getDirectory(ctx(), 'vendor')).toEqual([
				{ id: '5f1d0c2a-6b7e-4d8f-9a0b-1c2d3e4f5a6b', name: 'Example Translations Ltd' },
			]);
			replay.answer = {
				...replay.answer,
				body: {
					type: 'vendor',
					items: [
						{ id: null, name: 'no id' },
						{ id: ' v1 ', name: null },
					],
				},
			};
			expect(await getDirectory(ctx(), 'vendor')).toEqual([{ id: 'v1', name: 'v1' }]);
		});
	});
});
