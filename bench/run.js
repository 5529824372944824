// @ts-check
/**
 * `npm run bench`: figures measured side by side in one run on this machine, printed as a table and written to
 * bench/results.json. Not a test: nothing here passes or fails.
 * - Receivers: throughput and latency of our four triggers (Gengo, Wordbee Beebox, Smartcat, Phrase TMS), each
 *   against two controls sent exactly the same request as that trigger (vendorCells: each vendor's callback, same
 *   headers, body and query): a minimal community trigger (bench/minimal-trigger: the parsed body as one item, no
 *   checks, loaded like ours), and the same holding one credential it never reads (n8n's own work for a node that
 *   holds a credential, which any trigger keeping its secret in one pays). Beside them, in the same n8n and sent
 *   the Gengo callback: n8n's built-in Webhook node. The Smartcat and Phrase TMS Triggers register with their
 *   vendors' simulators on activation and are sent the secret they registered (bench/receivers.ts). At 1 and 16
 *   concurrent senders, BENCH_N deliveries each (default 400) in BENCH_ROUNDS rounds (default 4, least 2); in every
 *   round each trigger and its controls run back to back, ours between the two, and the receivers' order changes
 *   every round (roundTargets); every execution saved as in the e2e tests; anything but a 200 counts as a failure
 *   and is printed (a refused warm-up stops the run): in one n8n process, with n8n's default expression engine (vm)
 *   and the legacy one (BENCH_ENGINES; `vm-lazy` adds n8n's lazy isolate acquisition: engineEnv), and in queue mode
 *   with each of them (PostgreSQL, Redis, main + webhook process + worker; BENCH_QUEUE=0 skips it), where the
 *   webhook process answers and each slice waits for the worker. BENCH_ENGINES=none skips the single-process
 *   figures (queue mode then runs with vm). Printed and in results.json (`ratios`): each of our triggers ÷ each
 *   control, and the control holding a credential ÷ the plain one, per concurrency, engine and topology, as the
 *   median of the rounds' pair ratios with their range (pairRatio: the method).
 * - Memory: n8n's resident memory after a warm-up, after BENCH_MEMORY_N deliveries (default 10,000) to our
 *   trigger, and after as many to the Webhook node, in one n8n of its own (default engine; 0 skips it).
 * - A 100 MB download (BENCH_DOWNLOAD_MB): n8n's resident memory before, at its peak and after the Gengo node's
 *   Download Target File streams a file job's translated file into n8n's binary data (filesystem mode), against a
 *   local stand-in for the Gengo API and its file link. 0 skips it.
 * - A 100 MB upload per vendor (BENCH_UPLOAD_MB): n8n's resident memory before, at its peak and after one run that
 *   reads a file from disk into n8n's binary data (filesystem mode) and sends it with the vendor node's upload
 *   operation (bench/uploads.ts: the node configurations) to the vendor's simulator, one n8n per vendor. A vendor
 *   whose node has no such operation in this build is skipped and listed as such. BENCH_UPLOAD_VENDORS picks some
 *   ("beebox,gengo"); 0 MB skips them all. A control run sends the first vendor's file again with n8n's binary
 *   data in memory (its `default` mode, where the item holds the whole file): the growth the measurement shows
 *   when a file is held (BENCH_UPLOAD_CONTROL=0 skips it).
 * - Validation: each vendor's parsing against JSON.parse of the same body (incl. a 60 KB Gengo job).
 * - Package: load time of every node and credential, packed tarball size.
 */
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomUUID } = require('node:crypto');

const { N8n, delay, packageNodeVersion, repoRoot } = require('../test/e2e/n8n.js');
const { QueueMode } = require('../test/e2e/queue.js');

const N = Number(process.env.BENCH_N || 400);
const MEMORY_N = Number(process.env.BENCH_MEMORY_N ?? 10_000);
const QUEUE = process.env.BENCH_QUEUE !== '0';
const DOWNLOAD_MB = Number(process.env.BENCH_DOWNLOAD_MB ?? 100);
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 100);
/** @type {string[] | undefined} */
const UPLOAD_VENDORS = process.env.BENCH_UPLOAD_VENDORS?.split(',').map((v) => v.trim());
const UPLOAD_CONTROL = process.env.BENCH_UPLOAD_CONTROL !== '0';
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const gengoJob = {
	job_id: '384985',
	order_id: '54632',
	slug: 'Product page: hero title',
	body_src: 'Translate your product pages in days, not weeks.',
	body_tgt: 'Übersetzen Sie Ihre Produktseiten in Tagen statt Wochen.',
	lc_src: 'en',
	lc_tgt: 'de',
	unit_count: '9',
	tier: 'standard',
	credits: '0.54',
	currency: 'USD',
	status: 'approved',
	eta: -1,
	ctime: '1764050000',
	auto_approve: '0',
	custom_data: '{"cms_id":"page-42"}',
};
const BODY = new URLSearchParams({ job: JSON.stringify(gengoJob) }).toString();
/** A Beebox callback's parameters (help.wordbee.com/beebox/callbacks-parameters), posted as a form. */
const BEEBOX_BODY = new URLSearchParams({
	bbid: '5c2f0e1a-7b9d-4e3f-8a6b-1d2c3e4f5a6b',
	bbevent: 'CreatedTranslatedFiles',
	bbdate: '2026-12-06T10:00:00Z',
	bbproject: 'bench-project',
	bbok: 'true',
	bberror: '',
}).toString();

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** The Gengo callback as the Gengo Trigger, its controls and the Webhook node receive it. */
const GENGO_DELIVERY = { headers: FORM, body: BODY };
/** The Beebox callback as the Wordbee Beebox Trigger and its control receive it. */
const BEEBOX_DELIVERY = { headers: FORM, body: BEEBOX_BODY };
/** How many refused deliveries a cell keeps as examples (status and the start of n8n's answer). */
const FAILURE_SAMPLES = 3;

/**
 * Sends `count` deliveries with `concurrency` senders, each the same request (`delivery`: headers and body);
 * latencies in ms. Anything but a 200 is a failure, kept as an example (status: 0 for no answer).
 * @param {string} url
 * @param {number} count
 * @param {number} concurrency
 * @param {{ headers: Record<string, string>, body: string }} [delivery]
 */
