/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { parse as parseQuery } from 'node:querystring';

import { BeeboxTrigger } from '../../nodes/Beebox/BeeboxTrigger.node';
import fixtures from '../fixtures/beebox/callbacks.json';
import eventDetails from '../fixtures/public/beebox/api-event-details-created-translated-files.json';
import translationStatus from '../fixtures/public/beebox/api-translation-status-created-translated-files-constructed.json';
import { fakeHookContext } from '../helpers/fakeContext';
import {
	deliverTo,
	PATH_TOKEN,
	webhookSecretCredential,
	withUrlToken,
	type FakeRequest,
} from '../helpers/webhookContext';
import { BeeboxSimulator } from '../simulators/beebox';

const trigger = new BeeboxTrigger();
const TOKEN = 'A1b2C3d4E5f6G7h8I9j0';

/** A request exactly as given: for the checks of the secret token itself. */
const deliverAsIs = deliverTo(trigger);
/** A callback to the trigger as set up by default: the secret token in the query string, from the credential. */
const deliver = async (sent: FakeRequest) => await deliverAsIs(withUrlToken(sent, TOKEN));

describe('Beebox Trigger: what a real Beebox sends', () => {
	it.each(fixtures.valid.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
		const { items, status } = await deliver({ query: parseQuery(fixture.query) });
		expect(status).toBe(200);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ vendor: 'beebox', ...fixture.expect });
		expect(items[0].eventKey).toBe(`beebox:${parseQuery(fixture.query).bbid}`);
		expect(Date.parse(items[0].receivedAt as string)).not.toBeNaN();
	});

	it('reads the parameters from a form body on POST', async () => {
		const { items } = await deliver({
			body: { bbid: '7', bbevent: 'PackageClosed', bbok: 'true' },
		});
		expect(items[0]).toMatchObject({ event: 'PackageClosed', eventKey: 'beebox:7', ok: true });
	});

	it('refuses a parameter that query and body give differently', async () => {
		const { status, items } = await deliver({
			query: { bbid: '7', bbevent: 'PackageClosed' },
			body: { bbid: '8' },
		});
		expect(status).toBe(400);
		expect(items).toHaveLength(0);
	});

	it('leaves bberror out when the operation succeeded', async () => {
		const { items } = await deliver({
			query: parseQuery('bbid=1&bbevent=SourceFileParse&bbok=yes&bberror='),
		});
		expect(items[0]).not.toHaveProperty('error');
		expect(items[0]).not.toHaveProperty('bberror');
	});
});

describe('Beebox Trigger: what no Beebox sends', () => {
	it.each(fixtures.invalid.map((f) => [f.name, f] as const))('%s → 400', async (_name, fixture) => {
		const { status, body, result } = await deliver({ query: parseQuery(fixture.query) });
		expect(status).toBe(400);
		expect((body as { message: string }).message).toContain(fixture.reason);
		expect(result.workflowData).toBeUndefined();
	});
});

describe('Beebox Trigger: event filter', () => {
	const parameters = { events: ['CreatedTranslatedFiles', 'PackageClosed'] };

	it("starts the workflow for a selected event, also in the other spelling Wordbee's page uses", async () => {
		for (const bbevent of ['CreatedTranslatedFiles', 'CreateTranslatedFiles', 'PackageClosed']) {
			const { items } = await deliver({
				query: { bbid: '1', bbevent },
				nodeParameters: parameters,
			});
			expect(items).toHaveLength(1);
		}
	});

	it('answers 200 and starts nothing for an event not selected, known or not', async () => {
		for (const bbevent of ['SourceFileParse', 'SomethingNewInBeebox']) {
			const { status, result, body } = await deliver({
				query: { bbid: '1', bbevent },
				nodeParameters: parameters,
			});
			expect(status).toBe(200);
			expect(result.workflowData).toBeUndefined();
			expect(body).toMatchObject({ workflowStarted: false });
		}
	});
});

