/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { PhraseApi } from '../../credentials/PhraseApi.credentials';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { PHRASE_WEBHOOK_TOKEN } from '../../nodes/Phrase/registration';
import {
	createJobs,
	createProject,
	createProjectFromTemplate,
	getJob,
	getProject,
	getWebhook,
	listJobsPage,
	listLanguages,
	listProjectsPage,
	listTemplatesPage,
	setJobStatus,
	updateJobSource,
} from '../../nodes/Phrase/api';
import { jobItems } from '../../nodes/Phrase/actions/shared';
import { phraseCode } from '../../nodes/Phrase/languages';
import { phraseAsyncRequestSchema } from '../../nodes/Phrase/schemas';
import { PhraseApiError } from '../../nodes/Phrase/transport';
import { fakeExecuteContext, httpRequest } from '../helpers/fakeContext';
import {
	expectedPhraseItems,
	phraseDeliveries,
	phraseFixtures,
	type PhraseFixture,
} from './corpus';
import { deliverWithDerivedSecret } from '../helpers/derivedSecret';
import { deliverTo } from '../helpers/webhookContext';
import { LocalServer } from '../simulators/localServer';

/**
 * The public Phrase TMS corpus (test/fixtures/public/phrase/, each file naming its source): every delivery through
 * the trigger, every API answer through the code that reads it.
 */
const deliveries = phraseDeliveries;
const answers = Object.fromEntries(
	phraseFixtures
		.filter((f) => f.kind === 'api-answer')
		.map((f) => [f.file.replace(/\.json$/, ''), f]),
);

/** Stands for the token registration derived from the Phrase credential (deliverWithDerivedSecret). */
const TOKEN = 'phrase-registered-token-0123456789';
const deliver = deliverWithDerivedSecret(
	deliverTo(new PhraseTrigger()),
	PHRASE_WEBHOOK_TOKEN,
	TOKEN,
	{ phraseApi: { authType: 'password', userName: 'pm', password: 'pw' } },
);
const registered = { webhookUid: 'wh1', url: 'https://n8n.example/x' };

describe('Phrase TMS corpus: every public delivery', () => {
	it('has the 30 deliveries and 16 API answers of the research notes (7 for sending work)', () => {
		expect([deliveries.length, Object.keys(answers).length]).toEqual([30, 16]);
	});

	it.each(deliveries.map((f) => [f.file, f] as const))(
		'%s → 200 and the items the README describes',
		async (_file, fixture) => {
			const { status, items } = await deliver({
				headers: { ...fixture.request!.headers, 'x-memsource-token': TOKEN },
				body: fixture.request!.body,
				staticData: { ...registered },
			});
			expect(status).toBe(200);
			const expected = expectedPhraseItems(fixture);
			expect(items).toHaveLength(expected.length);
			items.forEach((item, i) => expect(item).toMatchObject(expected[i]));
			// Phrase's timestamp is Unix seconds: a 2023..2026 date, never January 1970
			expect(String(items[0].occurredAt) >= '2022-01-01').toBe(true);
			if (!fixture.request!.body.eventUid)
				expect(items[0].eventKey).toMatch(new RegExp(`^phrase:${fixture.event}:`));
		},
	);
});

/** Answers every request with one corpus answer (status, headers, body), recording what was asked. */
class FixtureServer extends LocalServer {
	fixture: PhraseFixture | undefined;
	readonly asked: string[] = [];
	readonly headers: IncomingMessage['headers'][] = [];
	protected handle(req: IncomingMessage, res: ServerResponse): void {
		this.asked.push(`${req.method} ${req.url}`);
		this.headers.push(req.headers);
		const f = this.fixture!;
		res.writeHead(f.status ?? 200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(f.body));
	}
}