async function load(url, count, concurrency, delivery = GENGO_DELIVERY) {
	const latencies = [];
	let next = 0;
	let failures = 0;
	/** @type {string[]} */
	const failureSamples = [];
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				next++;
				const t0 = performance.now();
				// a delivery n8n never answers counts as a failure after 2 minutes rather than stalling the run
				const { status, answer } = await fetch(url, {
					method: 'POST',
					headers: delivery.headers,
					body: delivery.body,
					signal: AbortSignal.timeout(120_000),
				})
					.then(async (response) =>
						response.status === 200
							? (await response.arrayBuffer(), { status: 200, answer: '' })
							: { status: response.status, answer: await response.text() },
					)
					.catch((/** @type {unknown} */ error) => ({ status: 0, answer: String(error) }));
				latencies.push(performance.now() - t0);
				if (status !== 200) {
					failures++;
					if (failureSamples.length < FAILURE_SAMPLES)
						failureSamples.push(`${status} ${answer.replace(/\s+/g, ' ').slice(0, 200)}`);
				}
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	return {
		count,
		seconds,
		perSecond: count / seconds,
		latencies,
		p50: quantile(latencies, 0.5),
		p99: quantile(latencies, 0.99),
		failures,
		failureSamples,
	};
}

function rssKiB(pid) {
	return Number(
		execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
			.toString()
			.trim(),
	);
}

