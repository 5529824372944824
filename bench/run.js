// @ts-check
/**
 * `npm run bench`: figures measured side by side in one run on this machine, printed as a table and written to
 * bench/results.json. Not a test: nothing here passes or fails.
 * - Receivers: throughput and latency of our Gengo Trigger against n8n's built-in Webhook node receiving the same
 *   Gengo callback, in the same n8n, at 1 and 16 concurrent senders (BENCH_N deliveries each, default 400),
 *   alternating, every execution saved as in the e2e tests; plus n8n's resident memory before and after.
 * - Validation: each vendor's parsing against JSON.parse of the same body (incl. a 60 KB Gengo job).
 * - Package: load time of every node and credential, packed tarball size.
 * Each receiver comparison runs with n8n's default expression engine (vm) and with the legacy one (BENCH_ENGINES).
 * Queue mode is not measured yet (see the reliability issue).
 */
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomUUID } = require('node:crypto');

const { N8n, repoRoot } = require('../scripts/n8n.js');

const N = Number(process.env.BENCH_N || 400);
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const gengoJob = {
	job_id: '384985', order_id: '54632', slug: 'Product page: hero title', body_src: 'Translate your product pages in days, not weeks.',
	body_tgt: 'Übersetzen Sie Ihre Produktseiten in Tagen statt Wochen.', lc_src: 'en', lc_tgt: 'de', unit_count: '9', tier: 'standard',
	credits: '0.54', currency: 'USD', status: 'approved', eta: -1, ctime: '1764050000', auto_approve: '0', custom_data: '{"cms_id":"page-42"}',
};
const BODY = new URLSearchParams({ job: JSON.stringify(gengoJob) }).toString();

/** Sends `count` deliveries with `concurrency` senders; latencies in ms. */
async function load(url, count, concurrency) {
	const latencies = [];
	let next = 0;
	let failures = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				next++;
				const t0 = performance.now();
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: BODY });
				await response.arrayBuffer();
				latencies.push(performance.now() - t0);
				if (response.status !== 200) failures++;
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	return { perSecond: count / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), failures };
}

function rssKiB(pid) {
	return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim());
}

function workflow(id, node) {
	const webhookId = randomUUID();
	return {
		webhookId,
		json: {
			id, name: `bench ${id}`, active: true,
			nodes: [
				{ id: randomUUID(), name: 'Receiver', webhookId, position: [0, 0], ...node },
				{ id: randomUUID(), name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { Receiver: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
			settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		},
	};
}

/** @param {string} engine n8n's expression engine (N8N_EXPRESSION_ENGINE) */
async function receivers(engine) {
	const n8n = new N8n({ env: { N8N_EXPRESSION_ENGINE: engine } });
	await n8n.start();
	try {
		const builtIn = workflow('benchWebhook0001', {
			type: 'n8n-nodes-base.webhook', typeVersion: 2.1,
			parameters: { httpMethod: 'POST', path: 'bench-builtin', responseMode: 'onReceived', options: {} },
		});
		const ours = workflow('benchGengo000001', { type: `${pkg.name}.gengoTrigger`, typeVersion: 1, parameters: {} });
		await n8n.importWorkflows([builtIn.json, ours.json]);
		const targets = [
			{ name: "n8n's Webhook node", id: builtIn.json.id, url: n8n.webhookUrl('bench-builtin') },
			{ name: 'Gengo Trigger', id: ours.json.id, url: n8n.webhookUrl(`${ours.webhookId}/gengo`) },
		];
		for (const t of targets) await n8n.waitForWebhook(t.url);
		for (const t of targets) await load(t.url, 30, 4); // warm-up
		const rssBefore = rssKiB(n8n.child?.pid);
		const rows = [];
		for (const concurrency of [1, 16]) {
			for (let round = 0; round < 2; round++) {
				for (const t of targets) {
					const result = await load(t.url, N / 2, concurrency);
					rows.push({ receiver: t.name, concurrency, round, ...result });
				}
			}
		}
		const rssAfter = rssKiB(n8n.child?.pid);
		const merged = [];
		for (const concurrency of [1, 16]) {
			for (const t of targets) {
				const runs = rows.filter((r) => r.receiver === t.name && r.concurrency === concurrency);
				merged.push({
					receiver: t.name,
					concurrency,
					perSecond: runs.reduce((sum, r) => sum + r.perSecond, 0) / runs.length,
					p50: Math.max(...runs.map((r) => r.p50)),
					p99: Math.max(...runs.map((r) => r.p99)),
					failures: runs.reduce((sum, r) => sum + r.failures, 0),
				});
			}
		}
		return { engine, rows: merged, rssBeforeKiB: rssBefore, rssAfterKiB: rssAfter, deliveries: N * 2 * 2 };
	} finally {
		await n8n.stop();
	}
}

async function validation() {
	const { build } = require('esbuild');
	// Inside the repository, so the bundle resolves n8n-workflow from node_modules like the nodes do.
	const out = path.join(__dirname, '.validation.bundle.js');
	await build({ entryPoints: [path.join(__dirname, 'validation.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', external: ['n8n-workflow'], logLevel: 'warning' });
	const { cases } = require(out);
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
		results.push({ case: c.name, bytes: c.bytes, jsonParseMicros: baseline / 5, oursMicros: ours / 5, ratio: ours / baseline });
	}
	fs.rmSync(out, { force: true });
	return results;
}

function packageFigures() {
	const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((f) => path.join(repoRoot, f));
	const script = `const t0 = process.hrtime.bigint(); for (const f of ${JSON.stringify(files)}) require(f); console.log(Number(process.hrtime.bigint() - t0) / 1e6);`;
	const loads = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { cwd: repoRoot }).toString().trim()));
	const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: repoRoot }).toString())[0];
	return { loadMs: quantile(loads, 0.5), tarballBytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount };
}