describe('Phrase TMS corpus: every public API answer', () => {
	let server: FixtureServer;
	beforeAll(async () => {
		server = await new FixtureServer().start();
	});
	afterAll(async () => server.stop());
	const ctx = () =>
		fakeExecuteContext({
			credentials: {
				phraseApi: {
					region: 'custom',
					baseUrl: `${server.url}/web`,
					authType: 'token',
					apiToken: 'legacy-token',
				},
			},
		}).ctx;
	const serve = (name: string) => (server.fixture = answers[name]);

	it('a page of jobs (GET /api2/v2/projects/{p}/jobs)', async () => {
		serve('api-list-jobs-page-gengo');
		const page = await listJobsPage(ctx(), 'prj1', {
			workflowLevel: 2,
			status: ['NEW', 'ACCEPTED'],
		});
		expect(page.totalElements).toBe(2);
		expect(page.content.map((j) => j.uid)).toEqual([
			'06CcWsyrLLTTgylLQ9DSb6',
			'0khOFZ70PYDzIAz0CvU0Fn',
		]);
		expect(server.asked.at(-1)).toBe(
			'GET /web/api2/v2/projects/prj1/jobs?pageNumber=0&pageSize=50&workflowLevel=2&status=NEW&status=ACCEPTED',
		);
	});

	it('a job (GET /api2/v1/projects/{p}/jobs/{j})', async () => {
		serve('api-get-job-gengo');
		expect(await getJob(ctx(), 'prj1', '06CcWsyrLLTTgylLQ9DSb6')).toMatchObject({
			uid: '06CcWsyrLLTTgylLQ9DSb6',
			status: 'NEW',
			workflowLevel: 1,
		});
	});

	it('a page of projects (GET /api2/v1/projects), statuses repeated', async () => {
		serve('api-list-projects-gengo');
		const page = await listProjectsPage(ctx(), { pageNumber: 0, statuses: ['NEW', 'ASSIGNED'] });
		expect(page.content.map((p) => p.name)).toEqual(['mock-project-1', 'mock-project-2']);
		expect(server.asked.at(-1)).toContain('statuses=NEW&statuses=ASSIGNED');
	});

	it('a project (the project object of applyTemplate, the same family as GET /api2/v1/projects/{p})', async () => {
		serve('api-create-project-from-template-sanity');
		expect(await getProject(ctx(), 'E0EX18x72NIcwQKC3MgMDd')).toMatchObject({
			uid: 'E0EX18x72NIcwQKC3MgMDd',
			status: 'NEW',
			targetLangs: ['pt'],
		});
	});

	it("a webhook (the API reference's schema placeholder)", async () => {
		serve('api-get-webhook-phrase-docs-placeholder');
		expect(await getWebhook(ctx(), 'wh1')).toMatchObject({ uid: '<string>', url: '<string>' });
	});

	it('an asynchronous request (the create-job answer carries one: its id is a string)', () => {
		const parsed = phraseAsyncRequestSchema.parse(answers['api-create-job-sanity'].body);
		expect(parsed.asyncRequest.id).toBe('950791');
	});

	it("Phrase's error answer becomes the message and code of the error", async () => {
		serve('api-error-400-phrase-spec');
		const error = await getJob(ctx(), 'prj1', 'job1').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PhraseApiError);
		expect(error).toMatchObject({
			httpStatus: 400,
			vendorCode: 'NOT_UNIQUE_TARGET_LANG',
			message: expect.stringContaining(
				'NOT_UNIQUE_TARGET_LANG: Only files with identical target languages can be joined',
			),
		});
	});

	it('the login answer gives the TMS token (user name and password)', async () => {
		serve('api-login-gengo');
		const result = await new PhraseApi().preAuthentication.call(
			{ helpers: { httpRequest } } as never,
			{ region: 'custom', baseUrl: `${server.url}/web`, userName: 'u', password: 'p' },
		);
		expect(result).toEqual({ sessionToken: 'mock-token' });
		expect(server.asked.at(-1)).toBe('POST /web/api2/v1/auth/login');
	});

	it('the token exchange answer gives the access token (Platform API token)', async () => {
		serve('api-platform-token-exchange-phrase-docs');
		const result = await new PhraseApi().preAuthentication.call(
			{ helpers: { httpRequest } } as never,
			{
				region: 'custom',
				baseUrl: `${server.url}/web`,
				idmUrl: server.url,
				authType: 'platformToken',
				platformToken: 'API-TOKEN',
			},
		);
		expect(result).toEqual({ sessionToken: 'GENERATED-JWT' });
		expect(server.asked.at(-1)).toBe('POST /idm/oauth/token');
	});
	// ---- sending work ----
	const file = (fileName: string) => ({
		open: async () => Buffer.from('<p>Hello</p>'),
		size: 12,
		fileName,
		mimeType: 'text/html',
	});
	/** Phrase's pattern for Content-Disposition (its OpenAPI, Create job and Update source) */
	const PHRASE_DISPOSITION = /^((inline|attachment); )?(filename\*=UTF-8''(.+)|filename="?(.+)"?)$/;

	it('created jobs (POST /api2/v1/projects/{p}/jobs): the jobs, the import request; the headers as Phrase takes them', async () => {
		for (const [name, uids, asyncId] of [
			['api-create-job-gengo', ['0khOFZ70PYDzIAz0CvU0Fn'], '381708066'],
			['api-create-job-sanity', ['bzm2LviS3nWAeRGjcEI281', '6P8YPjf8qWrB6lmnq0O0k9'], '950791'],
		] as const) {
			serve(name);
			const answer = await createJobs(
				ctx(),
				'prj1',
				file('page.html'),
				{ targetLangs: ['ja'] },
				'hint',
			);
			expect(answer.jobs.map((j) => j.uid)).toEqual(uids);
			expect(answer.asyncRequestId).toBe(asyncId);
			expect(jobItems(answer, 'prj1', 0).map((i) => i.json.jobId)).toEqual(uids);
		}
		expect(server.asked.at(-1)).toBe('POST /web/api2/v1/projects/prj1/jobs');
		const sent = server.headers.at(-1)!;
		expect(String(sent['content-disposition'])).toMatch(PHRASE_DISPOSITION);
		expect(JSON.parse(String(sent.memsource))).toEqual({ targetLangs: ['ja'] });
		expect(sent['content-type']).toBe('application/octet-stream');
		// the header the public client sends matches the same pattern
		expect(
			(answers['api-create-job-gengo'] as unknown as { sent: { headers: Record<string, string> } })
				.sent.headers['Content-Disposition'],
		).toMatch(PHRASE_DISPOSITION);
	});

	it("Phrase refusing a creation (4xx): Phrase's error code and message, not a 'may have received' error", async () => {
		serve('api-error-400-phrase-spec');
		const error = await createJobs(
			ctx(),
			'prj1',
			file('page.html'),
			{ targetLangs: ['de'] },
			'h',
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PhraseApiError);
		expect(error).toMatchObject({
			httpStatus: 400,
			vendorCode: 'NOT_UNIQUE_TARGET_LANG',
			message: expect.stringContaining(
				'HTTP 400: NOT_UNIQUE_TARGET_LANG: Only files with identical target languages can be joined',
			),
		});
		expect((error as Error).message).not.toContain('may have received');
	});

	it('a file Phrase does not import: no jobs, its name in unsupportedFiles', async () => {
		serve('api-create-job-unsupported-file-gengo');
		expect(
			await createJobs(ctx(), 'prj1', file('test_runner.sh'), { targetLangs: ['ja'] }, 'h'),
		).toEqual({
			jobs: [],
			unsupportedFiles: ['test_runner.sh'],
			asyncRequestId: '381726629',
		});
	});

	it("a new source (POST .../jobs/source): the docs' placeholder jobs are output, an odd uid as no jobId", async () => {
		serve('api-update-source-phrase-docs-placeholder');
		const answer = await updateJobSource(
			ctx(),
			'prj1',
			file('page.html'),
			{ jobs: [{ uid: 'j1' }] },
			'h',
		);
		expect(answer.jobs).toHaveLength(1);
		expect(jobItems(answer, 'prj1', 0)[0].json).toMatchObject({
			projectId: 'prj1',
			jobId: null,
			uid: '<string>',
			workflowLevel: 123,
		});
		expect(server.asked.at(-1)).toBe('POST /web/api2/v1/projects/prj1/jobs/source');
	});

	it('a status change (POST .../setStatus): 204 without a body, the body the public client sends', async () => {
		serve('api-set-status-gengo');
		const sent = (
			answers['api-set-status-gengo'] as unknown as { sent: { body: { requestedStatus: string } } }
		).sent.body;
		await expect(setJobStatus(ctx(), 'prj1', 'job1', sent, 'h')).resolves.toBeUndefined();
		expect(server.asked.at(-1)).toBe('POST /web/api2/v1/projects/prj1/jobs/job1/setStatus');
	});

	it('created projects (POST /api2/v3/projects, applyTemplate v2): the project with its uid', async () => {
		serve('api-create-project-gengo');
		expect(
			await createProject(
				ctx(),
				{ name: 'mock-project', sourceLang: 'en', targetLangs: ['ja', 'de'] },
				'h',
			),
		).toMatchObject({ uid: '1234', targetLangs: ['ja', 'de'] });
		expect(server.asked.at(-1)).toBe('POST /web/api2/v3/projects');
		serve('api-create-project-from-template-sanity');
		expect(await createProjectFromTemplate(ctx(), 'tpl1', { name: 'x' }, 'h')).toMatchObject({
			uid: 'E0EX18x72NIcwQKC3MgMDd',
			targetLangs: ['pt'],
		});
		expect(server.asked.at(-1)).toBe('POST /web/api2/v2/projects/applyTemplate/tpl1');
	});

	it('a page of project templates (GET /api2/v1/projectTemplates): names are templateName', async () => {
		serve('api-list-project-templates-schema-built');
		const page = await listTemplatesPage(ctx(), { pageNumber: 0, name: 'Web' });
		expect(page.content.map((t) => [t.uid, t.templateName])).toEqual([
			['kSaHSjYf3GGVbdzRNPPNe2', 'Website (EN to DE, FR)'],
			['Q1kBvPGD5Gv0XwXHZ3yYe8', 'Marketing (EN to JA)'],
		]);
		expect(server.asked.at(-1)).toBe(
			'GET /web/api2/v1/projectTemplates?pageNumber=0&pageSize=50&name=Web',
		);
	});

	it("Phrase's languages (GET /api2/v1/languages): every one, found by code or BCP 47 form", async () => {
		serve('api-languages-sanity');
		const languages = await listLanguages(ctx());
		expect(languages).toHaveLength(1045);
		expect(phraseCode('pt-BR', languages)).toBe('pt_br');
		expect(phraseCode('ZH_cn', languages)).toBe('zh_cn');
		expect(phraseCode('de-DE', languages)).toBe('de_de');
		expect(phraseCode('klingon', languages)).toBeUndefined();
	});
});
