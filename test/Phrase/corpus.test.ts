/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { PhraseApi } from '../../credentials/PhraseApi.credentials';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { PHRASE_WEBHOOK_TOKEN } from '../../nodes/Phrase/registration';
import {
	getJob,
	getProject,
	getWebhook,
	listJobsPage,
	listProjectsPage,
} from '../../nodes/Phrase/api';
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
	it('has the 30 deliveries and 9 API answers of the research notes', () => {
		expect([deliveries.length, Object.keys(answers).length]).toEqual([30, 9]);
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
	protected handle(req: IncomingMessage, res: ServerResponse): void {
		this.asked.push(`${req.method} ${req.url}`);
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
});