describe('Beebox Trigger: secret token', () => {
	const valid = { bbid: '1', bbevent: 'CreatedTranslatedFiles' };

	const credentials = webhookSecretCredential(TOKEN);

	it('accepts the right token in the query string, also when Beebox appended its parameters with "?"', async () => {
		const nodeParameters = { urlTokenLocation: 'query' };
		expect(
			(await deliverAsIs({ query: { ...valid, token: TOKEN }, nodeParameters, credentials })).items,
		).toHaveLength(1);
		const appended = parseQuery(`token=${TOKEN}?bbid=9&bbevent=PackageClosed`);
		expect(
			(await deliverAsIs({ query: appended, nodeParameters, credentials })).items[0],
		).toMatchObject({ eventKey: 'beebox:9' });
	});

	it('answers 401 to a missing or wrong token, before looking at anything else', async () => {
		const nodeParameters = { urlTokenLocation: 'query' };
		for (const query of [
			valid,
			{ ...valid, token: `${TOKEN}x` },
			{ token: 'nope' },
			{ ...valid, token: [TOKEN, TOKEN] },
		]) {
			const { status, result, body } = await deliverAsIs({ query, nodeParameters, credentials });
			expect(status).toBe(401);
			expect(result.workflowData).toBeUndefined();
			expect(JSON.stringify(body)).not.toContain(TOKEN);
		}
	});

	it('checks the token of the URL path', async () => {
		const nodeParameters = { urlTokenLocation: 'path' };
		expect(
			(
				await deliverAsIs({
					query: valid,
					params: { [PATH_TOKEN]: TOKEN },
					nodeParameters,
					credentials,
				})
			).items,
		).toHaveLength(1);
		expect(
			(
				await deliverAsIs({
					query: { ...valid, token: TOKEN },
					params: { [PATH_TOKEN]: 'wrong' },
					nodeParameters,
					credentials,
				})
			).status,
		).toBe(401);
	});

	it('refuses every delivery when a token is required but no usable secret is configured', async () => {
		for (const request of [
			{ query: { ...valid, token: '' } },
			{ query: { ...valid, token: '' }, credentials: webhookSecretCredential('') },
			{ query: { ...valid, token: 'short' }, credentials: webhookSecretCredential('short') },
		]) {
			const { status, logs } = await deliverAsIs(request);
			expect(status).toBe(401);
			expect(logs.join('\n')).toContain('The webhook secret cannot be used');
		}
	});

	it('checks nothing only when "No Secret" is chosen explicitly', async () => {
		const { status, items } = await deliverAsIs({
			query: valid,
			nodeParameters: { urlTokenLocation: 'none' },
		});
		expect([status, items.length]).toEqual([200, 1]);
	});
});

