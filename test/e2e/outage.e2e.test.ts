/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Never miss an event, across all four vendors at once, in the production topology (queue mode: PostgreSQL,
 * Redis, main, webhook process, worker). Each vendor's "never miss an event" example (its webhook trigger and
 * its Catch-Up Trigger, both before n8n's Remove Duplicates on eventKey) runs with a last step that posts the
 * eventKey to a stand-in service: the end of the workflow. OUTAGE_E2E_EVENTS events (default 520) happen at the
 * vendors while, in turn: all is well; n8n is stopped; the webhook answers 503 (a proxy in front of it fails);
 * the worker is killed in the middle of an execution. A vendor delivers each event once and never again (the
 * worst case: Beebox never retries, the others give up in the end). Every event must reach the end exactly once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Recorder } from '../helpers/recorder';
import { BeeboxSimulator } from '../simulators/beebox';
import { GengoSimulator } from '../simulators/gengo';
import { PhraseSimulator } from '../simulators/phrase';
import { SmartcatSimulator } from '../simulators/smartcat';
import { BULK_SUITE_ENV, delay, eventually, example, QueueMode } from './harness';

// test/e2e/n8n.js: the editor's import gives webhook nodes their ids (examples ship none)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withWebhookIds } = require('./n8n.js') as typeof import('./n8n.js');

const EVENTS = Number(process.env.OUTAGE_E2E_EVENTS ?? 520);
const SECRET = 'outage-e2e-Secret-0123456789abcdef';
const VENDORS = ['beebox', 'gengo', 'smartcat', 'phrase'] as const;
type Vendor = (typeof VENDORS)[number];

const BEEBOX = {
	login: 'outage-connector',
	password: 'outage-beebox-password',
	projectKey: 'dddac1e2-32fa-4f29-ab92-78128a94809e',
};
const GENGO = { publicKey: 'outage-public-key', privateKey: 'outage-private-key-secret' };
const SMARTCAT = { accountId: 'outage-account', apiKey: 'outage-smartcat-api-key-secret' };
const PHRASE_USER = { userName: 'pm.outage', password: 'outage-phrase-password-secret' };

/** A proxy in front of the webhook process, as a load balancer is; while `failing`, it answers 503 itself. */
class FailingProxy {
	failing = false;
	private server!: Server;
	constructor(private readonly target: () => string) {}
	get url(): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}
	async start(): Promise<void> {
		this.server = createServer((req, res) => void this.forward(req, res));
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
	}
	async stop(): Promise<void> {
		// a suite whose setup failed before the proxy started stops it too
		if (!this.server) return;
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
	private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		if (this.failing) {
			res.writeHead(503).end('Service Unavailable');
			return;
		}
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(req.headers))
			if (typeof value === 'string' && key !== 'host' && key !== 'content-length')
				headers[key] = value;
		const body = chunks.length ? Buffer.concat(chunks) : undefined;
		const answer = await fetch(`${this.target()}${req.url}`, {
			method: req.method,
			headers,
			body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
			signal: AbortSignal.timeout(60_000),
		}).catch(() => undefined);
		if (!answer) {
			res.writeHead(502).end();
			return;
		}
		res.writeHead(answer.status).end(Buffer.from(await answer.arrayBuffer()));
	}
}

