/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Load without loss, in one n8n (sqlite, n8n's default; the legacy expression engine, harness.ts BULK_SUITE_ENV): LOAD_E2E_DELIVERIES valid deliveries (default 1,000;
 * 10,000 for the full size) spread over all four triggers at 16 concurrent senders give exactly that many
 * successful executions, each with its delivery's item; a delivery sent again carries the same eventKey. Then
 * n8n is restarted (SIGTERM, its graceful shutdown, start) in the middle of a second run whose senders retry as
 * the vendors do (until a 200), to two Gengo workflows, "Respond: When Workflow Finished" and "When Received".
 * What the test establishes about n8n 2.41 (README, "Restarting n8n under load"): while the new process runs its
 * database migrations it answers every request 200 "n8n is starting up. Please wait" without running anything,
 * so those deliveries are lost in both modes (the catch-up triggers recover them); with "When Received" the
 * executions n8n's forced exit cuts off are lost too (marked crashed); a delivery whose attempt went unanswered
 * can run twice (n8n re-runs at start-up an execution it left new, and the vendor's repeat runs as well: the
 * eventKey is what a workflow skips it by). Whether a delivery ran is judged where a user would judge it: at the
 * end of the workflow, which posts the item to a stand-in service.
 */
import { gengoCallbackRequest } from '../fixtures/samples/gengo';
import { phraseJobWebhook, phraseSampleJobPart } from '../fixtures/samples/phrase';
import { mapWithConcurrency } from '../../nodes/common/http/concurrency';
import { Recorder } from '../helpers/recorder';
import {
	BULK_SUITE_ENV,
	delay,
	eventually,
	receivedItems,
	RegisteringVendors,
	startN8n,
	triggerWorkflow,
	type Execution,
	type N8nInstance,
} from './harness';

const LOAD = Number(process.env.LOAD_E2E_DELIVERIES ?? 1000);
const RESTART_LOAD = Number(process.env.LOAD_E2E_RESTART_DELIVERIES ?? 400);
const SENDERS = 16;
/** What n8n 2.41 answers (200, text/html) to any request while its database migrations run at start-up. */
const N8N_STARTING_UP = 'n8n is starting up. Please wait';
const TOKEN = 'load-e2e-Token-0123456789abcdef';
const SMARTCAT = { accountId: 'load-account', apiKey: 'load-smartcat-api-key-secret' };
const PHRASE_USER = { userName: 'pm.load', password: 'load-phrase-password-secret' };
/** The Beebox and Gengo triggers' Translation Webhook Secret credential (its secret is TOKEN, in the query string). */
const SECRET_CREDENTIAL = {
	translationWebhookSecretApi: { id: 'loadSecret000001', name: 'Webhook secret' },
};
/** n8n here runs on 127.0.0.1, which Smartcat and Phrase could not reach: the option a test against simulators sets. */
const PRIVATE_URL_ALLOWED = { options: { allowPrivateWebhookUrl: true } };

const workflows = {
	beebox: triggerWorkflow({
		id: 'loadBeebox000001',
		node: 'beeboxTrigger',
		parameters: { fetchDetails: false },
		credentials: SECRET_CREDENTIAL,
	}),
	gengo: triggerWorkflow({
		id: 'loadGengo0000001',
		node: 'gengoTrigger',
		credentials: SECRET_CREDENTIAL,
	}),
	smartcat: triggerWorkflow({
		id: 'loadSmartcat0001',
		node: 'smartcatTrigger',
		parameters: { ...PRIVATE_URL_ALLOWED, fetchDetails: false },
		credentials: { smartcatApi: { id: 'loadSmartcatCred', name: 'Smartcat' } },
	}),
	phrase: triggerWorkflow({
		id: 'loadPhrase000001',
		node: 'phraseTrigger',
		parameters: PRIVATE_URL_ALLOWED,
		credentials: { phraseApi: { id: 'loadPhraseCred01', name: 'Phrase' } },
	}),
};
type Vendor = keyof typeof workflows;
/** The end of the restart run's workflows: a service they post each item to, as a CMS step would. */
const service = new Recorder();
/** After the trigger: the item as usual, then a POST of its jobId to the stand-in service. */
const endOfWorkflow = () => [
	{ name: 'Received', type: 'n8n-nodes-base.noOp', parameters: {} },
	{
		name: 'Deliver',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: '={{ "SERVICE_URL/done/" + $(\'Trigger\').item.json.jobId }}',
			options: {},
		},
	},
];
/** The restart run's two workflows: Respond "When Received" (the default) and "When Workflow Finished". */
const restartWorkflows = {
	received: triggerWorkflow({
		id: 'loadRestartRecv1',
		node: 'gengoTrigger',
		credentials: SECRET_CREDENTIAL,
		after: endOfWorkflow(),
	}),
	finished: triggerWorkflow({
		id: 'loadRestartDone1',
		node: 'gengoTrigger',
		parameters: { respond: 'lastNode' },
		credentials: SECRET_CREDENTIAL,
		after: endOfWorkflow(),
	}),
};
const VENDORS = Object.keys(workflows) as Vendor[];