async function main() {
	if (!fs.existsSync(path.join(repoRoot, 'dist', 'nodes'))) throw new Error('dist/ is missing: npm run bench builds it first');
	const machine = { cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
	console.log(`[bench] ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${N} deliveries per receiver and concurrency`);
	// n8n 2.41's default engine (vm) gives every webhook request a V8 isolate, except for its own Webhook node;
	// the legacy engine shows the receivers without that cost.
	const engines = (process.env.BENCH_ENGINES || 'vm,legacy').split(',');
	const received = [];
	for (const engine of engines) received.push(await receivers(engine));
	const parsed = await validation();
	const packaged = packageFigures();

	for (const run of received) {
		console.log(`\nReceivers, N8N_EXPRESSION_ENGINE=${run.engine} (same n8n, same Gengo callback, alternating; every execution saved)`);
		console.table(run.rows.map((r) => ({ receiver: r.receiver, senders: r.concurrency, 'deliveries/s': r.perSecond.toFixed(1), 'p50 ms': r.p50.toFixed(1), 'p99 ms': r.p99.toFixed(1), failures: r.failures })));
		for (const concurrency of [1, 16]) {
			const [base, ours] = run.rows.filter((r) => r.concurrency === concurrency);
			console.log(`  ratio at ${concurrency} sender(s): ${(ours.perSecond / base.perSecond).toFixed(2)}× the Webhook node's throughput`);
		}
		console.log(`  n8n RSS: ${(run.rssBeforeKiB / 1024).toFixed(0)} MiB before, ${(run.rssAfterKiB / 1024).toFixed(0)} MiB after ${run.deliveries} deliveries`);
	}
	console.log('\nValidation (µs per body; ratio against JSON.parse of the same body)');
	console.table(parsed.map((p) => ({ case: p.case, bytes: p.bytes, 'JSON.parse µs': p.jsonParseMicros.toFixed(1), 'ours µs': p.oursMicros.toFixed(1), ratio: p.ratio.toFixed(2) })));
	console.log(`\nPackage: every node and credential loads in ${packaged.loadMs.toFixed(0)} ms (median of 5); tarball ${(packaged.tarballBytes / 1024).toFixed(0)} KiB, ${packaged.files} files, ${(packaged.unpackedBytes / 1024).toFixed(0)} KiB unpacked`);

	const results = { machine, deliveriesPerCase: N, receivers: received, validation: parsed, package: packaged };
	fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
	console.log('\nwritten: bench/results.json');
}

main().catch((error) => {
	console.error(`[bench] ${error instanceof Error ? error.stack : error}`);
	process.exit(1);
});