describe('Beebox Trigger: Fetch Event Details', () => {
	let beebox: BeeboxSimulator;
	const files = [
		{ type: 'S' as const, locale: 'en', spath: 'c:\\beebox\\p1\\in\\product.json', tpath: null },
		{
			type: 'T' as const,
			locale: 'es',
			spath: 'c:\\beebox\\p1\\in\\product.json',
			tpath: 'c:\\beebox\\p1\\out\\es\\product.json',
		},
	];

	beforeAll(async () => {
		beebox = await new BeeboxSimulator({
			login: 'connector',
			password: 'pw',
			projectKey: 'p1',
			events: [{ id: 'ev-1', projectkey: 'p1', actioncode: 'CreatedTranslatedFiles', files }],
		}).start();
	});
	afterAll(() => beebox.stop());

	const credentials = () => ({
		beeboxApi: {
			serverUrl: `${beebox.url}/api/`,
			projectKey: 'p1',
			login: 'connector',
			password: 'pw',
		},
	});

	it('adds the delivered files and the raw details, and closes the session', async () => {
		const { items } = await deliver({
			query: { bbid: 'ev-1', bbevent: 'CreatedTranslatedFiles', bbproject: 'p1' },
			nodeParameters: { fetchDetails: true, output: 'perDelivery' },
			credentials: credentials(),
		});
		expect(items).toHaveLength(1);
		expect(items[0].files).toEqual([
			expect.objectContaining({ type: 'source', locale: 'en', targetPath: null, file: null }),
			expect.objectContaining({
				type: 'target',
				locale: 'es',
				targetPath: 'c:\\beebox\\p1\\out\\es\\product.json',
				file: 'product.json',
			}),
		]);
		expect(items[0].details).toMatchObject({ id: 'ev-1', actioncode: 'CreatedTranslatedFiles' });
		expect(beebox.openSessions).toBe(0);
	});

	it('still starts the workflow when the API fails, with the reason in detailsError', async () => {
		const { items, logs } = await deliver({
			query: { bbid: 'unknown', bbevent: 'CreatedTranslatedFiles' },
			nodeParameters: { fetchDetails: true },
			credentials: credentials(),
		});
		expect(items[0].detailsError).toBe(
			'Beebox event unknown lookup failed: The event unknown does not exist.',
		);
		expect(items[0]).not.toHaveProperty('details');
		expect(beebox.openSessions).toBe(0);
		expect(logs.join('\n')).not.toContain('pw');
	});

	it('says so when the login fails', async () => {
		const { items } = await deliver({
			query: { bbid: 'ev-1', bbevent: 'CreatedTranslatedFiles' },
			nodeParameters: { fetchDetails: true },
			credentials: { beeboxApi: { ...credentials().beeboxApi, password: 'wrong' } },
		});
		expect(items[0].detailsError).toBe(
			'Beebox login failed: Login failed. Verify login and password. (LOGIN_FAILED)',
		);
	});
});