/** One delivery: what identifies it in the item it starts (`key`), and the HTTP request. */
interface Delivery {
	key: string;
	vendor: Vendor;
	url: string;
	init: RequestInit;
}

/** What identifies a delivery in the item it started: vendor and the delivery's own id. */
function keyOf(item: Record<string, unknown>): string {
	const id =
		item.vendor === 'beebox'
			? String(item.eventKey).replace(/^beebox:/, '')
			: String(item.jobId ?? item.documentId);
	return `${String(item.vendor)}:${id}`;
}

describe(`Load without loss in one n8n: ${LOAD} deliveries at ${SENDERS} senders, then a restart in the middle of ${RESTART_LOAD}`, () => {
	let n8n: N8nInstance;
	const vendors = new RegisteringVendors(SMARTCAT, PHRASE_USER);
	const hook = (vendor: Vendor, path: string) =>
		n8n.webhookUrl(`${workflows[vendor].webhookId}/${path}`);

	/** The i-th delivery of a run: vendors in turn, each with an id of its own (digits: Gengo's job ids are). */
	function delivery(run: number, i: number): Delivery {
		const vendor = VENDORS[i % VENDORS.length];
		const id = String(run * 1_000_000 + i);
		if (vendor === 'beebox') {
			const query = new URLSearchParams({
				bbid: id,
				bbevent: 'CreatedTranslatedFiles',
				bbsender: 'Autorun',
				bbproject: 'p-load',
				bbdate: '2026-11-25T10:00:00Z',
				bbok: 'true',
				token: TOKEN,
			});
			return { key: `beebox:${id}`, vendor, url: `${hook('beebox', 'beebox')}?${query}`, init: {} };
		}
		if (vendor === 'gengo') {
			const request = gengoCallbackRequest('approved', { jobId: id });
			return {
				key: `gengo:${id}`,
				vendor,
				url: `${hook('gengo', 'gengo')}?token=${TOKEN}`,
				init: {
					method: 'POST',
					headers: { 'content-type': request.contentType },
					body: request.body,
				},
			};
		}
		if (vendor === 'smartcat') {
			const { name, value } = vendors.smartcatHeader;
			// a Smartcat document ID is <document>_<language>, e.g. 189_25 (other IDs are refused with 400)
			const documentId = `${id}_25`;
			return {
				key: `smartcat:${documentId}`,
				vendor,
				url: hook('smartcat', 'smartcat/document/status'),
				init: {
					method: 'POST',
					headers: { 'content-type': 'application/json', [name]: value },
					body: JSON.stringify([documentId]),
				},
			};
		}
		const token = vendors.phraseToken;
		const body = JSON.stringify(
			phraseJobWebhook('JOB_STATUS_CHANGED', [phraseSampleJobPart({ jobUid: id })]),
		);
		return {
			key: `phrase:${id}`,
			vendor,
			url: hook('phrase', 'phrase'),
			init: {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-memsource-token': token },
				body,
			},
		};
	}

	const refusals: string[] = [];
	/**
	 * Sends once; a network failure (refused, reset, no answer in 60 s) is status 0, as a vendor sees it. The body
	 * tells a 200 from a workflow apart from the 200 n8n sends while it starts (see the restart test).
	 */
	async function attempt(d: Delivery): Promise<{ status: number; body: string }> {
		try {
			const response = await fetch(d.url, { ...d.init, signal: AbortSignal.timeout(60_000) });
			const body = await response.text();
			if (response.status !== 200 && refusals.length < 5)
				refusals.push(`${d.key}: ${response.status} ${body.slice(0, 200)}`);
			return { status: response.status, body };
		} catch {
			return { status: 0, body: '' };
		}
	}
	const send = async (d: Delivery) => (await attempt(d)).status;

	async function allExecutions(): Promise<Execution[]> {
		return (await n8n.executions({ finished: true })).filter((e) =>
			VENDORS.some((v) => workflows[v].id === e.workflowId),
		);
	}

	async function waitForCount(count: number, timeoutMs: number): Promise<void> {
		let last = -1;
		await eventually(
			`${count} finished executions`,
			async () => (last = await n8n.countExecutions({ finished: true })) >= count,
			timeoutMs,
		).catch((error: Error) => {
			throw new Error(`${error.message} (last count ${last})`);
		});
	}

	beforeAll(async () => {
		await vendors.start();
		await service.start();
		// the stand-in's port is known now: put it into the restart workflows' last node
		for (const workflow of Object.values(restartWorkflows))
			for (const node of workflow.nodes as Array<{ parameters: Record<string, unknown> }>)
				if (typeof node.parameters.url === 'string')
					node.parameters.url = node.parameters.url.replace('SERVICE_URL', service.url);
		n8n = await startN8n('load', { env: BULK_SUITE_ENV });
		await n8n.importCredentials([
			...vendors.credentials({ smartcat: 'loadSmartcatCred', phrase: 'loadPhraseCred01' }),
			{
				...SECRET_CREDENTIAL.translationWebhookSecretApi,
				type: 'translationWebhookSecretApi',
				data: { secret: TOKEN },
			},
		]);
		await n8n.importWorkflows([...Object.values(workflows), ...Object.values(restartWorkflows)]);
		await n8n.waitForWebhook(hook('beebox', 'beebox'));
		await n8n.waitForWebhook(hook('gengo', 'gengo'));
		for (const workflow of Object.values(restartWorkflows))
			await n8n.waitForWebhook(n8n.webhookUrl(`${workflow.webhookId}/gengo`));
		await vendors.registered({
			smartcat: hook('smartcat', 'smartcat'),
			phrase: hook('phrase', 'phrase'),
		});
	}, 600_000);

	afterAll(async () => {
		const output = n8n?.output ?? '';
		await n8n?.stop();
		await vendors.stop();
		await service.stop();
		for (const secret of [TOKEN, SMARTCAT.apiKey, PHRASE_USER.password])
			expect(output).not.toContain(secret);
	});

	it(`${LOAD} deliveries over four triggers: exactly ${LOAD} successful executions, each with its delivery's item; a delivery sent again has the same eventKey`, async () => {
		const deliveries = Array.from({ length: LOAD }, (_, i) => delivery(1, i));
		const started = Date.now();
		const statuses = await mapWithConcurrency(deliveries, SENDERS, send);
		const seconds = (Date.now() - started) / 1000;
		expect(refusals).toEqual([]);
		expect(statuses.filter((s) => s !== 200)).toEqual([]);
		await waitForCount(LOAD, 300_000);

		const executions = await allExecutions();
		expect(executions).toHaveLength(LOAD);
		expect(
			executions
				.filter((e) => e.status !== 'success')
				.map((e) => `${e.id}: ${e.status} ${e.error}`),
		).toEqual([]);
		const items = receivedItems(executions).map((list) => {
			expect(list).toHaveLength(1);
			return list[0];
		});
		expect(new Set(items.map(keyOf))).toEqual(new Set(deliveries.map((d) => d.key)));
		for (const item of items)
			expect(item).toMatchObject({
				event: expect.stringMatching(
					/^(CreatedTranslatedFiles|approved|document\.status|JOB_STATUS_CHANGED)$/,
				),
			});
		const byWorkflow = Object.fromEntries(
			VENDORS.map((v) => [v, executions.filter((e) => e.workflowId === workflows[v].id).length]),
		);
		expect(byWorkflow).toEqual(
			Object.fromEntries(VENDORS.map((v) => [v, deliveries.filter((d) => d.vendor === v).length])),
		);

		// vendors deliver again when they miss an answer: the repeat runs again, with the same eventKey to skip it by
		const repeats = deliveries.filter((_, i) => i % Math.max(1, Math.floor(LOAD / 40)) === 0);
		const eventKeyOf = new Map(items.map((item) => [keyOf(item), item.eventKey]));
		expect(await mapWithConcurrency(repeats, SENDERS, send)).toEqual(repeats.map(() => 200));
		await waitForCount(LOAD + repeats.length, 60_000);
		const again = receivedItems((await allExecutions()).slice(LOAD)).flat();
		expect(again.map((item) => [keyOf(item), item.eventKey])).toEqual(
			expect.arrayContaining(repeats.map((d) => [d.key, eventKeyOf.get(d.key)])),
		);
		expect(again).toHaveLength(repeats.length);
		console.log(
			`[e2e load] ${LOAD} deliveries in ${seconds.toFixed(1)} s (${(LOAD / seconds).toFixed(1)}/s at ${SENDERS} senders): ${LOAD} successful executions ${JSON.stringify(byWorkflow)}; ${repeats.length} sent again, same eventKeys`,
		);
	}, 1_800_000);

	it(`n8n restarted in the middle of ${RESTART_LOAD}+ deliveries: every delivery that did not reach the end of its workflow is one n8n answered 200 while starting, or (When Received) one whose execution n8n cut off; nothing runs twice that was answered once`, async () => {
		const targets = [restartWorkflows.received, restartWorkflows.finished];
		const before = await n8n.countExecutions();
		const deliveries: Array<{ jobId: string; workflowId: string; url: string; init: RequestInit }> =
			[];
		/** Each delivery's attempts: status (0: no answer), and whether a 200 was n8n's "starting up" page. */
		const attempts = new Map<string, Array<{ at: number; status: number; startingUp: boolean }>>();
		let answered = 0;
		let restart: Promise<unknown> | undefined;
		let restarted = false;
		let startedAfterRestart = 0;
		const started = Date.now();
		// RESTART_LOAD deliveries at least, and on until 50 more have started after n8n is back: n8n 2.41 goes on
		// taking deliveries after SIGTERM while it waits for its executions, so the run must outlast that
		const sender = async () => {
			while (deliveries.length < RESTART_LOAD || !restarted || startedAfterRestart < 50) {
				const i = deliveries.length;
				const workflow = targets[i % 2];
				const request = gengoCallbackRequest('approved', { jobId: String(2_000_000 + i) });
				const d = {
					jobId: String(2_000_000 + i),
					workflowId: workflow.id,
					url: `${n8n.webhookUrl(`${workflow.webhookId}/gengo`)}?token=${TOKEN}`,
					init: {
						method: 'POST',
						headers: { 'content-type': request.contentType },
						body: request.body,
					},
				};
				deliveries.push(d);
				if (restarted) startedAfterRestart++;
				const tries: Array<{ at: number; status: number; startingUp: boolean }> = [];
				attempts.set(d.jobId, tries);
				// as Gengo does: deliver again after a failure (every 15 minutes; here after half a second), until a 200
				for (;;) {
					const at = Date.now();
					const { status, body } = await attempt({ key: d.jobId, vendor: 'gengo', ...d });
					tries.push({
						at,
						status,
						startingUp: status === 200 && body.startsWith(N8N_STARTING_UP),
					});
					if (status === 200) break;
					if (status >= 400 && status < 500 && status !== 404)
						throw new Error(`${d.jobId}: ${refusals.join('; ')}`);
					if (Date.now() - started > 300_000)
						throw new Error(
							`${d.jobId} still not delivered: ${tries.map((t) => t.status).join(', ')}`,
						);
					await delay(500);
				}
				if (++answered === Math.floor(RESTART_LOAD / 4)) {
					console.log(`[e2e load] restarting n8n (SIGTERM) after ${answered} answers`);
					restart = n8n.restart().then(() => (restarted = true));
				}
			}
		};
		await Promise.all(Array.from({ length: SENDERS }, sender));
		await restart;
		const { stopping, stopped, ready } = n8n.lastRestart!;
		const timeline = [...attempts.values()].flat();
		const failed = timeline.filter((t) => t.status !== 200);
		const startingUp = timeline.filter((t) => t.startingUp);
		console.log(
			`[e2e load] n8n exited ${((stopped - stopping) / 1000).toFixed(1)} s after SIGTERM (answering ${timeline.filter((t) => t.at >= stopping && t.at < stopped && t.status === 200).length} deliveries meanwhile), ready ${((ready - stopped) / 1000).toFixed(1)} s later; ${failed.length} attempts failed, ${startingUp.length} answered 200 "${N8N_STARTING_UP}"`,
		);
		// the restart happened in the middle of the run: some attempts found n8n gone
		expect(failed.length).toBeGreaterThan(0);
		// n8n's "starting up" page only ever came from the new process, before it was ready
		expect(startingUp.filter((t) => t.at < stopping || t.at > ready)).toEqual([]);

		// wait until n8n has settled every execution (it re-runs those it left new, marks those it left running crashed)
		let settled = -1;
		await eventually(
			'the executions have settled',
			async () => {
				const now = await n8n.countExecutions({ finished: true });
				const all = await n8n.countExecutions();
				const stable = now === settled && now === all && now - before >= deliveries.length * 0.9;
				settled = now;
				if (!stable) await delay(1_000);
				return stable;
			},
			180_000,
		);
		const executions = (await n8n.executions()).slice(before);
		// the end of the workflow: how many times each delivery's item reached the stand-in service
		const arrived = new Map<string, number>();
		for (const { path } of service.received) {
			const jobId = path.replace(/^\/done\//, '');
			arrived.set(jobId, (arrived.get(jobId) ?? 0) + 1);
		}
		const last = (d: { jobId: string }) => attempts.get(d.jobId)!.at(-1)!;
		const outcome = (workflowId: string) => {
			const sent = deliveries.filter((d) => d.workflowId === workflowId);
			const mine = executions.filter((e) => e.workflowId === workflowId);
			return {
				sent,
				lost: sent.filter((d) => !arrived.has(d.jobId)),
				twice: sent.filter((d) => (arrived.get(d.jobId) ?? 0) > 1),
				redelivered: sent.filter((d) => attempts.get(d.jobId)!.length > 1),
				// the vendor got a 200 from n8n's start-up page: no execution, and it will not deliver again
				answeredWhileStarting: sent.filter((d) => last(d).startingUp),
				crashed: mine.filter((e) => e.status === 'crashed').length,
				statuses: mine.reduce<Record<string, number>>(
					(count, e) => ({ ...count, [e.status]: (count[e.status] ?? 0) + 1 }),
					{},
				),
			};
		};
		/** What n8n recorded for a delivery (run data, or the trigger's output waiting in a never-run execution). */
		const evidence = (list: typeof deliveries) =>
			list.map((d) => {
				const records = executions
					.filter((e) =>
						[...Object.values(e.items), ...Object.values(e.pending)]
							.flat()
							.some((item) => String((item as { jobId?: unknown }).jobId) === d.jobId),
					)
					.map((e) => `#${e.id} ${e.status}${e.error ? ` (${e.error})` : ''}`);
				const tries = attempts
					.get(d.jobId)!
					.map((t) => `${t.status}${t.startingUp ? ' starting up' : ''}`)
					.join(',');
				return `${d.jobId}: arrived ${arrived.get(d.jobId) ?? 0}; attempts ${tries}; executions ${records.join(' ') || 'none'}`;
			});
		const finished = outcome(restartWorkflows.finished.id);
		const received = outcome(restartWorkflows.received.id);
		const failures: Record<string, number> = {};
		for (const t of failed) failures[t.status] = (failures[t.status] ?? 0) + 1;
		const line = (name: string, o: typeof finished) =>
			`"${name}": ${o.sent.length} delivered, ${o.redelivered.length} after a failed attempt, ${o.answeredWhileStarting.length} answered 200 while n8n started, ${o.lost.length} never reached the end, ${o.twice.length} reached it twice; executions ${JSON.stringify(o.statuses)}`;
		const odd = [...finished.lost, ...received.lost, ...finished.twice, ...received.twice];
		console.log(
			`[e2e load] restart run: ${deliveries.length} deliveries in ${((Date.now() - started) / 1000).toFixed(1)} s, failed attempts ${JSON.stringify(failures)}; ` +
				`${line('When Workflow Finished', finished)}; ${line('When Received', received)}` +
				(odd.length ? `\n[e2e load] evidence: ${JSON.stringify(evidence(odd))}` : ''),
		);
		// what a vendor sees while n8n restarts: no answer (0), 404 (webhooks not yet registered), 5xx
		expect(
			Object.keys(failures).filter((status) => !['0', '404', '500', '502', '503'].includes(status)),
		).toEqual([]);
		// "When Workflow Finished": a 200 from the workflow means the workflow ran to the end; the only deliveries
		// lost are those n8n answered with its start-up page
		expect(
			evidence(finished.lost.filter((d) => !finished.answeredWhileStarting.includes(d))),
		).toEqual([]);
		// "When Received": besides those, n8n loses the deliveries whose executions its forced exit cut off; each
		// leaves an execution n8n marks crashed
		expect(
			received.lost.filter((d) => !received.answeredWhileStarting.includes(d)).length,
		).toBeLessThanOrEqual(received.crashed);
		// a delivery reaches the end twice only when the vendor delivered it again after an attempt went unanswered:
		// n8n re-runs at start-up an execution its exit left new, and runs the vendor's repeat too
		expect(
			evidence(
				[...finished.twice, ...received.twice].filter((d) => attempts.get(d.jobId)!.length < 2),
			),
		).toEqual([]);
		service.received.length = 0;
	}, 600_000);
});