function workflow(id, node) {
	const webhookId = randomUUID();
	return {
		webhookId,
		json: {
			id,
			name: `bench ${id}`,
			active: true,
			nodes: [
				{ id: randomUUID(), name: 'Receiver', webhookId, position: [0, 0], ...node },
				{
					id: randomUUID(),
					name: 'Received',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [220, 0],
					parameters: {},
				},
			],
			connections: { Receiver: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
			settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		},
	};
}

/** The baseline community trigger, linked into every bench n8n beside our package. */
const MINIMAL_PACKAGE = path.join(__dirname, 'minimal-trigger');

const minimalWorkflow = () =>
	workflow('benchMinimal0001', {
		type: 'n8n-nodes-bench-minimal.minimalTrigger',
		typeVersion: 1,
		parameters: {},
	});

/** The same holding the bench's secret credential, never read: what n8n charges any node that holds one. */
const minimalCredentialWorkflow = () =>
	workflow('benchMinimalCred', {
		type: 'n8n-nodes-bench-minimal.minimalCredentialTrigger',
		typeVersion: 1,
		parameters: {},
		credentials: {
			translationWebhookSecretApi: {
				id: BENCH_SECRET_CREDENTIAL.id,
				name: BENCH_SECRET_CREDENTIAL.name,
			},
		},
	});

const builtInWorkflow = () =>
	workflow('benchWebhook0001', {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		parameters: {
			httpMethod: 'POST',
			path: 'bench-builtin',
			responseMode: 'onReceived',
			options: {},
		},
	});
/**
 * Our trigger as a user adds it: a secret token in the query string from a Translation Webhook Secret credential
 * (read and checked on every delivery).
 */
const BENCH_SECRET = 'bench-secret-0123456789abcdef';
const BENCH_SECRET_CREDENTIAL = {
	id: 'benchSecretCred1',
	name: 'bench secret',
	type: 'translationWebhookSecretApi',
	data: { secret: BENCH_SECRET },
};
/** One of our triggers as a user adds it (its one version, closed by default), checking the bench's secret credential. */
const closedTriggerWorkflow = (id, node, parameters = {}) =>
	workflow(id, {
		type: `${pkg.name}.${node}`,
		typeVersion: packageNodeVersion(`${pkg.name}.${node}`),
		parameters,
		credentials: {
			translationWebhookSecretApi: {
				id: BENCH_SECRET_CREDENTIAL.id,
				name: BENCH_SECRET_CREDENTIAL.name,
			},
		},
	});
const oursUrl = (n8n, ours) => `${n8n.webhookUrl(`${ours.webhookId}/gengo`)}?token=${BENCH_SECRET}`;

/**
 * Rounds per concurrency (at least 2, default 4), each sending BENCH_N / rounds deliveries to every receiver: each
 * vendor cell's ratio is the median of its rounds' pairs (see `pairRatio`), so more rounds make the median sturdier
 * without sending more. An even count lets every cell's trigger and control go first equally often.
 */
const ROUNDS = Math.max(2, Number(process.env.BENCH_ROUNDS || 4));
const CONCURRENCIES = [1, 16];
/** Our four triggers, as the printed ratios and results.json name them (the `receiver` of their rows). */
const OUR_TRIGGERS = [
	'Gengo Trigger',
	'Wordbee Beebox Trigger',
	'Smartcat Trigger',
	'Phrase TMS Trigger',
];
const MINIMAL = 'minimal community trigger';
const BUILT_IN = "n8n's Webhook node";
/** The control of one of our triggers: the minimal community trigger sent that trigger's request. */
const controlOf = (/** @type {string} */ trigger) => `${MINIMAL} (${trigger}'s request)`;
/** Its second control: the minimal community trigger holding a credential, sent that trigger's request. */
const heldControlOf = (/** @type {string} */ trigger) =>
	`${MINIMAL} holding a credential (${trigger}'s request)`;
const TOKEN_QUERY = `?token=${BENCH_SECRET}`;

/**
 * @typedef {{ headers: Record<string, string>, body: string }} Delivery
 * @typedef {{ trigger: string, delivery: Delivery, query: string }} VendorCell
 */
/**
 * What each vendor cell sends, the one place that says so. In a cell, our trigger and its control (the minimal
 * community trigger, which emits the parsed body as its item, with no secret check and no validation) receive
 * exactly the same request: POST (load), the same headers (the content type, and for Smartcat and Phrase TMS the
 * secret header their vendor was given at registration, which the control ignores), the same body bytes and the
 * same query (`?token=` for Gengo and Beebox). Only the webhook path differs: each node's own.
 * @param {{ smartcat: Delivery, phrase: Delivery }} registered what the vendors' simulators send the triggers that
 *   registered with them (bench/receivers.ts)
 * @returns {VendorCell[]} in OUR_TRIGGERS' order
 */
const vendorCells = (registered) => [
	{ trigger: 'Gengo Trigger', delivery: GENGO_DELIVERY, query: TOKEN_QUERY },
	{ trigger: 'Wordbee Beebox Trigger', delivery: BEEBOX_DELIVERY, query: TOKEN_QUERY },
	{ trigger: 'Smartcat Trigger', delivery: registered.smartcat, query: '' },
	{ trigger: 'Phrase TMS Trigger', delivery: registered.phrase, query: '' },
];

const gcd = (/** @type {number} */ a, /** @type {number} */ b) => (b === 0 ? a : gcd(b, a % b));

/**
 * The units of the `round`-th round (counted over all concurrencies), in order: every `stride`-th of the list,
 * the stride changing from round to round (1, 2, 3, ... among those coprime to its length, so each unit comes
 * once), rotated one place further each round. A unit thus follows a different one from round to round (for up
 * to length - 1 rounds when the length is prime; with 6 units, strides 1 and 5: forwards and backwards), and its
 * place in the round moves, rather than it always running right after the same one.
 * @template T
 * @param {T[]} targets
 * @param {number} round
 */
function roundOrder(targets, round) {
	const n = targets.length;
	const strides = [];
	for (let stride = 1; stride < n; stride++) if (gcd(stride, n) === 1) strides.push(stride);
	const stride = strides[round % Math.max(1, strides.length)] ?? 1;
	return Array.from({ length: n }, (_, i) => targets[((round + i) * stride) % n]);
}

/**
 * @typedef {{ name: string, url: string, delivery: Delivery }} Target
 * @typedef {{ index: number, targets: Target[] }} Unit one receiver alone, or a vendor cell's pair: our trigger
 *   and its control
 */
/**
 * What a round sends, in order: its units as roundOrder rotates them, a pair's two back to back. Which of a pair
 * goes first alternates from round to round (and from pair to pair within a round), so that the machine getting
 * faster or slower within a pair favours neither side over a cell's rounds.
 * @param {Unit[]} units
 * @param {number} roundIndex the round counted over all concurrencies (for roundOrder)
 * @param {number} round the round within its concurrency
 */
const roundTargets = (units, roundIndex, round) =>
	roundOrder(units, roundIndex).flatMap((unit) =>
		(round + unit.index) % 2 === 0 ? unit.targets : [...unit.targets].reverse(),
	);

/** @param {number[]} values */
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The ratio method. Per vendor cell (trigger, concurrency, engine, topology): in every round our trigger and its
 * control are measured back to back, one pair, whose ratio is our deliveries/s ÷ the control's; the cell's ratio is
 * the median of its rounds' pair ratios (`toMinimal`), printed with their range. The two halves of a pair run
 * seconds apart, under the same load from whatever else shares the machine, so slow drifts cancel within the pair;
 * the median then sets aside a pair that a burst disturbed on one side, which the ratio of the pooled rates (total
 * deliveries ÷ total seconds, `toMinimalPooled`, also in results.json) lets move the cell by that burst's share.
 * @param {any[]} ours our trigger's slices in one cell, one per round
 * @param {any[]} control its control's, the same rounds
 */
function pairRatio(ours, control) {
	const pairRatios = ours.map((slice) => {
		const partner = control.find((c) => c.round === slice.round);
		return slice.perSecond / partner.perSecond;
	});
	return {
		toMinimal: median(pairRatios),
		pairRatios,
		toMinimalPooled: pooledRate(ours) / pooledRate(control),
	};
}

/** Deliveries per second over slices: all their deliveries ÷ all their seconds. */
const pooledRate = (/** @type {any[]} */ slices) =>
	slices.reduce((sum, s) => sum + s.count, 0) / slices.reduce((sum, s) => sum + s.seconds, 0);

/**
 * n8n's settings for an entry of BENCH_ENGINES: an expression engine of n8n 2.x (`vm`, its default, `legacy`), or
 * `vm-lazy`: the `vm` engine with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, under which n8n 2.41 opens an isolate
 * scope for a webhook or an execution but builds the isolate only when an expression actually reaches the engine
 * (@n8n/expression-runtime's ExpressionEvaluator.acquire; off by default in ExpressionEngineConfig).
 * @param {string} engine
 * @returns {Record<string, string>}
 */
function engineEnv(engine) {
	if (engine === 'vm-lazy')
		return { N8N_EXPRESSION_ENGINE: 'vm', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };
	return { N8N_EXPRESSION_ENGINE: engine };
}

/** engineEnv as printed: `N8N_EXPRESSION_ENGINE=vm N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true`. */
const settingsOf = (/** @type {string} */ engine) =>
	Object.entries(engineEnv(engine))
		.map(([name, value]) => `${name}=${value}`)
		.join(' ');

/**
 * The receivers in one n8n: n8n's Webhook node, the minimal community trigger with our webhook description and a
 * credential read (both sent the Gengo callback), and each of our four triggers paired with its control, the
 * minimal community trigger sent the same request (vendorCells; the Smartcat and Phrase TMS Triggers registered
 * with their vendors' simulators on activation, bench/receivers.ts). A single process (`n8n`), or queue mode
 * (`queue`: deliveries go to the webhook process, every slice of a round waits until the worker has run them
 * all, so slices do not overlap).
 * @param {{ engine: string, topology: 'single' | 'queue' }} setup
 */
async function receivers({ engine, topology }) {
	const env = engineEnv(engine);
	const { RegisteringReceivers } = await bundled('receivers');
	const vendors = await new RegisteringReceivers().start();
	/** @type {any} */
	let queue;
	/** @type {any} */
	let n8n;
	try {
		if (topology === 'queue') {
			queue = await new QueueMode('bench queue', {
				env,
				log: (line) => console.log(line),
				extraPackages: [MINIMAL_PACKAGE],
			}).start();
			n8n = queue.main;
		} else {
			n8n = await new N8n({ env, extraPackages: [MINIMAL_PACKAGE] }).start();
		}
		const receiving = topology === 'queue' ? queue.webhook : n8n;
		const builtIn = builtInWorkflow();
		const minimal = minimalWorkflow();
		const minimalCredential = minimalCredentialWorkflow();
		const ours = closedTriggerWorkflow('benchGengo000001', 'gengoTrigger');
		const beebox = closedTriggerWorkflow('benchBeebox00001', 'beeboxTrigger', {
			// the callback alone: no Beebox API to ask in a benchmark
			fetchDetails: false,
		});
		const smartcat = workflow('benchSmartcat001', vendors.nodes.smartcat);
		const phrase = workflow('benchPhrase00001', vendors.nodes.phrase);
		await n8n.importCredentials([BENCH_SECRET_CREDENTIAL, ...vendors.credentials()]);
		await n8n.importWorkflows([
			builtIn.json,
			minimal.json,
			minimalCredential.json,
			ours.json,
			beebox.json,
			smartcat.json,
			phrase.json,
		]);
		const hook = (/** @type {{ webhookId: string }} */ w, /** @type {string} */ suffix) =>
			receiving.webhookUrl(`${w.webhookId}/${suffix}`);
		// activation registered the Smartcat and Phrase TMS Triggers with the webhook URLs of the receiving process
		await vendors.registered({
			smartcat: hook(smartcat, 'smartcat'),
			phrase: hook(phrase, 'phrase'),
		});
		/** Each of our triggers' webhook, where its vendor sends. */
		const oursHook = {
			'Gengo Trigger': hook(ours, 'gengo'),
			'Wordbee Beebox Trigger': hook(beebox, 'beebox'),
			'Smartcat Trigger': hook(smartcat, 'smartcat/document/status'),
			'Phrase TMS Trigger': hook(phrase, 'phrase'),
		};
		/** @type {Target[][]} */
		const unitTargets = [
			[{ name: BUILT_IN, url: receiving.webhookUrl('bench-builtin'), delivery: GENGO_DELIVERY }],
			// ours between its controls, so that it runs right after or right before each of them (roundTargets)
			...vendorCells(vendors.deliveries()).map((cell) => [
				{
					name: controlOf(cell.trigger),
					url: hook(minimal, 'minimal') + cell.query,
					delivery: cell.delivery,
				},
				{ name: cell.trigger, url: oursHook[cell.trigger] + cell.query, delivery: cell.delivery },
				{
					name: heldControlOf(cell.trigger),
					url: hook(minimalCredential, 'minimal') + cell.query,
					delivery: cell.delivery,
				},
			]),
		];
		/** @type {Unit[]} */
		const units = unitTargets.map((targets, index) => ({ index, targets }));
		const targets = unitTargets.flat();
		for (const t of targets) await receiving.waitForWebhook(t.url);
		let sent = 0;
		const drained = async () => {
			if (topology !== 'queue') return;
			const started = Date.now();
			while ((await n8n.countExecutions({ finished: true })) < sent) {
				if (Date.now() - started > 600_000)
					throw new Error('the worker did not catch up within 10 minutes');
				await delay(250);
			}
		};
		// warm-up; a refusal here means the set-up is wrong (a secret, a registration): the cells would measure refusals
		for (const t of targets) {
			const warm = await load(t.url, 30, 4, t.delivery);
			if (warm.failures)
				throw new Error(
					`${topology} ${engine}: ${t.name} refused ${warm.failures} of 30 warm-up deliveries: ${warm.failureSamples.join(' | ')}`,
				);
		}
		sent += 30 * targets.length;
		await drained();
		const rssBefore = rssKiB(receiving.child?.pid);
		const perRound = Math.ceil(N / ROUNDS);
		/** Every slice: one receiver, one concurrency, one round. */
		const slices = [];
		/** @type {string[][]} */
		const orders = [];
		for (const [c, concurrency] of CONCURRENCIES.entries()) {
			for (let round = 0; round < ROUNDS; round++) {
				const order = roundTargets(units, c * ROUNDS + round, round);
				orders.push(order.map((t) => t.name));
				for (const t of order) {
					const { latencies, ...result } = await load(t.url, perRound, concurrency, t.delivery);
					sent += perRound;
					console.log(
						`[bench] ${topology} ${engine}: ${t.name}, ${concurrency} sender(s), round ${round + 1}: ${result.perSecond.toFixed(1)}/s${result.failures ? `, ${result.failures} FAILED (${result.failureSamples.join(' | ')})` : ''}`,
					);
					const t0 = performance.now();
					await drained();
					slices.push({
						receiver: t.name,
						concurrency,
						round,
						...result,
						latencies,
						drainSeconds: (performance.now() - t0) / 1000,
					});
				}
			}
		}
		const rssAfter = rssKiB(receiving.child?.pid);
		const at = (/** @type {string} */ name, /** @type {number} */ concurrency) =>
			slices.filter((s) => s.receiver === name && s.concurrency === concurrency);
		const merged = [];
		for (const concurrency of CONCURRENCIES) {
			for (const t of targets) {
				const runs = at(t.name, concurrency);
				const latencies = runs.flatMap((r) => r.latencies);
				merged.push({
					receiver: t.name,
					concurrency,
					perSecond: pooledRate(runs),
					p50: quantile(latencies, 0.5),
					p99: quantile(latencies, 0.99),
					failures: runs.reduce((sum, r) => sum + r.failures, 0),
					failureSamples: runs.flatMap((r) => r.failureSamples).slice(0, FAILURE_SAMPLES),
					...(topology === 'queue'
						? { workerCatchUpSeconds: runs.reduce((sum, r) => sum + r.drainSeconds, 0) }
						: {}),
				});
			}
		}
		const row = (/** @type {string} */ name, /** @type {number} */ concurrency) =>
			merged.find((r) => r.receiver === name && r.concurrency === concurrency);
		/**
		 * Each of our triggers ÷ its control, per concurrency (pairRatio), and ÷ its control holding a credential
		 * (`held`), with that control ÷ the plain one (`heldToMinimal`: n8n's price for the credential).
		 */
		const ratios = [];
		for (const concurrency of CONCURRENCIES) {
			/** One receiver ÷ another at this concurrency (pairRatio), with the failures on either side. */
			const versus = (/** @type {string} */ name, /** @type {string} */ control) => ({
				...pairRatio(at(name, concurrency), at(control, concurrency)),
				failures: row(name, concurrency).failures,
				controlFailures: row(control, concurrency).failures,
			});
			for (const name of OUR_TRIGGERS) {
				ratios.push({
					receiver: name,
					concurrency,
					perSecond: row(name, concurrency).perSecond,
					minimalPerSecond: row(controlOf(name), concurrency).perSecond,
					...versus(name, controlOf(name)),
					held: {
						perSecond: row(heldControlOf(name), concurrency).perSecond,
						...versus(name, heldControlOf(name)),
					},
					heldToMinimal: versus(heldControlOf(name), controlOf(name)),
				});
			}
		}
		return {
			engine,
			topology,
			n8nVersion: n8n.paths?.n8nVersion,
			rounds: ROUNDS,
			deliveriesPerRound: perRound,
			orders,
			slices: slices.map(({ latencies, failureSamples, ...slice }) => slice),
			rows: merged,
			ratios,
			failures: merged.reduce((sum, r) => sum + r.failures, 0),
			rssBeforeKiB: rssBefore,
			rssAfterKiB: rssAfter,
			deliveries: perRound * ROUNDS * CONCURRENCIES.length * targets.length,
		};
	} finally {
		if (queue) await queue.stop();
		else await n8n?.stop();
		await vendors.stop();
	}
}

/**
 * n8n's resident memory in a process of its own: after a warm-up of 1,000 deliveries (half to each receiver),
 * after MEMORY_N to our trigger, after MEMORY_N more to the Webhook node (16 senders, default engine). Each
 * reading is taken after 5 s idle.
 */
async function memory() {
	const n8n = await new N8n().start();
	try {
		const builtIn = builtInWorkflow();
		const ours = closedTriggerWorkflow('benchGengo000001', 'gengoTrigger');
		await n8n.importCredentials([BENCH_SECRET_CREDENTIAL]);
		await n8n.importWorkflows([builtIn.json, ours.json]);
		const urls = {
			builtIn: n8n.webhookUrl('bench-builtin'),
			ours: oursUrl(n8n, ours),
		};
		for (const url of Object.values(urls)) await n8n.waitForWebhook(url);
		const settled = async () => {
			await delay(5_000);
			return rssKiB(n8n.child?.pid);
		};
		await load(urls.builtIn, 500, 16);
		await load(urls.ours, 500, 16);
		const warm = await settled();
		console.log(
			`[bench] memory: ${(warm / 1024).toFixed(0)} MiB after the warm-up; ${MEMORY_N} deliveries to the Gengo Trigger next`,
		);
		const t0 = performance.now();
		const oursRun = await load(urls.ours, MEMORY_N, 16);
		const afterOurs = await settled();
		console.log(
			`[bench] memory: ${(afterOurs / 1024).toFixed(0)} MiB after the Gengo Trigger's ${MEMORY_N}; as many to the Webhook node next`,
		);
		const builtInRun = await load(urls.builtIn, MEMORY_N, 16);
		const afterBuiltIn = await settled();
		return {
			deliveries: MEMORY_N,
			warmKiB: warm,
			afterOursKiB: afterOurs,
			afterBuiltInKiB: afterBuiltIn,
			oursGrowth: afterOurs / warm - 1,
			builtInGrowth: afterBuiltIn / afterOurs - 1,
			failures: oursRun.failures + builtInRun.failures,
			minutes: (performance.now() - t0) / 60_000,
		};
	} finally {
		await n8n.stop();
	}
}

/** n8n's Webhook node as a workflow's start: POST `path`, answering with the last node's output. */
const webhookStart = (webhookId, webhookPath) => ({
	id: randomUUID(),
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2.1,
	position: [0, 0],
	webhookId,
	parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', options: {} },
});

/**
 * n8n's RSS (KiB) before `run`, at its peak while it runs (sampled every 100 ms) and after 5 s of rest; with the
 * seconds `run` took and what it returned.
 * @template T
 * @param {number | undefined} pid
 * @param {() => Promise<T>} run
 */
async function rssAround(pid, run) {
	const before = rssKiB(pid);
	let peak = before;
	const sampler = setInterval(() => {
		peak = Math.max(peak, rssKiB(pid));
	}, 100);
	const t0 = performance.now();
	let result;
	try {
		result = await run();
	} finally {
		clearInterval(sampler);
	}
	const seconds = (performance.now() - t0) / 1000;
	await delay(5_000);
	return { result, seconds, beforeKiB: before, peakKiB: peak, afterKiB: rssKiB(pid) };
}

/**
 * A stand-in for the Gengo API (any signature accepted) whose one job is a file job with a `mb` MB translated
 * file, served in 1 MB chunks from one buffer (the stand-in itself holds 1 MB, not the file).
 */
async function bigFileGengo(mb) {
	const http = require('node:http');
	const chunk = Buffer.alloc(1024 * 1024, 0x61);
	const server = http.createServer((req, res) => {
		const url = new URL(req.url, 'http://localhost');
		if (url.pathname === '/files/translation.bin') {
			res.writeHead(200, {
				'content-type': 'application/octet-stream',
				'content-length': String(mb * chunk.length),
				'content-disposition': 'attachment; filename="translation.bin"',
			});
			let sent = 0;
			const write = () => {
				while (sent < mb) {
					sent++;
					if (!res.write(chunk)) return void res.once('drain', write);
				}
				res.end();
			};
			return write();
		}
		const { port } = server.address();
		const job = {
			job_id: '900001',
			status: 'approved',
			lc_tgt: 'de',
			file_url_tgt: `http://127.0.0.1:${port}/files/translation.bin`,
			file_download_ready: true,
		};
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ opstat: 'ok', response: { job } }));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${server.address().port}` };
}

/** n8n's RSS before, at its peak (sampled every 100 ms) and after one workflow run that downloads `mb` MB. */
async function bigDownload(mb) {
	const gengo = await bigFileGengo(mb);
	const n8n = await new N8n({ env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } }).start();
	try {
		await n8n.importCredentials([
			{
				id: 'benchGengoApi001',
				name: 'Gengo stand-in',
				type: 'gengoApi',
				data: {
					publicKey: 'p',
					privateKey: 'k',
					environment: 'custom',
					baseUrl: `${gengo.url}/v2`,
				},
			},
		]);
		const webhookId = randomUUID();
		await n8n.importWorkflows([
			{
				id: 'benchDownload001',
				name: 'bench download',
				active: true,
				nodes: [
					webhookStart(webhookId, 'bench-download'),
					{
						id: randomUUID(),
						name: 'Download',
						type: `${pkg.name}.gengo`,
						typeVersion: 1,
						position: [220, 0],
						parameters: { resource: 'job', operation: 'downloadTargetFile', jobId: '900001' },
						credentials: { gengoApi: { id: 'benchGengoApi001', name: 'Gengo stand-in' } },
					},
				],
				connections: { Webhook: { main: [[{ node: 'Download', type: 'main', index: 0 }]] } },
				settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
			},
		]);
		const url = n8n.webhookUrl('bench-download');
		await n8n.waitForWebhook(url);
		// warm up the node's code path with a first run, then settle
		await fetch(url, { method: 'POST' }).then((r) => r.arrayBuffer());
		await delay(5_000);
		const measured = await rssAround(n8n.child?.pid, async () =>
			fetch(url, { method: 'POST' }).then(async (r) => (await r.arrayBuffer(), r.status)),
		);
		const [execution] = (await n8n.executions({ workflowId: 'benchDownload001' })).slice(-1);
		const file = execution?.binaries?.Download?.[0]?.data;
		const { result: status, ...rss } = measured;
		return { mb, status, ...rss, fileSize: file?.fileSize };
	} finally {
		await n8n.stop();
		gengo.server.close();
	}
}

/**
 * Bundles a TypeScript module of bench/ (with the test simulators and helpers it imports) and loads it. The
 * plain JavaScript runtime the e2e harness requires (test/e2e/n8n.js, queue.js) stays outside the bundle,
 * required by absolute path: it locates the repository from its own folder, and the bundle shares it with this
 * process.
 */
async function bundled(name) {
	const { build } = require('esbuild');
	// Inside the repository, so the bundle resolves n8n-workflow from node_modules like the nodes do.
	const out = path.join(__dirname, `.${name}.bundle.js`);
	const runtime = path.join(repoRoot, 'test', 'e2e');
	await build({
		entryPoints: [path.join(__dirname, `${name}.ts`)],
		outfile: out,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		external: ['n8n-workflow'],
		logLevel: 'warning',
		plugins: [
			{
				name: 'e2e-runtime-outside',
				setup(esbuild) {
					esbuild.onResolve({ filter: /\.js$/ }, (args) => {
						const resolved = path.resolve(args.resolveDir, args.path);
						return path.dirname(resolved) === runtime
							? { path: resolved, external: true }
							: undefined;
					});
				},
			},
		],
	});
	try {
		return require(out);
	} finally {
		fs.rmSync(out, { force: true });
	}
}

/** The operations of a built node (dist/), as `resource/operation`; undefined when the package has no such node. */
function builtOperations(nodeName) {
	for (const file of pkg.n8n.nodes) {
		const exported = require(path.join(repoRoot, file));
		for (const Type of Object.values(exported)) {
			if (typeof Type !== 'function') continue;
			const description = new Type().description;
			if (description?.name !== nodeName) continue;
			const found = new Set();
			for (const property of description.properties ?? []) {
				if (property.name !== 'operation') continue;
				for (const resource of property.displayOptions?.show?.resource ?? [])
					for (const option of property.options ?? []) found.add(`${resource}/${option.value}`);
			}
			return found;
		}
	}
	return undefined;
}

/**
 * n8n's RSS before, at its peak (sampled every 100 ms) and after one run that reads an `mb` MB file from disk and
 * sends it with a vendor node's upload operation to the vendor's simulator; one n8n per vendor.
 */
async function bigUploads(mb) {
	const { uploadCells, countingProxy } = await bundled('uploads');
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-upload-'));
	const big = path.join(folder, 'bench-upload.txt');
	const small = path.join(folder, 'warm-up.txt');
	const write = (file, megabytes) => {
		const chunk = Buffer.alloc(1024 * 1024, 'Translate me. ');
		const fd = fs.openSync(file, 'w');
		for (let i = 0; i < megabytes; i++) fs.writeSync(fd, chunk);
		fs.closeSync(fd);
	};
	write(big, mb);
	write(small, 1);
	const results = [];
	try {
		for (const cell of uploadCells) {
			if (UPLOAD_VENDORS && !UPLOAD_VENDORS.includes(cell.node)) continue;
			const operations = builtOperations(cell.node);
			if (!operations?.has(`${cell.resource}/${cell.operation}`)) {
				results.push({
					vendor: cell.vendor,
					skipped: `no ${cell.resource}/${cell.operation} operation in this build`,
				});
				continue;
			}
			console.log(`[bench] ${mb} MB upload: ${cell.vendor}`);
			results.push(await bigUpload(cell, countingProxy, { mb, big, small, folder }));
		}
		const first = uploadCells.find((cell) =>
			results.some((r) => r.vendor === cell.vendor && !r.skipped),
		);
		if (UPLOAD_CONTROL && first) {
			console.log(`[bench] ${mb} MB upload: ${first.vendor}, binary data in memory (control)`);
			results.push(
				await bigUpload(first, countingProxy, { mb, big, small, folder, binaryMode: 'default' }),
			);
		}
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	return results;
}

async function bigUpload(
	cell,
	countingProxy,
	{ mb, big, small, folder, binaryMode = 'filesystem' },
) {
	const simulator = await cell.start();
	const proxy = await countingProxy(simulator.root);
	const n8n = await new N8n({
		env: {
			N8N_DEFAULT_BINARY_DATA_MODE: binaryMode,
			// Read/Write Files from Disk may read the bench's folder only
			N8N_RESTRICT_FILE_ACCESS_TO: folder,
		},
	}).start();
	try {
		const credentialId = `benchUpload${cell.node}`.slice(0, 16).padEnd(16, '0');
		await n8n.importCredentials([
			{
				id: credentialId,
				name: `${cell.vendor} simulator`,
				type: cell.credentialType,
				data: simulator.credential(proxy.url),
			},
		]);
		const workflowId = `benchUp${cell.node}`.slice(0, 16).padEnd(16, '0');
		const webhookId = randomUUID();
		const webhookPath = `bench-upload-${cell.node}`;
		await n8n.importWorkflows([
			{
				id: workflowId,
				name: `bench upload ${cell.vendor}`,
				active: true,
				nodes: [
					webhookStart(webhookId, webhookPath),
					{
						id: randomUUID(),
						name: 'Read File',
						type: 'n8n-nodes-base.readWriteFile',
						typeVersion: 1,
						position: [220, 0],
						parameters: { operation: 'read', fileSelector: '={{ $json.body.path }}', options: {} },
					},
					{
						id: randomUUID(),
						name: 'Upload',
						type: `${pkg.name}.${cell.node}`,
						typeVersion: 1,
						position: [440, 0],
						parameters: {
							resource: cell.resource,
							operation: cell.operation,
							binaryPropertyName: 'data',
							...cell.parameters,
						},
						credentials: {
							[cell.credentialType]: { id: credentialId, name: `${cell.vendor} simulator` },
						},
					},
				],
				connections: {
					Webhook: { main: [[{ node: 'Read File', type: 'main', index: 0 }]] },
					'Read File': { main: [[{ node: 'Upload', type: 'main', index: 0 }]] },
				},
				settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
			},
		]);
		const url = n8n.webhookUrl(webhookPath);
		await n8n.waitForWebhook(url);
		const run = async (file) => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ path: file }),
				signal: AbortSignal.timeout(600_000),
			});
			return { status: response.status, body: await response.text() };
		};
		// warm up the workflow's code paths with a 1 MB file, then settle
		const warm = await run(small);
		if (warm.status !== 200)
			throw new Error(`${cell.vendor} warm-up: HTTP ${warm.status} ${warm.body.slice(0, 500)}`);
		await delay(5_000);
		const sentBefore = proxy.requests.length;
		const { result: answer, ...rss } = await rssAround(n8n.child?.pid, async () => await run(big));
		const bytes = mb * 1024 * 1024;
		// the requests of this run that carried the file (the multipart or bare body around it)
		const carried = proxy.requests.slice(sentBefore).filter((r) => r.bytes >= bytes);
		const [execution] = (await n8n.executions({ workflowId })).slice(-1);
		return {
			vendor: cell.vendor,
			operation: `${cell.resource}/${cell.operation}`,
			n8nVersion: n8n.paths.n8nVersion,
			binaryMode,
			mb,
			status: answer.status,
			answer: answer.status === 200 ? undefined : answer.body.slice(0, 500),
			executionStatus: execution?.status,
			...rss,
			requestsWithTheFile: carried.length,
			bytesArrived: carried.map((r) => r.bytes),
		};
	} finally {
		await n8n.stop();
		await proxy.stop();
		await simulator.stop();
	}
}

async function validation() {
	const { cases } = await bundled('validation');
	const results = [];
	for (const c of cases()) {
		const time = (fn, iterations) => {
			const t0 = process.hrtime.bigint();
			for (let i = 0; i < iterations; i++) fn();
			return Number(process.hrtime.bigint() - t0) / iterations / 1000; // µs
		};
		const iterations = c.bytes > 10_000 ? 300 : 3000;
		time(c.baseline, iterations);
		time(c.ours, iterations);
		let baseline = 0;
		let ours = 0;
		for (let round = 0; round < 5; round++) {
			baseline += time(c.baseline, iterations);
			ours += time(c.ours, iterations);
		}
		results.push({
			case: c.name,
			bytes: c.bytes,
			jsonParseMicros: baseline / 5,
			oursMicros: ours / 5,
			ratio: ours / baseline,
		});
	}
	return results;
}

function packageFigures() {
	const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((f) => path.join(repoRoot, f));
	const script = `const t0 = process.hrtime.bigint(); for (const f of ${JSON.stringify(files)}) require(f); console.log(Number(process.hrtime.bigint() - t0) / 1e6);`;
	const loads = Array.from({ length: 5 }, () =>
		Number(execFileSync(process.execPath, ['-e', script], { cwd: repoRoot }).toString().trim()),
	);
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: repoRoot }).toString(),
	)[0];
	return {
		loadMs: quantile(loads, 0.5),
		tarballBytes: packed.size,
		unpackedBytes: packed.unpackedSize,
		files: packed.entryCount,
	};
}

async function main() {
	// a promise that nothing keeps pending (a lost socket) would otherwise end the run silently with exit code 0
	const keepAlive = setInterval(() => {}, 60_000);
	if (!fs.existsSync(path.join(repoRoot, 'dist', 'nodes')))
		throw new Error('dist/ is missing: npm run bench builds it first');
	const machine = {
		cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		date: new Date().toISOString(),
	};
	console.log(
		`[bench] ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${N} deliveries per receiver and concurrency`,
	);
	// n8n 2.41's default engine (vm) gives every webhook request a V8 isolate, except for its own Webhook node;
	// the legacy engine shows the receivers without that cost.
	// BENCH_ENGINES=none skips the single-process receivers
	const engines = (process.env.BENCH_ENGINES || 'vm,legacy').split(',').filter((e) => e !== 'none');
	const started = Date.now();
	const received = [];
	for (const engine of engines) received.push(await receivers({ engine, topology: 'single' }));
	if (QUEUE)
		for (const engine of engines.length ? engines : ['vm'])
			received.push(await receivers({ engine, topology: 'queue' }));
	const memoryRun = MEMORY_N > 0 ? await memory() : undefined;
	const download = DOWNLOAD_MB > 0 ? await bigDownload(DOWNLOAD_MB) : undefined;
	const uploads = UPLOAD_MB > 0 ? await bigUploads(UPLOAD_MB) : [];
	const parsed = await validation();
	const packaged = packageFigures();

	/** A cell's ratio as printed: the median of its pairs, their range, and the failures on either side. */
	const shown = (/** @type {any} */ r) =>
		`${r.toMinimal.toFixed(2)}× (${Math.min(...r.pairRatios).toFixed(2)}-${Math.max(...r.pairRatios).toFixed(2)})${r.failures || r.controlFailures ? ` (${r.failures} + ${r.controlFailures} control failed)` : ''}`;
	for (const run of received) {
		const where =
			run.topology === 'queue'
				? 'queue mode (answered by the webhook process; each slice waits for the worker)'
				: 'one n8n process';
		console.log(
			`\nReceivers, ${where}, ${settingsOf(run.engine)} (same n8n; each of our triggers receives its vendor's callback: a Gengo job, a Beebox callback, a Smartcat document status, a Phrase TMS job status change, and its controls, the minimal community trigger plain and holding a credential, the same request; the Webhook node the Gengo callback; ${run.rounds} rounds of ${run.deliveriesPerRound} per receiver and concurrency, the order changing every round; deliveries/s pooled over the rounds; every execution saved)`,
		);
		console.table(
			run.rows.map((r) => ({
				receiver: r.receiver,
				senders: r.concurrency,
				'deliveries/s': r.perSecond.toFixed(1),
				'p50 ms': r.p50.toFixed(1),
				'p99 ms': r.p99.toFixed(1),
				failures: r.failures,
				...(r.workerCatchUpSeconds !== undefined
					? { 'worker catch-up s': r.workerCatchUpSeconds.toFixed(1) }
					: {}),
			})),
		);
		for (const concurrency of CONCURRENCIES) {
			const at = (/** @type {string} */ name) =>
				run.rows.find((r) => r.concurrency === concurrency && r.receiver === name);
			const cells = run.ratios.filter((r) => r.concurrency === concurrency);
			const list = (/** @type {(r: any) => any} */ pick) =>
				cells.map((r) => `${r.receiver} ${shown(pick(r))}`).join(', ');
			console.log(
				`  at ${concurrency} sender(s), medians of ${run.rounds} pairs and their range; ours ÷ the minimal trigger (target ≥ 0.95×): ${list((r) => r)}; ours ÷ the minimal trigger holding a credential: ${list((r) => r.held)}; the one holding a credential ÷ the plain one (n8n's price for a credential): ${list((r) => r.heldToMinimal)}; Gengo Trigger ÷ n8n's Webhook node ${(at('Gengo Trigger').perSecond / at(BUILT_IN).perSecond).toFixed(2)}×`,
			);
		}
		for (const r of run.rows)
			if (r.failures)
				console.log(
					`  FAILED: ${r.receiver}, ${r.concurrency} sender(s): ${r.failures} deliveries not answered 200, e.g. ${r.failureSamples.join(' | ')}`,
				);
		console.log(
			`  RSS of the receiving n8n process: ${(run.rssBeforeKiB / 1024).toFixed(0)} MiB before, ${(run.rssAfterKiB / 1024).toFixed(0)} MiB after ${run.deliveries} deliveries`,
		);
	}
	if (received.length) {
		console.log(
			`\nOur triggers ÷ the minimal community trigger sent the same request (same n8n; per cell the median of its rounds' pairs, ours and the control back to back, with the pairs' range; target ≥ 0.95×)`,
		);
		const label = (/** @type {any} */ run, /** @type {number} */ concurrency) =>
			`${run.topology === 'queue' ? 'queue' : 'one process'} ${run.engine}, ${concurrency} sender${concurrency === 1 ? '' : 's'}`;
		const table = (/** @type {(r: any) => any} */ pick) =>
			console.table(
				OUR_TRIGGERS.map((name) =>
					Object.fromEntries([
						['trigger', name],
						...received.flatMap((run) =>
							run.ratios
								.filter((r) => r.receiver === name)
								.map((r) => [label(run, r.concurrency), shown(pick(r))]),
						),
					]),
				),
			);
		table((r) => r);
		console.log(
			`\nOur triggers ÷ the minimal community trigger holding a credential it never reads, sent the same request (the least a trigger that keeps its secret in a credential costs; same method)`,
		);
		table((r) => r.held);
		console.log(
			`\nn8n's price for a credential: the minimal trigger holding one ÷ the plain one, per cell (same method; sent each of our triggers' requests)`,
		);
		table((r) => r.heldToMinimal);
		const failed = received.reduce((sum, run) => sum + run.failures, 0);
		console.log(
			failed
				? `  FAILED: ${failed} deliveries were not answered 200 (see FAILED above); their cells measure refusals, not receiving`
				: '  failures: none (every delivery answered 200)',
		);
	}
	if (memoryRun) {
		const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
		console.log(
			`\nMemory (one n8n, default engine, 16 senders, reading after 5 s idle; ${memoryRun.minutes.toFixed(1)} min)`,
		);
		console.log(`  after a 1,000-delivery warm-up: ${mib(memoryRun.warmKiB)}`);
		console.log(
			`  after ${memoryRun.deliveries} to the Gengo Trigger: ${mib(memoryRun.afterOursKiB)} (${(memoryRun.oursGrowth * 100).toFixed(1)} %)`,
		);
		console.log(
			`  after ${memoryRun.deliveries} more to n8n's Webhook node: ${mib(memoryRun.afterBuiltInKiB)} (${(memoryRun.builtInGrowth * 100).toFixed(1)} %)`,
		);
		console.log(`  failures: ${memoryRun.failures}`);
	}
	if (download) {
		const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
		console.log(
			`\nA ${download.mb} MB download (Gengo node, Download Target File, binary data on the file system): HTTP ${download.status} in ${download.seconds.toFixed(1)} s, file ${download.fileSize}`,
		);
		console.log(
			`  n8n's RSS: ${mib(download.beforeKiB)} before, ${mib(download.peakKiB)} at the peak (+${((download.peakKiB - download.beforeKiB) / 1024).toFixed(0)} MiB), ${mib(download.afterKiB)} after`,
		);
	}
	if (uploads.length) {
		const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
		console.log(
			`\nA ${UPLOAD_MB} MB upload per vendor (Read/Write Files from Disk → the vendor node's upload operation → its simulator; one n8n per row; growth: peak minus before, sampled every 100 ms)`,
		);
		console.table(
			uploads.map((u) =>
				u.skipped
					? { vendor: u.vendor, skipped: u.skipped }
					: {
							vendor: u.vendor,
							operation: u.operation,
							n8n: u.n8nVersion,
							'binary data':
								u.binaryMode === 'filesystem' ? 'file system' : `${u.binaryMode} (control)`,
							HTTP: u.status,
							execution: u.executionStatus,
							s: u.seconds.toFixed(1),
							'sends with the file': u.requestsWithTheFile,
							'RSS before': mib(u.beforeKiB),
							'RSS peak': mib(u.peakKiB),
							'growth MiB': ((u.peakKiB - u.beforeKiB) / 1024).toFixed(0),
							'RSS after': mib(u.afterKiB),
						},
			),
		);
		for (const u of uploads)
			if (u.answer) console.log(`  ${u.vendor}: HTTP ${u.status}: ${u.answer}`);
	}
	console.log('\nValidation (µs per body; ratio against JSON.parse of the same body)');
	console.table(
		parsed.map((p) => ({
			case: p.case,
			bytes: p.bytes,
			'JSON.parse µs': p.jsonParseMicros.toFixed(1),
			'ours µs': p.oursMicros.toFixed(1),
			ratio: p.ratio.toFixed(2),
		})),
	);
	console.log(
		`\nPackage: every node and credential loads in ${packaged.loadMs.toFixed(0)} ms (median of 5); tarball ${(packaged.tarballBytes / 1024).toFixed(0)} KiB, ${packaged.files} files, ${(packaged.unpackedBytes / 1024).toFixed(0)} KiB unpacked`,
	);

	const results = {
		machine,
		deliveriesPerCase: N,
		receivers: received,
		memory: memoryRun,
		download,
		uploads,
		validation: parsed,
		package: packaged,
		minutes: (Date.now() - started) / 60_000,
	};
	fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
	console.log('\nwritten: bench/results.json');
	clearInterval(keepAlive);
}

main().catch((error) => {
	console.error(`[bench] ${error instanceof Error ? error.stack : error}`);
	process.exit(1);
});