describe(`Never miss an event: ${EVENTS} events over four vendors in queue mode, through a stop, a failing webhook and a killed worker`, () => {
	const queue = new QueueMode('e2e outage', {
		// one execution at a time: Remove Duplicates reads and records its history without a lock; the 520 events on
		// the `legacy` expression engine, as the other suites that send thousands (BULK_SUITE_ENV)
		env: { ...BULK_SUITE_ENV, N8N_CONCURRENCY_PRODUCTION_LIMIT: '1' },
	});
	const service = new Recorder();
	const proxy = new FailingProxy(() => queue.webhook.baseUrl);
	const sims = {} as {
		beebox: BeeboxSimulator;
		gengo: GengoSimulator;
		smartcat: SmartcatSimulator;
		phrase: PhraseSimulator;
	};
	const workflows = {} as Record<Vendor, ReturnType<typeof example> & { webhookUrl: string }>;
	/** every event that happened: its vendor and the eventKey our triggers give it */
	const happened: Array<{ vendor: Vendor; eventKey: string; delivered: number }> = [];

	/** The example of a vendor, set up: pollTimes every minute, the last step posting the eventKey to `service`. */
	function neverMiss(vendor: Vendor, setUp: Parameters<typeof example>[1]) {
		const workflow = withWebhookIds(example(`${vendor}-never-miss-an-event.json`, setUp));
		const nodes = workflow.nodes as Array<
			Record<string, unknown> & { name: string; type: string; parameters: Record<string, unknown> }
		>;
		for (const node of nodes)
			if (node.type.endsWith('CatchUpTrigger'))
				node.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
		const dedupe = nodes.find((n) => n.type === 'n8n-nodes-base.removeDuplicates')!;
		// what the workflow does before Remove Duplicates (fetching the translation, say): a moment of work, so
		// that a worker killed in the middle of an execution dies before the event is recorded as seen
		const prepare = {
			id: `${vendor}-prepare`,
			name: 'Prepare',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [300, 300],
			parameters: { amount: 0.3, unit: 'seconds' },
		};
		const end = {
			id: `${vendor}-end`,
			name: 'End of Workflow',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [900, 300],
			parameters: {
				method: 'POST',
				url: `={{ "${service.url}/${vendor}/" + encodeURIComponent($json.eventKey) }}`,
				options: {},
			},
		};
		const triggers = nodes.filter((n) => n.type.startsWith('n8n-nodes-translation-events.'));
		workflow.nodes = [
			...nodes.filter((n) => !/noOp$/.test(n.type)),
			prepare,
			end,
		] as typeof workflow.nodes;
		(workflow as unknown as { connections: unknown }).connections = {
			...Object.fromEntries(
				triggers.map((t) => [t.name, { main: [[{ node: 'Prepare', type: 'main', index: 0 }]] }]),
			),
			Prepare: { main: [[{ node: dedupe.name, type: 'main', index: 0 }]] },
			[dedupe.name]: { main: [[{ node: end.name, type: 'main', index: 0 }]] },
		};
		const hook = nodes.find(
			(n) => n.type.endsWith('Trigger') && !n.type.endsWith('CatchUpTrigger'),
		)!;
		return { ...workflow, webhookUrl: String(hook.webhookId) };
	}

	/** How each vendor's event reaches n8n: through the proxy, with the secret the vendor holds. */
	async function deliver(
		vendor: Vendor,
		event: { deliver(url: string, secret: string): Promise<number> },
	) {
		const viaProxy = (url: string) => url.replace(queue.webhook.baseUrl, proxy.url);
		if (vendor === 'beebox' || vendor === 'gengo') {
			const path = vendor === 'beebox' ? 'beebox' : 'gengo';
			return await event.deliver(
				`${proxy.url}/webhook/${workflows[vendor].webhookUrl}/${path}`,
				SECRET,
			);
		}
		if (vendor === 'smartcat') {
			const setting = sims.smartcat.setting!;
			return await event.deliver(viaProxy(setting.url), setting.additionalHeaders[0].value);
		}
		const hook = [...sims.phrase.webhooks.values()].find((h) => h.status !== 'DISABLED')!;
		return await event.deliver(viaProxy(hook.url), String(hook.secretToken));
	}

	/** One event at a random vendor, delivered once (a failure is not retried). */
	async function oneEvent(i: number): Promise<void> {
		const vendor = VENDORS[i % VENDORS.length];
		const event = sims[vendor].nextEvent();
		const delivered = await deliver(vendor, event).catch(() => 0);
		happened.push({ vendor, eventKey: event.eventKey, delivered });
	}

	const arrivals = () => {
		const count = new Map<string, number>();
		for (const { path } of service.received) {
			const key = decodeURIComponent(path.split('/').slice(2).join('/'));
			count.set(key, (count.get(key) ?? 0) + 1);
		}
		return count;
	};

	beforeAll(async () => {
		await service.start();
		sims.beebox = await new BeeboxSimulator(BEEBOX).start();
		sims.gengo = await new GengoSimulator({ ...GENGO, jobs: [] }).start();
		sims.smartcat = await new SmartcatSimulator({ ...SMARTCAT, retryBaseMs: 3_600_000 }).start();
		sims.phrase = await new PhraseSimulator({ ...PHRASE_USER, projects: {} }).start();
		await queue.start();
		await proxy.start();
		const main = queue.main;
		await main.importCredentials([
			{
				id: 'outageSecretCred',
				name: 'Secret',
				type: 'translationWebhookSecretApi',
				data: { secret: SECRET },
			},
			{
				id: 'outageBeeboxCred',
				name: 'Beebox',
				type: 'beeboxApi',
				data: { serverUrl: sims.beebox.url, ...BEEBOX },
			},
			{
				id: 'outageGengoCred0',
				name: 'Gengo',
				type: 'gengoApi',
				data: { ...GENGO, environment: 'custom', baseUrl: sims.gengo.baseUrl },
			},
			{
				id: 'outageSmartcat01',
				name: 'Smartcat',
				type: 'smartcatApi',
				data: { ...SMARTCAT, server: 'custom', baseUrl: sims.smartcat.url },
			},
			{
				id: 'outagePhraseCred',
				name: 'Phrase',
				type: 'phraseApi',
				data: {
					region: 'custom',
					baseUrl: sims.phrase.baseUrl,
					authType: 'password',
					...PHRASE_USER,
				},
			},
		]);
		const secret = { type: 'translationWebhookSecretApi', id: 'outageSecretCred', name: 'Secret' };
		const api = (type: string, id: string, name: string) => ({ type, id, name });
		const allowPrivate = { options: { allowPrivateWebhookUrl: true } };
		workflows.beebox = neverMiss('beebox', {
			credentials: {
				'n8n-nodes-translation-events.beeboxTrigger': api(
					'beeboxApi',
					'outageBeeboxCred',
					'Beebox',
				),
				'n8n-nodes-translation-events.beeboxCatchUpTrigger': api(
					'beeboxApi',
					'outageBeeboxCred',
					'Beebox',
				),
			},
		});
		workflows.gengo = neverMiss('gengo', {
			credentials: {
				'n8n-nodes-translation-events.gengoTrigger': secret,
				'n8n-nodes-translation-events.gengoCatchUpTrigger': api(
					'gengoApi',
					'outageGengoCred0',
					'Gengo',
				),
			},
		});
		workflows.smartcat = neverMiss('smartcat', {
			parameters: { 'Smartcat Trigger': allowPrivate },
			credentials: {
				'n8n-nodes-translation-events.smartcatTrigger': api(
					'smartcatApi',
					'outageSmartcat01',
					'Smartcat',
				),
				'n8n-nodes-translation-events.smartcatCatchUpTrigger': api(
					'smartcatApi',
					'outageSmartcat01',
					'Smartcat',
				),
			},
		});
		workflows.phrase = neverMiss('phrase', {
			parameters: { 'Phrase TMS Trigger': { ...allowPrivate, respond: 'lastNode' } },
			credentials: {
				'n8n-nodes-translation-events.phraseTrigger': api(
					'phraseApi',
					'outagePhraseCred',
					'Phrase',
				),
				'n8n-nodes-translation-events.phraseCatchUpTrigger': api(
					'phraseApi',
					'outagePhraseCred',
					'Phrase',
				),
			},
		});
		// the Beebox webhook trigger has two credentials: the API (Fetch Event Details) and the secret
		const beeboxTrigger = (workflows.beebox.nodes as Array<Record<string, unknown>>).find(
			(n) => n.type === 'n8n-nodes-translation-events.beeboxTrigger',
		)!;
		beeboxTrigger.credentials = {
			beeboxApi: { id: 'outageBeeboxCred', name: 'Beebox' },
			translationWebhookSecretApi: { id: 'outageSecretCred', name: 'Secret' },
		};
		await main.importWorkflows(Object.values(workflows));
		await eventually(
			'Smartcat and Phrase know the webhook process',
			async () => !!sims.smartcat.setting && [...sims.phrase.webhooks.values()].length > 0,
		);
		for (const vendor of ['beebox', 'gengo'] as const)
			await queue.webhook.waitForWebhook(
				queue.webhook.webhookUrl(`${workflows[vendor].webhookUrl}/${vendor}`),
			);
	}, 600_000);

	afterAll(async () => {
		// n8n's processes first: a start-up that failed half-way leaves the others running until stop()
		await queue.stop();
		await proxy.stop();
		for (const sim of Object.values(sims)) await sim?.stop();
		await service.stop();
	});

	it('every event reaches the end of its workflow exactly once: 0 lost, 0 twice', async () => {
		const per = Math.floor(EVENTS / 5);
		const phases: string[] = [];
		let i = 0;
		const run = async (count: number) => {
			for (const end = i + count; i < end; i++) {
				await oneEvent(i);
				await delay(20);
			}
		};

		// 1. all is well
		await run(per);
		phases.push(`${per} while all is well`);

		// 2. n8n stopped (the webhook process and the main process, which polls): deliveries find nobody
		await queue.webhook.stop();
		await queue.main.restart(async () => {
			await run(per);
		});
		await queue.webhook.start();
		phases.push(`${per} while n8n was stopped`);

		// 3. the webhook answers 503 (the proxy in front of it fails): the catch-up finds them on its next polls
		proxy.failing = true;
		await run(per);
		proxy.failing = false;
		phases.push(`${per} while the webhook answered 503`);
		// what phase 3 missed is in before the worker dies, so the killed execution is not the one carrying it
		const upToNow = happened.map((h) => h.eventKey);
		await eventually(
			'the events of the first three phases reached the end',
			async () => {
				const seen = arrivals();
				return upToNow.every((key) => seen.has(key));
			},
			300_000,
		);

		// 4. the worker is killed in the middle of an execution, while deliveries go on; another one takes over
		const killing = (async () => {
			await eventually(
				'an execution is running',
				async () =>
					(await queue.main.countExecutions()) > 0 && queue.workers[0].child !== undefined,
				30_000,
			);
			await delay(2_000);
			queue.workers[0].child?.kill('SIGKILL');
			await delay(3_000);
			await queue.startWorker();
		})();
		await run(per);
		await killing;
		phases.push(`${per} while the worker was killed and replaced`);

		// 5. all is well again
		await run(EVENTS - i);
		phases.push(`${EVENTS - 4 * per} after it`);

		const expected = happened.map((h) => h.eventKey);
		expect(new Set(expected).size).toBe(expected.length);
		await eventually(
			'every event reached the end',
			async () => {
				const seen = arrivals();
				return expected.every((key) => seen.has(key));
			},
			300_000,
		).catch(() => undefined);
		// a last round of polls after the last event, so that a late duplicate would show
		await delay(70_000);
		const count = arrivals();
		const lost = happened.filter((h) => !count.has(h.eventKey));
		const twice = happened.filter((h) => (count.get(h.eventKey) ?? 0) > 1);
		const strangers = [...count.keys()].filter((key) => !expected.includes(key));
		const byVendor = Object.fromEntries(
			VENDORS.map((v) => [
				v,
				`${happened.filter((h) => h.vendor === v).length} events, ${happened.filter((h) => h.vendor === v && h.delivered !== 200).length} deliveries failed`,
			]),
		);
		console.log(
			`[e2e outage] ${happened.length} events (${phases.join('; ')}); ${JSON.stringify(byVendor)}; ${lost.length} lost, ${twice.length} twice, ${strangers.length} unexpected`,
		);
		expect(lost.map((h) => `${h.vendor} ${h.eventKey} (delivery ${h.delivered})`)).toEqual([]);
		expect(twice.map((h) => `${h.vendor} ${h.eventKey} ×${count.get(h.eventKey)}`)).toEqual([]);
		expect(strangers).toEqual([]);
	}, 1_500_000);
});
