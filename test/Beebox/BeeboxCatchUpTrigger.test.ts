/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { parse as parseQuery } from 'node:querystring';

import type { IDataObject } from 'n8n-workflow';

import { BeeboxCatchUpTrigger } from '../../nodes/Beebox/BeeboxCatchUpTrigger.node';
import { BeeboxTrigger } from '../../nodes/Beebox/BeeboxTrigger.node';
import { translatedFileKey } from '../../nodes/Beebox/output';
import { CATCH_UP_LIMITS } from '../../nodes/common/catchUp/engine';
import eventDetails from '../fixtures/public/beebox/api-event-details-created-translated-files.json';
import translationStatus from '../fixtures/public/beebox/api-translation-status-created-translated-files-constructed.json';
import { fakePollContext, type FakeNodeOptions } from '../helpers/fakeContext';
import { deliverTo } from '../helpers/webhookContext';
import { BeeboxSimulator } from '../simulators/beebox';

const catchUp = new BeeboxCatchUpTrigger();
const deliver = deliverTo(new BeeboxTrigger());
const PASSWORD = 'connector-password';
const SECRET = 'k3J9f0aZ-x_7Qm2PzR8tLw4N';

describe('Wordbee Beebox Catch-Up Trigger', () => {
	let beebox: BeeboxSimulator;
	let staticData: IDataObject;
	const account = () => ({
		serverUrl: beebox.url,
		projectKey: 'p1',
		login: 'connector',
		password: PASSWORD,
	});

	beforeEach(async () => {
		staticData = {};
		beebox = await new BeeboxSimulator({
			login: 'connector',
			password: PASSWORD,
			projectKey: 'p1',
			files: [
				{ file: 'home.html', locale: 'fr', status: 1, tfdate: '2024-03-01T09:00:00.000Z' },
				{ file: 'home.html', locale: 'de', status: 6, tfdate: null },
			],
		}).start();
	});
	afterEach(() => beebox.stop());

	async function poll(options: FakeNodeOptions = {}) {
		const { ctx, logs } = fakePollContext({
			nodeType: catchUp,
			credentials: { beeboxApi: account() },
			staticData,
			...options,
		});
		const out = await catchUp.poll.call(ctx);
		return { items: (out?.[0] ?? []).map((i) => i.json), logs };
	}

	it('records what is ready on the first poll, then emits each newly delivered file once', async () => {
		expect((await poll()).items).toEqual([]);
		// delivered in this order (the status lists them the other way round): emitted oldest first
		beebox.files.push({ file: 'news\\a.html', locale: 'fr', status: 6, tfdate: null });
		beebox.deliverFiles(
			[{ file: 'home.html', locale: 'de', content: 'Startseite' }],
			new Date('2024-03-02T10:11:12.345Z'),
		);
		beebox.deliverFiles(
			[{ file: 'news\\a.html', locale: 'fr', content: 'Nouvelles' }],
			new Date('2024-03-02T10:11:13Z'),
		);
		beebox.files.reverse();
		const { items } = await poll();
		expect(items.map((i) => i.eventKey)).toEqual([
			'beebox:file:de:home.html:2024-03-02T10:11:12Z',
			'beebox:file:fr:news\\a.html:2024-03-02T10:11:13Z',
		]);
		expect(items[0]).toEqual({
			vendor: 'beebox',
			event: 'CreatedTranslatedFiles',
			eventKey: 'beebox:file:de:home.html:2024-03-02T10:11:12Z',
			occurredAt: '2024-03-02T10:11:12.345Z',
			receivedAt: expect.any(String),
			projectId: 'p1',
			eventGroup: 'File',
			ok: true,
			sender: null,
			locale: 'de',
			file: 'home.html',
			fileDate: '2024-03-02T10:11:12.345Z',
			translationStatus: expect.objectContaining({
				status: 1,
				statusc: 'Uptodate',
				uptodate: true,
			}),
		});
		expect((await poll()).items).toEqual([]);
		expect(beebox.openSessions).toBe(0);
		expect(beebox.connects).toBe(3);
		expect(beebox.calls('/api/disconnect')).toHaveLength(3);
	});

	it('emits a file delivered again (new date) under a new key, and nothing for files not ready', async () => {
		await poll();
		beebox.files[1].status = 6;
		beebox.files.push({ file: 'new.html', locale: 'fr', status: 7, tfdate: null });
		expect((await poll()).items).toEqual([]);
		beebox.deliverFiles(
			[{ file: 'home.html', locale: 'fr', content: 'Accueil v2' }],
			new Date('2024-03-05T08:00:00Z'),
		);
		expect((await poll()).items.map((i) => i.eventKey)).toEqual([
			'beebox:file:fr:home.html:2024-03-05T08:00:00Z',
		]);
	});

	it('gives a file the key the webhook trigger gives it (v2, Fetch Event Details)', async () => {
		await poll();
		const at = new Date('2024-04-01T12:00:00.987Z');
		const event = beebox.deliverFiles(
			[
				{ file: 'Docs\\Guide.HTML', locale: 'en-GB', content: 'guide' },
				{ file: 'Docs\\Guide.HTML', locale: 'fr', content: 'guide' },
			],
			at,
		);
		const caughtUp = (await poll()).items.map((i) => i.eventKey).sort();
		const { items } = await deliver({
			query: { ...parseQuery(beebox.callbackQuery(event, at)), token: SECRET },
			nodeParameters: { fetchDetails: true },
			credentials: {
				translationWebhookSecretApi: { secret: SECRET },
				beeboxApi: account(),
			},
		});
		expect(items.map((i) => i.eventKey).sort()).toEqual(caughtUp);
		expect(caughtUp).toEqual([
			'beebox:file:en-gb:docs\\guide.html:2024-04-01T12:00:00Z',
			'beebox:file:fr:docs\\guide.html:2024-04-01T12:00:00Z',
		]);
		// the fields both items share, value for value
		const fromStatus = (await poll({ mode: 'manual' })).items[0];
		const fromWebhook = items.find((i) => i.eventKey === fromStatus.eventKey)!;
		for (const field of [
			'vendor',
			'event',
			'eventKey',
			'projectId',
			'eventGroup',
			'ok',
			'locale',
			'file',
		])
			expect([field, fromWebhook[field]]).toEqual([field, fromStatus[field]]);
	});

	it('emits what changed after Start From on the first poll', async () => {
		beebox.deliverFiles(
			[{ file: 'late.html', locale: 'de', content: 'x' }],
			new Date('2024-03-10T00:00:00Z'),
		);
		const { items } = await poll({ parameters: { startFrom: '2024-03-05T00:00:00Z' } });
		expect(items.map((i) => i.file)).toEqual(['late.html']);
	});

	it('passes the filters to Beebox and reads every page', async () => {
		for (let i = 0; i < 230; i++)
			beebox.files.push({
				file: `bulk\\${i}.html`,
				locale: 'es',
				status: 1,
				tfdate: '2024-03-01T00:00:00Z',
			});
		await poll({ parameters: { filters: { targetLocale: 'es', pathPattern: '^bulk\\\\' } } });
		const pages = beebox
			.calls('/api/workprogress/translatedfiles')
			.map((r) => r.body as IDataObject);
		expect(pages.map((p) => [p.skip, p.count])).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
		]);
		expect(pages[0].filter).toEqual({ targetLocale: 'es', patterns: { fpath: '^bulk\\\\' } });
		expect(Object.keys((staticData.catchUp as { seen: object }).seen)).toHaveLength(230);
	});

	it('follows only the most recent ready files, so its state stays bounded', async () => {
		const many = CATCH_UP_LIMITS.maxEntries + 50;
		for (let i = 0; i < many; i++)
			beebox.files.push({
				file: `f${i}.html`,
				locale: 'es',
				status: 1,
				tfdate: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
			});
		await poll();
		const seen = Object.keys((staticData.catchUp as { seen: object }).seen);
		expect(seen).toHaveLength(CATCH_UP_LIMITS.maxEntries);
		expect(seen).not.toContain('file:es:f0.html');
		expect(seen).toContain(`file:es:f${many - 1}.html`);
		// a second poll of the same list emits nothing again
		expect((await poll()).items).toEqual([]);
	});

	it('logs out after a poll that fails, and changes nothing', async () => {
		await poll();
		const before = JSON.stringify(staticData);
		beebox.overrides.set('/api/workprogress/translatedfiles', {
			status: 400,
			body: { type: 'Api error', message: 'Filter is invalid', failed: true },
		});
		await expect(poll()).rejects.toThrow('Beebox translation status failed: Filter is invalid');
		expect(beebox.openSessions).toBe(0);
		expect(JSON.stringify(staticData)).toBe(before);
	});

	it('needs a project key', async () => {
		const { ctx } = fakePollContext({
			nodeType: catchUp,
			credentials: { beeboxApi: { ...account(), projectKey: '' } },
		});
		await expect(catchUp.poll.call(ctx)).rejects.toThrow(
			'The translation status is per project: set the Project Key in the Wordbee Beebox credential',
		);
		expect(beebox.requests).toEqual([]);
	});

	it('shows the most recent delivery on "Fetch Test Event", remembering nothing', async () => {
		// the latest in the past: a date later than now is no change time (common/catchUp/engine.ts)
		beebox.deliverFiles(
			[{ file: 'latest.html', locale: 'de', content: 'x' }],
			new Date('2025-01-01T00:00:00Z'),
		);
		const { items } = await poll({ mode: 'manual' });
		expect(items.map((i) => i.eventKey)).toEqual([
			translatedFileKey('de', 'latest.html', '2025-01-01T00:00:00Z'),
		]);
		expect(staticData).toEqual({});
	});
});

