/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { parse as parseQuery } from 'node:querystring';

import { BeeboxTrigger } from '../../nodes/Beebox/BeeboxTrigger.node';
import {
	deleteFile,
	getEventDetails,
	getHotFolders,
	getProjectInformation,
	putFile,
	putInstructions,
	translatedFilesPage,
} from '../../nodes/Beebox/api';
import { testBeeboxCredentials } from '../../nodes/Beebox/credentialTest';
import { deliveredFileKey } from '../../nodes/Beebox/output';
import {
	beeboxCallFrom,
	beeboxCredentials,
	connect,
	disconnect,
	RUN_CONNECT,
} from '../../nodes/Beebox/transport';
import { fakeExecuteContext } from '../helpers/fakeContext';
import { fakeCredentialTestContext } from '../helpers/legacyRequest';
import { deliverTo, withUrlToken } from '../helpers/webhookContext';
import { BeeboxSimulator } from '../simulators/beebox';
import { answers, deliveries, EXPECTED_ITEMS, wireQuery, type CorpusAnswer } from './corpus';

// the callback alone, as the corpus records it: no Beebox API to ask
const deliver = deliverTo(new BeeboxTrigger(), { fetchDetails: false });

describe('Beebox corpus: every documented callback', () => {
	it('has an expected item for every delivery in the corpus', () => {
		expect(deliveries().map((d) => d.file)).toEqual(Object.keys(EXPECTED_ITEMS).sort());
	});

	it.each(deliveries().map((d) => [d.file, d] as const))('%s', async (file, delivery) => {
		expect(delivery.request.method).toBe('GET');
		// the callback URL as set up by default: the secret token in the query string, Beebox's parameters appended
		const { status, items } = await deliver(
			withUrlToken({ query: parseQuery(wireQuery(delivery)) }),
		);
		expect(status).toBe(200);
		expect(items).toEqual([{ ...EXPECTED_ITEMS[file], receivedAt: expect.any(String) }]);
		expect(items[0].event).toBe(delivery.event);
	});
});