describe('Beebox Trigger: secret by default, one item per translated file', () => {
	let beebox: BeeboxSimulator;
	const SECRET = 'k3J9f0aZ-x_7Qm2PzR8tLw4N';
	const published = () => eventDetails.body;

	beforeEach(async () => {
		beebox = await new BeeboxSimulator({
			login: 'connector',
			password: 'pw',
			projectKey: 'dddac1e2-32fa-4f29-ab92-78128a94809e',
		}).start();
		// Wordbee's own example of a CreatedTranslatedFiles event's details, served as published, and the
		// translation status of its files
		beebox.overrides.set('/api/actions/action', { status: 200, body: published() });
		beebox.overrides.set('/api/workprogress/translatedfiles', {
			status: 200,
			body: translationStatus.body,
		});
	});
	afterEach(() => beebox.stop());

	const v2 = (nodeParameters: Record<string, unknown> = {}) => ({
		nodeParameters: { fetchDetails: true, ...nodeParameters },
		credentials: {
			translationWebhookSecretApi: { secret: SECRET },
			beeboxApi: {
				serverUrl: beebox.url,
				projectKey: 'dddac1e2-32fa-4f29-ab92-78128a94809e',
				login: 'connector',
				password: 'pw',
			},
		},
	});
	const callback = {
		bbevent: 'CreatedTranslatedFiles',
		bbproject: 'dddac1e2-32fa-4f29-ab92-78128a94809e',
		bbdate: '2023-06-20 07:29:16Z',
		bbok: 'yes',
		bberror: '',
		bbid: '22fde108-a8bd-4609-8c7e-5c101b519eed',
	};

	it('answers 401 to a forged callback without opening an API session', async () => {
		for (const query of [callback, { ...callback, token: 'guessed-guessed-guessed' }]) {
			const { status, result } = await deliverAsIs({ query, ...v2() });
			expect(status).toBe(401);
			expect(result.workflowData).toBeUndefined();
		}
		expect(beebox.requests).toEqual([]);
	});

	it("emits one item per delivered file, keyed by locale, path and the deliverable's date", async () => {
		const { items } = await deliver({ query: { ...callback, token: SECRET }, ...v2() });
		expect(items.map((i) => [i.eventKey, i.locale, i.file, i.occurredAt])).toEqual([
			[
				'beebox:file:fr:with html 1 - copy (2).json:2023-06-20T07:29:14Z',
				'fr',
				'with html 1 - Copy (2).json',
				'2023-06-20T07:29:15.430Z',
			],
			[
				'beebox:file:es:with html 1 - copy (2).json:2023-06-20T07:29:14Z',
				'es',
				'with html 1 - Copy (2).json',
				'2023-06-20T07:29:15.434Z',
			],
			[
				'beebox:file:fr:with html 1 - copy.json:2023-06-20T07:29:15Z',
				'fr',
				'with html 1 - Copy.json',
				'2023-06-20T07:29:15.456Z',
			],
			[
				'beebox:file:es:with html 1 - copy.json:2023-06-20T07:29:15Z',
				'es',
				'with html 1 - Copy.json',
				'2023-06-20T07:29:15.461Z',
			],
		]);
		expect(items[0]).toEqual({
			vendor: 'beebox',
			event: 'CreatedTranslatedFiles',
			eventKey: 'beebox:file:fr:with html 1 - copy (2).json:2023-06-20T07:29:14Z',
			occurredAt: '2023-06-20T07:29:15.430Z',
			receivedAt: expect.any(String),
			projectId: 'dddac1e2-32fa-4f29-ab92-78128a94809e',
			eventGroup: 'File',
			ok: true,
			sender: null,
			locale: 'fr',
			file: 'with html 1 - Copy (2).json',
			fileDate: '2023-06-20T07:29:15.4309822+00:00',
			sourcePath: 'c:\\beebox\\testproject\\in\\with html 1 - Copy (2).json',
			targetPath: 'c:\\beebox\\testproject\\out\\fr\\with html 1 - Copy (2).json',
			translationStatus: translationStatus.body.files[0],
			bbid: '22fde108-a8bd-4609-8c7e-5c101b519eed',
			bbevent: 'CreatedTranslatedFiles',
			bbproject: 'dddac1e2-32fa-4f29-ab92-78128a94809e',
			bbdate: '2023-06-20 07:29:16Z',
			bbok: 'yes',
		});
		expect(JSON.stringify(items)).not.toContain(SECRET);
		expect(beebox.openSessions).toBe(0);
	});

	it('emits one item per callback when asked to, its files with their relative path', async () => {
		const { items } = await deliver({
			query: { ...callback, token: SECRET },
			...v2({ output: 'perDelivery' }),
		});
		expect(items).toHaveLength(1);
		expect(items[0].eventKey).toBe('beebox:22fde108-a8bd-4609-8c7e-5c101b519eed');
		expect((items[0].files as Array<{ file: string | null }>).map((f) => f.file)).toEqual([
			null,
			'with html 1 - Copy (2).json',
			'with html 1 - Copy (2).json',
			null,
			'with html 1 - Copy.json',
			'with html 1 - Copy.json',
		]);
	});

	it('emits one item, keyed by bbid, for other events and when the details are missing', async () => {
		const parse = await deliver({
			query: { ...callback, bbevent: 'SourceFileParse', token: SECRET },
			...v2(),
		});
		expect(parse.items.map((i) => i.eventKey)).toEqual([`beebox:${callback.bbid}`]);
		beebox.overrides.set('/api/actions/action', {
			status: 400,
			body: { type: 'Api error', message: 'The event does not exist.', failed: true },
		});
		const missing = await deliver({ query: { ...callback, token: SECRET }, ...v2() });
		expect(missing.items).toHaveLength(1);
		expect(missing.items[0]).toMatchObject({
			eventKey: `beebox:${callback.bbid}`,
			detailsError: `Beebox event ${callback.bbid} lookup failed: The event does not exist.`,
		});
	});

	it("opens no session for another project's callback or an id that is no Beebox id", async () => {
		const other = await deliver({
			query: { ...callback, bbproject: 'another-project', token: SECRET },
			...v2(),
		});
		expect(other.items[0].detailsError).toBe(
			'the callback is for project another-project, the Beebox credential for project dddac1e2-32fa-4f29-ab92-78128a94809e',
		);
		const odd = await deliver({ query: { ...callback, bbid: '../x', token: SECRET }, ...v2() });
		expect(odd.items[0].detailsError).toBe('"../x" is not a valid Beebox event ID (bbid)');
		expect(beebox.requests).toEqual([]);
	});
});