// Wordbee's published CreatedTranslatedFiles event (help.wordbee.com/beebox/event-details-created-translated-files)
// and the translation status of its files (help.wordbee.com/beebox/api-get-translation-status): the details
// date each file with the action's time, the status with the deliverable's (`tfdate`), in another second here
describe('Beebox: one delivered file, one eventKey, whichever trigger sees it', () => {
	const PROJECT = eventDetails.body.projectkey;
	const account = (beebox: BeeboxSimulator) => ({
		serverUrl: beebox.url,
		projectKey: PROJECT,
		login: 'connector',
		password: PASSWORD,
	});
	const callback = {
		bbevent: 'CreatedTranslatedFiles',
		bbproject: PROJECT,
		bbdate: '2023-06-20 07:29:16Z',
		bbok: 'yes',
		bberror: '',
		bbid: eventDetails.body.id,
		token: SECRET,
	};
	let beebox: BeeboxSimulator;
	beforeEach(async () => {
		beebox = await new BeeboxSimulator({
			login: 'connector',
			password: PASSWORD,
			projectKey: PROJECT,
		}).start();
		beebox.overrides.set('/api/actions/action', { status: 200, body: eventDetails.body });
		beebox.overrides.set('/api/workprogress/translatedfiles', {
			status: 200,
			body: translationStatus.body,
		});
	});
	afterEach(() => beebox.stop());

	const webhookItems = async (nodeParameters: IDataObject = {}) =>
		(
			await deliver({
				query: callback,
				nodeParameters: { fetchDetails: true, ...nodeParameters },
				credentials: {
					translationWebhookSecretApi: { secret: SECRET },
					beeboxApi: account(beebox),
				},
			})
		).items;
	const caughtUp = async () => {
		const { ctx } = fakePollContext({
			credentials: { beeboxApi: account(beebox) },
			staticData: {},
			parameters: { startFrom: '2023-06-01T00:00:00Z' },
		});
		return ((await catchUp.poll.call(ctx))?.[0] ?? []).map((i) => i.json);
	};

	it('the webhook keys each file on its translation status record, as the catch-up does', async () => {
		const fromWebhook = await webhookItems();
		const fromStatus = await caughtUp();
		expect(fromWebhook.map((i) => i.eventKey).sort()).toEqual(
			fromStatus.map((i) => i.eventKey).sort(),
		);
		expect(fromWebhook.map((i) => i.eventKey)).toEqual([
			'beebox:file:fr:with html 1 - copy (2).json:2023-06-20T07:29:14Z',
			'beebox:file:es:with html 1 - copy (2).json:2023-06-20T07:29:14Z',
			'beebox:file:fr:with html 1 - copy.json:2023-06-20T07:29:15Z',
			'beebox:file:es:with html 1 - copy.json:2023-06-20T07:29:15Z',
		]);
		// each item carries the record its key comes from; the event details' own date stays in fileDate
		expect(fromWebhook[0]).toMatchObject({
			fileDate: '2023-06-20T07:29:15.4309822+00:00',
			translationStatus: translationStatus.body.files[0],
		});
		// asked in the same session for exactly the delivered files
		const asked = beebox.calls('/api/workprogress/translatedfiles')[0].body as {
			filter: { patterns: { fpath: string } };
		};
		const pattern = new RegExp(asked.filter.patterns.fpath);
		expect(
			['with html 1 - Copy (2).json', 'with html 1 - Copy.json', 'with html 1 - Copy (2)xjson'].map(
				(path) => pattern.test(path),
			),
		).toEqual([true, true, false]);
		expect(beebox.openSessions).toBe(0);
	});

	it('without the status, the items are keyed by bbid, never like a catch-up item, and say why', async () => {
		beebox.overrides.set('/api/workprogress/translatedfiles', {
			status: 400,
			body: { type: 'Api error', message: 'Not authorised', id: 'LOGGEDOUT', failed: true },
		});
		const items = await webhookItems();
		expect(items.map((i) => i.eventKey)).toEqual([
			`beebox:${callback.bbid}:file:fr:with html 1 - copy (2).json`,
			`beebox:${callback.bbid}:file:es:with html 1 - copy (2).json`,
			`beebox:${callback.bbid}:file:fr:with html 1 - copy.json`,
			`beebox:${callback.bbid}:file:es:with html 1 - copy.json`,
		]);
		expect(items[0]).toMatchObject({
			translationStatus: null,
			translationStatusError: expect.stringMatching(/^no translation status: .*Not authorised/),
		});
		expect(beebox.openSessions).toBe(0);
	});

	it("One Item per Delivery: the key is the callback's, which no catch-up item has, as the hint says", async () => {
		const [item] = await webhookItems({ output: 'perDelivery' });
		expect(item.eventKey).toBe(`beebox:${callback.bbid}`);
		expect((await caughtUp()).map((i) => i.eventKey)).not.toContain(item.eventKey);
		// no status is read for an item that does not use it
		expect(beebox.calls('/api/workprogress/translatedfiles')).toHaveLength(1);
		const output = new BeeboxTrigger().description.properties.find((p) => p.name === 'output');
		expect(output?.default).toBe('perElement');
		expect(output?.hint).toMatch(/One Item per Delivery.*never equals a Catch-Up Trigger's/);
	});
});

describe('translatedFileKey', () => {
	it('is the same for the dates both Beebox answers write, to the second', () => {
		const keys = [
			translatedFileKey('fr', 'a\\b.html', '2023-06-20T07:29:15.4309822+00:00'),
			translatedFileKey('FR', 'A/B.html', '2023-06-20T07:29:15.43Z'),
			translatedFileKey('fr', 'a\\b.html', '2023-06-20 09:29:15+02:00'),
		];
		expect(new Set(keys)).toEqual(new Set(['beebox:file:fr:a\\b.html:2023-06-20T07:29:15Z']));
	});

	it('differs for another second, and keeps a date it cannot read', () => {
		expect(translatedFileKey('fr', 'a.html', '2023-06-20T07:29:16Z')).not.toBe(
			translatedFileKey('fr', 'a.html', '2023-06-20T07:29:15Z'),
		);
		expect(translatedFileKey('fr', 'a.html', '/Date(1687246155430)/')).toBe(
			'beebox:file:fr:a.html:/Date(1687246155430)/',
		);
		expect(translatedFileKey('fr', 'a.html', null)).toBe('beebox:file:fr:a.html:undated');
	});
});
