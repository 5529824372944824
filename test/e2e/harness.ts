/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * The end-to-end harness every vendor's e2e test uses: a real n8n (test/e2e/n8n.js) with this package's dist/
 * loaded, workflows built around one of our triggers, deliveries over HTTP, executions read back.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { SMARTCAT_EVENTS } from '../../nodes/Smartcat/events';
import { jsonOrText } from '../helpers/body';
import { PhraseSimulator } from '../simulators/phrase';
import { SmartcatSimulator } from '../simulators/smartcat';

// test/e2e/n8n.js is plain CommonJS shared with `npm run dev`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require('./n8n.js') as typeof import('./n8n.js');

/** The version n8n adds one of this package's nodes at (each has one), read from the built dist/ n8n loads. */
export const { N8n, delay, freePort, packageNodeVersion, pollUntil } = runtime;
const run = promisify(execFile);
export type N8nInstance = InstanceType<typeof runtime.N8n>;
export type Execution = Awaited<ReturnType<N8nInstance['executions']>>[number];

export const PACKAGE = 'n8n-nodes-translation-events';
/** The node every test workflow sends the trigger's items to, so executions show what the trigger emitted. */
export const RECEIVER = 'Received';

// n8n in queue mode (PostgreSQL, Redis, main + webhook process + workers): test/e2e/queue.js, shared with the bench.
type QueueModule = typeof import('./queue.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { QueueMode } = require('./queue.js') as QueueModule;

/**
 * One of examples/ as a user would set it up after importing it: published, the given parameters filled in
 * (node name → parameters), and credentials picked for the nodes that come without one (node type → credential),
 * e.g. the Slack and SMTP stand-ins of test/helpers.
 */
export function example(
	file: string,
	setUp: {
		parameters?: Record<string, Record<string, unknown>>;
		credentials?: Record<string, { type: string; id: string; name: string }>;
	} = {},
): {
	id: string;
	nodes: Array<{
		name: string;
		type: string;
		webhookId?: string;
		parameters: Record<string, unknown>;
		credentials?: Record<string, unknown>;
	}>;
} {
	const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8'));
	for (const node of workflow.nodes) {
		Object.assign(node.parameters, setUp.parameters?.[node.name]);
		const credential = setUp.credentials?.[node.type];
		if (credential)
			node.credentials = { [credential.type]: { id: credential.id, name: credential.name } };
	}
	return { ...workflow, active: true };
}

/** Runs the simulator command as users do (`npx translation-events-simulate <args>`), built into cli/dist. */
export async function simulate(...args: string[]): Promise<string> {
	const { stdout } = await run(process.execPath, [
		join(__dirname, '..', '..', 'cli', 'dist', 'simulate.js'),
		...args,
	]);
	return stdout;
}

/**
 * The n8n version this jest project tests: its `globals.N8N_VERSION` (jest.config.js: the "e2e n8n 1.x" project
 * sets package.json's config.n8nVersion1x), else the default (N8N_VERSION or config.n8nVersion).
 */
export const testedVersions: { n8nVersion?: string; nodeVersion?: string } = {
	n8nVersion: (globalThis as { N8N_VERSION?: string }).N8N_VERSION,
	nodeVersion: (globalThis as { N8N_NODE_VERSION?: string }).N8N_NODE_VERSION,
};

/**
 * The environment of the suites that send thousands of deliveries through n8n (load, fuzz, and the outage test's
 * 520 events in queue mode): n8n 2.x's `legacy` expression engine (E2E_BULK_ENGINE=vm runs them on the default
 * instead). What they establish (nothing lost under load, through a restart, a stop, a failing webhook and a killed
 * worker; malformed input refused by n8n's HTTP stack and our triggers) does not depend on the engine, and under
 * the default `vm` engine n8n spends four to six times the CPU on each delivery (an isolate for the webhook and one
 * for the execution), which made these three nearly half of `npm test`'s CPU. Every other suite runs n8n's
 * default: the vendor suites, the editor, security and queue mode (every trigger in the production topology).
 */
export const BULK_SUITE_ENV: Record<string, string> = {
	N8N_EXPRESSION_ENGINE: process.env.E2E_BULK_ENGINE ?? 'legacy',
};

/** Starts n8n on free ports with a temporary user folder; says so on the test output. */
export async function startN8n(
	label: string,
	options: { userFolder?: string; linkRepo?: boolean; env?: Record<string, string> } = {},
): Promise<N8nInstance> {
	const n8n = new N8n({
		...testedVersions,
		...options,
		background: true,
		log: process.env.N8N_E2E_LOG ? (line: string) => console.log(`[n8n] ${line}`) : undefined,
	});
	const started = Date.now();
	await n8n.start();
	console.log(
		`[e2e ${label}] n8n ${n8n.paths.n8nVersion} started at ${n8n.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (user folder ${n8n.userFolder})`,
	);
	return n8n;
}

export interface TriggerWorkflow {
	id: string;
	name: string;
	active: boolean;
	webhookId: string;
	nodes: unknown[];
	connections: unknown;
	settings: Record<string, unknown>;
}

/** A node after the trigger in a test workflow (nodes run in a chain, in the order given). */
export interface ChainNode {
	name: string;
	type: string;
	typeVersion?: number;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	/** n8n's "Execute Once" setting: run for the first input item only */
	executeOnce?: boolean;
	/** n8n's "On Error" setting, e.g. "continueRegularOutput" (Continue On Fail) */
	onError?: string;
}

/**
 * A workflow: one of our triggers, then `after` in a chain (by default a No Operation node named RECEIVER, so
 * executions show what the trigger emitted).
 */
export function triggerWorkflow(options: {
	id: string;
	node: string;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	active?: boolean;
	after?: ChainNode[];
}): TriggerWorkflow {
	const webhookId = randomUUID();
	const after = options.after ?? [{ name: RECEIVER, type: 'n8n-nodes-base.noOp', parameters: {} }];
	const chain = [
		{
			id: randomUUID(),
			name: 'Trigger',
			type: `${PACKAGE}.${options.node}`,
			typeVersion: packageNodeVersion(`${PACKAGE}.${options.node}`),
			position: [0, 0],
			webhookId,
			parameters: options.parameters ?? {},
			...(options.credentials ? { credentials: options.credentials } : {}),
		},
		...after.map((node, i) => ({
			id: randomUUID(),
			name: node.name,
			type: node.type,
			typeVersion:
				node.typeVersion ??
				(node.type.startsWith(`${PACKAGE}.`) ? packageNodeVersion(node.type) : 1),
			position: [220 * (i + 1), 0],
			parameters: node.parameters ?? {},
			...(node.credentials ? { credentials: node.credentials } : {}),
			...(node.executeOnce ? { executeOnce: true } : {}),
			...(node.onError ? { onError: node.onError } : {}),
		})),
	];
	const connections = Object.fromEntries(
		chain
			.slice(0, -1)
			.map((node, i) => [
				node.name,
				{ main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	return {
		id: options.id,
		name: `e2e ${options.id}`,
		active: options.active ?? true,
		webhookId,
		nodes: chain,
		connections,
		settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
	};
}

export interface Answer {
	status: number;
	body: unknown;
}

/** Sends one delivery and returns the answer (status and parsed JSON, or text). */
export async function send(url: string, init: RequestInit = {}): Promise<Answer> {
	const response = await fetch(url, init);
	return { status: response.status, body: jsonOrText(await response.text()) };
}

/** The items the trigger handed to the workflow, one list per execution. */
export function receivedItems(executions: Execution[]): Array<Record<string, unknown>[]> {
	return executions.map((e) => (e.items[RECEIVER] ?? []) as Record<string, unknown>[]);
}

/**
 * The editor's session cookie: sets up the owner account once per instance (a new instance has none), as the
 * first visit to the editor does.
 */
export function ownerSession(n8n: N8nInstance): Promise<string> {
	return n8n.session();
}

/** What the editor's node panel offers: the node and credential types the editor loads, the way the browser does. */
export async function editorTypes(
	n8n: N8nInstance,
): Promise<{ nodes: string[]; credentials: string[] }> {
	const cookie = await ownerSession(n8n);
	const read = async (file: string) => {
		const response = await fetch(`${n8n.baseUrl}/types/${file}`, { headers: { cookie } });
		if (!response.ok) throw new Error(`/types/${file}: ${response.status}`);
		return ((await response.json()) as Array<{ name: string }>).map((t) => t.name);
	};
	return { nodes: await read('nodes.json'), credentials: await read('credentials.json') };
}

/**
 * Clicks "Listen for test event" on a trigger, as the editor does (POST /rest/workflows/:id/run with the trigger
 * to start from): n8n registers the trigger's test webhook, at `/webhook-test/...`, for one delivery. On n8n 1.x
 * the request carries the workflow too, as 1.x's editor sends it (1.x fails without it; 2.x does not need it).
 */
export async function listenForTestEvent(
	n8n: N8nInstance,
	workflowId: string,
	triggerName: string,
): Promise<void> {
	let workflowData: unknown;
	if (n8n.major < 2) {
		const stored = await n8n.rest('GET', `/rest/workflows/${workflowId}`);
		if (stored.status !== 200)
			throw new Error(`listen for test event: reading the workflow: ${stored.status}`);
		workflowData = (stored.body as { data: unknown }).data;
	}
	const response = await n8n.rest('POST', `/rest/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: triggerName },
		...(workflowData ? { workflowData } : {}),
	});
	const answer = response.body as { data?: { waitingForWebhook?: boolean } };
	if (response.status !== 200 || answer.data?.waitingForWebhook !== true)
		throw new Error(`listen for test event: ${response.status} ${JSON.stringify(answer)}`);
}

/** Waits until n8n no longer has a production webhook at this URL (after unpublishing its workflow). */
export async function waitForWebhookGone(url: string, timeoutMs = 30_000): Promise<void> {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		const answer = await send(url, { method: 'PUT' });
		if (answer.status === 404 && !/registered for PUT/.test(JSON.stringify(answer.body))) return;
		await delay(250);
	}
	throw new Error(`webhook ${url} was still registered after ${timeoutMs} ms`);
}

/** Polls until `check` returns true (every 200 ms at first, then less often: pollUntil). */
export async function eventually(
	what: string,
	check: () => boolean | Promise<boolean>,
	timeoutMs = 30_000,
): Promise<void> {
	if (await pollUntil(check, timeoutMs)) return;
	throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
}

/**
 * Whether `text` (n8n's output or an answer) refuses to publish a workflow whose trigger has no Translation Webhook
 * Secret credential, saying so: the editor's publish (n8n 2.x, what the harness does while n8n runs) checks the
 * configuration first and names the missing credential; n8n 1.x and 2.x's CLI activate the trigger, whose
 * activation says the same in its own words.
 */
export function refusesMissingSecret(text: string): boolean {
	return (
		text.includes('no Translation Webhook Secret credential is chosen') ||
		text.includes('Missing required credential: translationWebhookSecretApi')
	);
}

/** The paths Smartcat posts its callbacks to, after the account's callback URL. */
const SMARTCAT_CALLBACK_PATHS = SMARTCAT_EVENTS.map((event) => event.path);

/**
 * Waits until a Smartcat Trigger (its base URL) accepts the given secret header on every callback path: n8n
 * registers a workflow's webhooks one after the other, and Smartcat is told of the URL with the first, so a later
 * path can still be missing (404) when the registration is seen. An empty list is answered 200 and starts nothing.
 */
export async function smartcatServed(base: string, headers: Record<string, string>): Promise<void> {
	await eventually('the Smartcat Trigger accepts the secret on every callback path', async () => {
		const answers = await Promise.all(
			SMARTCAT_CALLBACK_PATHS.map((path) =>
				fetch(`${base}/${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body: '[]',
				}).then(async (answer) => (await answer.text(), answer.status)),
			),
		);
		return answers.every((status) => status === 200);
	});
}

/**
 * The Smartcat and Phrase TMS accounts a suite's triggers register with on activation (simulators), n8n's
 * credentials for them, and the registered secrets. `registered()` waits until activation registered both and n8n
 * accepts the secrets it registered (derived from the credentials) on every callback path: it probes with empty lists,
 * which start nothing (Smartcat 200, Phrase 400).
 */
export class RegisteringVendors {
	smartcat!: SmartcatSimulator;
	phrase!: PhraseSimulator;

	constructor(
		readonly smartcatAccount: { accountId: string; apiKey: string },
		readonly phraseUser: { userName: string; password: string },
	) {}

	async start(): Promise<this> {
		this.smartcat = await new SmartcatSimulator({
			...this.smartcatAccount,
			retryBaseMs: 50,
		}).start();
		this.phrase = await new PhraseSimulator({ ...this.phraseUser, projects: {} }).start();
		return this;
	}

	/** The two credentials to import into n8n, with the ids the workflows name. */
	credentials(ids: { smartcat: string; phrase: string }) {
		return [
			{
				id: ids.smartcat,
				name: 'Smartcat',
				type: 'smartcatApi',
				data: { ...this.smartcatAccount, server: 'custom', baseUrl: this.smartcat.url },
			},
			{
				id: ids.phrase,
				name: 'Phrase',
				type: 'phraseApi',
				data: {
					region: 'custom',
					baseUrl: this.phrase.baseUrl,
					authType: 'password',
					...this.phraseUser,
				},
			},
		];
	}

	/** The header Smartcat was told to send with every callback. */
	get smartcatHeader(): { name: string; value: string } {
		return this.smartcat.setting!.additionalHeaders[0];
	}

	/** The token Phrase TMS was told to send in X-Memsource-Token. */
	get phraseToken(): string {
		return [...this.phrase.webhooks.values()][0].secretToken!;
	}

	/** Waits for both registrations and their secrets; `urls` are the Smartcat Trigger's base URL and the Phrase TMS Trigger's. */
	async registered(urls: { smartcat: string; phrase: string }): Promise<void> {
		await eventually(
			'Smartcat and Phrase are registered',
			() => this.smartcat.setting !== null && this.phrase.webhooks.size === 1,
		);
		const { name, value } = this.smartcatHeader;
		await smartcatServed(urls.smartcat, { [name]: value });
		await eventually('the Phrase TMS Trigger accepts the registered secret', async () => {
			const b = await fetch(urls.phrase, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-memsource-token': this.phraseToken },
				body: '{"event":"JOB_CREATED","jobParts":[]}',
			});
			await b.text();
			return b.status === 400;
		});
	}

	async stop(): Promise<void> {
		await this.smartcat?.stop();
		await this.phrase?.stop();
	}
}