describe('Beebox Trigger: bounded work per delivery', () => {
	it('makes at most 5 API calls and a logout for one callback, on the slowest path', async () => {
		// a server before November 2023 (POST refused, GET) that is BUSY at the first login
		const beebox = await new BeeboxSimulator({
			login: 'connector',
			password: 'pw',
			projectKey: 'p1',
			connect: 'get-only-405',
			events: [{ id: 'ev-1', projectkey: 'p1', actioncode: 'CreatedTranslatedFiles' }],
		}).start();
		try {
			beebox.busyLogins = 1;
			const { items } = await deliver({
				query: { bbid: 'ev-1', bbevent: 'CreatedTranslatedFiles', bbproject: 'p1' },
				nodeParameters: { fetchDetails: true },
				credentials: {
					beeboxApi: {
						serverUrl: beebox.url,
						projectKey: 'p1',
						login: 'connector',
						password: 'pw',
					},
				},
			});
			expect(items[0].details).toMatchObject({ id: 'ev-1' });
			expect(beebox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
				'POST /api/connect',
				'GET /api/connect',
				'GET /api/connect',
				'GET /api/actions/action',
				'GET /api/disconnect',
			]);
			beebox.busyLogins = 10;
			const busy = await deliver({
				query: { bbid: 'ev-1', bbevent: 'CreatedTranslatedFiles', bbproject: 'p1' },
				nodeParameters: { fetchDetails: true },
				credentials: {
					beeboxApi: {
						serverUrl: beebox.url,
						projectKey: 'p1',
						login: 'connector',
						password: 'pw',
					},
				},
			});
			expect(busy.items[0].detailsError).toContain('(BUSY)');
			// POST (405), GET (BUSY), GET (BUSY): no session, so no logout
			expect(beebox.requests.slice(5).map((r) => `${r.method} ${r.path}`)).toEqual([
				'POST /api/connect',
				'GET /api/connect',
				'GET /api/connect',
			]);
			expect(beebox.openSessions).toBe(0);
		} finally {
			await beebox.stop();
		}
	});
});

describe('Beebox Trigger as n8n adds it: only the defaults of its description', () => {
	// Beebox cannot sign its callbacks (help.wordbee.com/beebox/callbacks-parameters: plain URL parameters), so a
	// new node must check a secret token unless the user turns it off. n8n fills a new node's parameters from the
	// description (deliverTo reads them that way), so this fails if a default changes to "no secret".
	const { query } = fixtures.valid[0];
	const fresh = (extra: Record<string, unknown> = {}) => ({
		credentials: { translationWebhookSecretApi: { secret: TOKEN } },
		...extra,
	});

	it('refuses a callback without the secret token or with a wrong one (401)', async () => {
		for (const sent of [query, `${query}&token=${TOKEN}x`]) {
			const { status, items } = await deliverAsIs(fresh({ query: parseQuery(sent) }));
			expect([status, items]).toEqual([401, []]);
		}
	});

	it('accepts the callback with the token in the query string', async () => {
		const { status, items } = await deliverAsIs(
			fresh({ query: parseQuery(`${query}&token=${TOKEN}`) }),
		);
		expect([status, items.length]).toEqual([200, 1]);
	});

	it('does not activate without a secret credential', async () => {
		const { ctx } = fakeHookContext({
			nodeType: trigger,
			webhookUrl: 'https://n8n.example.com/webhook/x/beebox',
		});
		await expect(trigger.webhookMethods.default.create.call(ctx)).rejects.toThrow(/secret/i);
	});
});