/** How each documented API answer is read, served verbatim by the simulator. */
const ACCOUNT = { login: 'connector', password: 'pw', projectKey: 'p1' };
const READERS: Record<string, (beebox: BeeboxSimulator, answer: CorpusAnswer) => Promise<void>> = {
	async 'api-connect-get-token.json'(beebox, answer) {
		// a Beebox before November 2023: the POST is unknown (405), the GET answers the token
		beebox.overrides.set('POST /api/connect', {
			status: 405,
			body: { Message: "The requested resource does not support http method 'POST'." },
		});
		for (const contentType of ['text/plain', 'application/json'])
			for (const body of [answer.body, JSON.stringify(answer.body)]) {
				beebox.overrides.set('GET /api/connect', { status: answer.status, body, contentType });
				expect(await connect(...client(beebox), RUN_CONNECT)).toBe(
					'611b27e4-9d09-40ba-b7a8-794aaeff4b07',
				);
			}
	},
	async 'api-connect-post-token.json'(beebox, answer) {
		for (const contentType of ['text/plain', 'application/json'])
			for (const body of [answer.body, JSON.stringify(answer.body)]) {
				beebox.overrides.set('POST /api/connect', { status: answer.status, body, contentType });
				expect(await connect(...client(beebox), RUN_CONNECT)).toBe(
					'611b27e4-9d09-40ba-b7a8-794aaeff4b07',
				);
			}
		expect(beebox.calls('/api/connect').every((r) => r.method === 'POST')).toBe(true);
	},
	async 'api-error-404-unknown-method.json'(beebox, answer) {
		// as the answer of the POST login: no such API here, so no second login with the password in the URL
		// (only 405/501, an older Beebox's answer, sends the documented GET login); the URL's query is not shown
		beebox.overrides.set('POST /api/connect', { status: answer.status, body: answer.body });
		await expect(connect(...client(beebox), RUN_CONNECT)).rejects.toMatchObject({
			message:
				"Beebox login failed: No HTTP resource was found that matches the request URI 'http://localhost:1781/api/details'.",
			httpStatus: 404,
			hint: expect.stringContaining('Server URL'),
		});
		expect(beebox.calls('/api/connect').map((r) => r.method)).toEqual(['POST']);
		// ... and as the answer of a misspelled call: Web API's message, with what to check
		beebox.overrides.delete('POST /api/connect');
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		beebox.overrides.set('/api/details', { status: answer.status, body: answer.body });
		await expect(getProjectInformation(http, token)).rejects.toMatchObject({
			message:
				"Beebox project details failed: No HTTP resource was found that matches the request URI 'http://localhost:1781/api/details'.",
			httpStatus: 404,
			hint: expect.stringContaining('Server URL'),
		});
		await disconnect(http, token);
	},
	async 'api-error-connect-busy.json'(beebox, answer) {
		beebox.overrides.set('POST /api/connect', { status: answer.status, body: answer.body });
		await expect(connect(...client(beebox), { waitSeconds: 1, attempts: 2 })).rejects.toMatchObject(
			{
				message: `Beebox login failed: ${(answer.body as { message: string }).message} (BUSY)`,
				vendorCode: 'BUSY',
				httpStatus: 400,
			},
		);
		expect(beebox.calls('/api/connect')).toHaveLength(2);
	},
	async 'api-error-loggedout.json'(beebox, answer) {
		beebox.overrides.set('/api/workprogress/translatedfiles', {
			status: answer.status,
			body: answer.body,
		});
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		await expect(translatedFilesPage(http, token, {}, 0)).rejects.toMatchObject({
			message: 'Beebox translation status failed: Not authorised (LOGGEDOUT)',
			vendorCode: 'LOGGEDOUT',
		});
		await disconnect(http, token);
	},
	async 'api-event-details-created-translated-files.json'(beebox, answer) {
		beebox.overrides.set('/api/actions/action', { status: answer.status, body: answer.body });
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		const details = await getEventDetails(
			http,
			token,
			credentials,
			'22fde108-a8bd-4609-8c7e-5c101b519eed',
		);
		expect(details).toEqual(answer.body);
		expect(details.details?.files?.filter((f) => f.type === 'T')).toHaveLength(4);
		await disconnect(http, token);
	},
	async 'api-event-details-legacy-example.json'(beebox, answer) {
		// published as invalid JSON: read as text, it has no event's shape
		beebox.overrides.set('/api/actions/action', { status: answer.status, body: answer.body });
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		await expect(getEventDetails(http, token, credentials, '1002')).rejects.toThrow(
			'Beebox answered event 1002 with an unexpected shape',
		);
		await disconnect(http, token);
	},
	async 'api-project-information.json'(beebox, answer) {
		beebox.overrides.set('/api/details', { status: answer.status, body: answer.body });
		const result = await testBeeboxCredentials.call(fakeCredentialTestContext(), {
			id: '1',
			name: 'beebox',
			type: 'beeboxApi',
			data: { serverUrl: beebox.url, ...ACCOUNT },
		});
		expect(result).toEqual({
			status: 'OK',
			message: 'Connected to the Beebox project (en → fr, de)',
		});
	},
	async 'api-send-source-content.json'(beebox, answer) {
		beebox.overrides.set('PUT /api/files/file', { status: answer.status, body: answer.body });
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		const bytes = Buffer.from('<p>Bonjour</p>');
		await putFile(http, token, {
			locale: 'en',
			file: 'folder1/myfile.xml',
			upload: { open: async () => bytes, headers: {}, size: bytes.length },
			checkHint: 'look in the project',
		});
		await disconnect(http, token);
		const [sent] = beebox.calls('/api/files/file');
		expect([sent.method, sent.query.locale, sent.query.filename, sent.contentType]).toEqual([
			'PUT',
			'en',
			'folder1\\myfile.xml',
			'Stream',
		]);
		expect(sent.bytes).toEqual(bytes);
	},
	async 'api-send-instructions.json'(beebox, answer) {
		beebox.overrides.set('PUT /api/files/file', { status: answer.status, body: answer.body });
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		await putInstructions(http, token, 'en', 'document-200.xml', { locales: ['es-ES'] });
		await disconnect(http, token);
		const [sent] = beebox.calls('/api/files/file');
		expect([sent.query.locale, sent.query.filename]).toEqual(['en', 'document-200.xml.beebox']);
		expect(JSON.parse(sent.bytes!.toString('utf8'))).toEqual(
			(answer as CorpusAnswer & { requestBody: unknown }).requestBody,
		);
	},
	async 'api-delete-translated-content.json'(beebox, answer) {
		beebox.overrides.set('DELETE /api/files/file', { status: answer.status, body: answer.body });
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		await expect(deleteFile(http, token, 'fr', 'pages\\page1.html')).resolves.toBe(true);
		await disconnect(http, token);
		expect(beebox.calls('/api/files/file')[0].query).toMatchObject({
			locale: 'fr',
			filename: 'pages\\page1.html',
		});
	},
	async 'api-delete-translated-content-missing.json'(beebox, answer) {
		beebox.overrides.set('DELETE /api/files/file', { status: answer.status, body: answer.body });
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		await expect(deleteFile(http, token, 'en', 'pages\\gone.html')).rejects.toMatchObject({
			message: 'Beebox deletion of "pages\\gone.html" failed: The file does not exist.',
			httpStatus: 400,
		});
		// an instructions file that is not there is no error where the node only tidies up
		await expect(deleteFile(http, token, 'en', 'pages\\gone.html.beebox', true)).resolves.toBe(
			false,
		);
		await disconnect(http, token);
	},
	async 'api-hotfolders.json'(beebox, answer) {
		beebox.overrides.set('/api/hotfolders', { status: answer.status, body: answer.body });
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		expect(await getHotFolders(http, token)).toEqual((answer.body as { items: unknown[] }).items);
		await disconnect(http, token);
	},
	async 'api-translation-status-constructed.json'(beebox, answer) {
		beebox.overrides.set('/api/workprogress/translatedfiles', {
			status: answer.status,
			body: answer.body,
		});
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		const files = await translatedFilesPage(http, token, { targetLocale: 'es' }, 0);
		expect(files).toEqual((answer.body as { files: unknown[] }).files);
		expect(files.map((f) => [f.file, f.status, f.uptodate])).toEqual([
			['myfile.docx', 1, true],
			['subfolder\\myfile2.html', 6, false],
		]);
		await disconnect(http, token);
	},
	async 'api-translation-status-created-translated-files-constructed.json'(beebox, answer) {
		beebox.overrides.set('/api/workprogress/translatedfiles', {
			status: answer.status,
			body: answer.body,
		});
		const [http, credentials] = client(beebox);
		const token = await connect(http, credentials, RUN_CONNECT);
		const files = await translatedFilesPage(http, token, {}, 0);
		await disconnect(http, token);
		expect(files).toEqual((answer.body as { files: unknown[] }).files);
		// the key of a delivered file: the deliverable's date (tfdate) to the second, in UTC
		expect(files.map(deliveredFileKey)).toEqual([
			'beebox:file:fr:with html 1 - copy (2).json:2023-06-20T07:29:14Z',
			'beebox:file:es:with html 1 - copy (2).json:2023-06-20T07:29:14Z',
			'beebox:file:fr:with html 1 - copy.json:2023-06-20T07:29:15Z',
			'beebox:file:es:with html 1 - copy.json:2023-06-20T07:29:15Z',
		]);
	},
};

function client(beebox: BeeboxSimulator) {
	const data = { serverUrl: beebox.url, ...ACCOUNT };
	const { ctx } = fakeExecuteContext({ credentials: { beeboxApi: data } });
	return [beeboxCallFrom(ctx), beeboxCredentials(data)] as const;
}

describe('Beebox corpus: every documented API answer', () => {
	let beebox: BeeboxSimulator;
	beforeEach(async () => {
		beebox = await new BeeboxSimulator(ACCOUNT).start();
	});
	afterEach(() => beebox.stop());

	it('has a reader for every answer in the corpus', () => {
		expect(answers().map((a) => a.file)).toEqual(Object.keys(READERS).sort());
	});

	it.each(answers().map((a) => [a.file, a] as const))('%s', async (file, answer) => {
		await READERS[file](beebox, answer);
		expect(beebox.openSessions).toBe(0);
	});
});
