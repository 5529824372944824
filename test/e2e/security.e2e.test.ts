/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * A hostile or broken vendor server, through a real n8n: our action nodes asked by a workflow to read from a
 * server on 127.0.0.1 that answers badly (huge and compressed API answers, gzip bombs, endless
 * files, redirect loops, user info in a redirect on a later hop, a 404 page that repeats the login URL). Each
 * probe must end in a clear error naming what was refused, with no file kept; n8n's memory stays within
 * 100 MB of what it used before the probes; and no password or key is found in n8n's log, its stored
 * executions or static data (the harness's audit when n8n stops, test/e2e/globalTeardown.js).
 *
 * Every address here is 127.0.0.1: "another origin" is another port on it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { gengoCallbackRequest } from '../fixtures/samples/gengo';
import { SECRET_CACHE_MS } from '../../nodes/common/secrets/secretCache';
import { HostileServer } from '../simulators/hostile';
import {
	delay,
	PACKAGE,
	startN8n,
	triggerWorkflow,
	type Execution,
	type N8nInstance,
} from './harness';

const GENGO_KEYS = {
	publicKey: 'hostile-public-key',
	privateKey: 'hostile-gengo-private-key-9f8e7d',
};
const BEEBOX_PASSWORD = 'hostile-beebox-password-5c4b3a';
const GENGO_CREDENTIAL = { gengoApi: { id: 'hostileGengo0001', name: 'hostile Gengo' } };
const SECRET_CREDENTIAL = {
	translationWebhookSecretApi: { id: 'rotatedSecret001', name: 'rotated secret' },
};
const OLD_SECRET = 'rotation-old-7Hq2Xv9LmK4pR8sT';
const NEW_SECRET = 'rotation-new-3Bf6Nw1ZcD5gY0jU';

/** A Gengo Trigger (the token in the query string, its default) checking the secret credential above. */
const rotationWorkflow = triggerWorkflow({
	id: 'rotationGengo001',
	node: 'gengoTrigger',
	credentials: SECRET_CREDENTIAL,
});
const BEEBOX_CREDENTIAL = { beeboxApi: { id: 'hostileBeebox001', name: 'hostile Beebox' } };

/** A Gengo job as Job GET answers it, its translated file at `link` (developers.gengo.com/v2/api_methods/job/). */
const gengoJob = (id: string, link: string) => ({
	opstat: 'ok',
	response: {
		job: {
			job_id: id,
			status: 'approved',
			lc_src: 'en',
			lc_tgt: 'ja',
			file_url_tgt: link,
			file_download_ready: true,
		},
	},
});

/** A workflow: n8n's Webhook node, then one of our action nodes with the body's fields. */
function probeWorkflow(id: string, node: Record<string, unknown>) {
	return {
		id,
		name: `security ${id}`,
		active: true,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: id, responseMode: 'onReceived', options: {} },
			},
			{ id: randomUUID(), name: 'Probe', typeVersion: 1, position: [220, 0], ...node },
		],
		connections: { Webhook: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
		settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
	};
}

/** The resident memory of a process (kB → bytes), from /proc. */
function rssOf(pid: number): number {
	const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) * 1024 : 0;
}

const MB = 1024 * 1024;

describe('Our action nodes against a hostile vendor server, in a real n8n', () => {
	let n8n: N8nInstance;
	let vendor: HostileServer;
	let other: HostileServer;
	let pid = 0;
	let baseline = 0;
	let peak = 0;
	let sampler: NodeJS.Timeout | undefined;

	const jobRoutes: Record<string, string> = {};

	beforeAll(async () => {
		other = await new HostileServer().start();
		vendor = await new HostileServer({
			// Gengo's Job GET for each probe's job id: the translated file's link is the probe
			...Object.fromEntries(
				Array.from({ length: 20 }, (_, i) => [
					`/v2/translate/job/${1001 + i}`,
					(_req, res) => {
						res.writeHead(200, { 'content-type': 'application/json' });
						res.end(JSON.stringify(gengoJob(String(1001 + i), jobRoutes[String(1001 + i)] ?? '')));
					},
				]),
			),
			// an answer to Job GET itself that is too large, plain or compressed
			'/v2/translate/job/2001': (_req, res) => vendor.hugeJson(res),
			'/v2/translate/job/2002': (_req, res) => vendor.gzipJson(res),
			// an old Beebox: no POST login (405, help.wordbee.com/beebox/api-connect), and its 404 page for the GET
			// repeats the URL it was asked, query and password included
			'/old-beebox/api/connect': (req, res) => {
				if (req.method === 'POST') {
					res.writeHead(405, { 'content-type': 'text/plain' });
					return void res.end('The requested resource does not support http method POST.');
				}
				res.writeHead(404, { 'content-type': 'text/html' });
				res.end(`<html><body><p>Requested URL: ${req.url}</p></body></html>`);
			},
		}).start();
		const link = (path: string) => `${vendor.url}${path}`;
		Object.assign(jobRoutes, {
			'1001': link(`/redirect?to=${encodeURIComponent(`${other.url}/file`)}`),
			'1002': link('/gzip-bomb'),
			'1003': link('/endless'),
			'1004': link('/loop'),
			// user info on the second hop, after an allowed first one to another origin
			'1005': link(
				`/redirect?to=${encodeURIComponent(`${other.url}/redirect?to=${encodeURIComponent(`http://user:pass@127.0.0.1:${new URL(other.url).port}/file`)}`)}`,
			),
		});

		n8n = await startN8n('security');
		await n8n.importCredentials([
			{
				...GENGO_CREDENTIAL.gengoApi,
				type: 'gengoApi',
				data: { ...GENGO_KEYS, environment: 'custom', baseUrl: `${vendor.url}/v2` },
			},
			{
				...SECRET_CREDENTIAL.translationWebhookSecretApi,
				type: 'translationWebhookSecretApi',
				data: { secret: OLD_SECRET },
			},
			{
				...BEEBOX_CREDENTIAL.beeboxApi,
				type: 'beeboxApi',
				data: {
					serverUrl: `${vendor.url}/old-beebox`,
					projectKey: 'hostile-project',
					login: 'connector',
					password: BEEBOX_PASSWORD,
				},
			},
		]);
		await n8n.importWorkflows([
			probeWorkflow('hostileGengoDl01', {
				type: `${PACKAGE}.gengo`,
				parameters: {
					resource: 'job',
					operation: 'downloadTargetFile',
					jobId: '={{ $json.body.jobId }}',
				},
				credentials: GENGO_CREDENTIAL,
			}),
			probeWorkflow('hostileGengoGet1', {
				type: `${PACKAGE}.gengo`,
				parameters: { resource: 'job', operation: 'get', jobId: '={{ $json.body.jobId }}' },
				credentials: GENGO_CREDENTIAL,
			}),
			probeWorkflow('hostileBeebox001', {
				type: `${PACKAGE}.beebox`,
				parameters: { resource: 'file', operation: 'list' },
				credentials: BEEBOX_CREDENTIAL,
			}),
			rotationWorkflow,
		]);
		for (const id of ['hostileGengoDl01', 'hostileGengoGet1', 'hostileBeebox001'])
			await n8n.waitForWebhook(n8n.webhookUrl(id));
		await n8n.waitForWebhook(n8n.webhookUrl(`${rotationWorkflow.webhookId}/gengo`));
		pid = (n8n as unknown as { child: { pid: number } }).child.pid;
	}, 600_000);

	afterAll(async () => {
		if (sampler) clearInterval(sampler);
		await n8n?.stop();
		await vendor?.stop();
		await other?.stop();
	});

	let sent = 0;
	/** POSTs the body to a probe workflow and returns its execution once finished. */
	async function probe(workflowId: string, body: Record<string, unknown>): Promise<Execution> {
		const before = await n8n.countExecutions({ workflowId, finished: true });
		const answer = await fetch(n8n.webhookUrl(workflowId), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(answer.status).toBe(200);
		sent++;
		const executions = await n8n.waitForExecutions(workflowId, before + 1, 420_000);
		return executions[executions.length - 1];
	}

	it('downloads a good file, also after a redirect to another origin (the baseline)', async () => {
		const execution = await probe('hostileGengoDl01', { jobId: '1001' });
		expect(execution.status).toBe('success');
		expect(execution.binaries.Probe[0].data).toMatchObject({ fileName: 'ok.txt' });
		// n8n's memory after one full round trip, before any hostile answer
		baseline = rssOf(pid);
		peak = baseline;
		sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
	});

	it('stops a gzip bomb at the size limit and keeps no file', async () => {
		const execution = await probe('hostileGengoDl01', { jobId: '1002' });
		expect(execution.status).toBe('error');
		expect(execution.error).toMatch(/larger than|size limit|Max File Size/i);
		expect(execution.binaries.Probe ?? []).toEqual([]);
	});

	it('stops an endless file at the size limit', async () => {
		const execution = await probe('hostileGengoDl01', { jobId: '1003' });
		expect(execution.status).toBe('error');
		expect(execution.error).toMatch(/larger than|size limit|Max File Size/i);
	});

	it('refuses a redirect loop', async () => {
		const execution = await probe('hostileGengoDl01', { jobId: '1004' });
		expect(execution.status).toBe('error');
		expect(execution.error).toMatch(/redirect/i);
		expect(vendor.hits('/loop')).toBeLessThanOrEqual(10);
	});

	it('refuses user info in a redirect on the second hop', async () => {
		const asked = other.hits('/file');
		const execution = await probe('hostileGengoDl01', { jobId: '1005' });
		expect(execution.status).toBe('error');
		expect(execution.error).toMatch(/user name|password|credentials|user info/i);
		expect(other.hits('/file')).toBe(asked);
	});

	it('refuses an API answer over the limit, plain or compressed', async () => {
		for (const jobId of ['2001', '2002']) {
			const execution = await probe('hostileGengoGet1', { jobId });
			expect(execution.status).toBe('error');
			expect(execution.error).toMatch(/larger than|limit/i);
			// the endpoint is named
			expect(execution.error).toMatch(/\/translate\/job/);
		}
	});

	it("never shows a Beebox password that an old server's 404 page repeats", async () => {
		const execution = await probe('hostileBeebox001', {});
		expect(execution.status).toBe('error');
		expect(execution.error ?? '').not.toContain(BEEBOX_PASSWORD);
		expect(JSON.stringify(execution)).not.toContain(BEEBOX_PASSWORD);
		// the one GET it may send (the documented api-connect of a Beebox without POST) was asked once
		expect(
			vendor.requests.filter((r) => r.url.startsWith('/old-beebox/')).length,
		).toBeLessThanOrEqual(2);
	});

	it("kept n8n's memory within 100 MB of where it was before the hostile answers", () => {
		if (sampler) clearInterval(sampler);
		console.log(
			`[e2e security] n8n RSS before the probes ${(baseline / MB).toFixed(0)} MB, peak during them ${(peak / MB).toFixed(0)} MB (+${((peak - baseline) / MB).toFixed(0)} MB) over ${sent} probes`,
		);
		expect(baseline).toBeGreaterThan(0);
		expect(peak - baseline).toBeLessThan(100 * MB);
	});

	/**
	 * The trigger keeps the secret a delivery was checked against in memory for SECRET_CACHE_MS (at most 10 s):
	 * after a rotation the old secret is refused, the new one accepted, and after a deletion every delivery
	 * refused, within that bound (plus the time one delivery takes).
	 */
	describe('a rotated or deleted secret credential takes effect within the bound', () => {
		const deliver = async (secret: string) => {
			const { contentType, body } = gengoCallbackRequest('approved', { jobId: '7001' });
			const answer = await fetch(
				`${n8n.webhookUrl(`${rotationWorkflow.webhookId}/gengo`)}?token=${secret}`,
				{ method: 'POST', headers: { 'content-type': contentType }, body },
			);
			await answer.text();
			return answer.status;
		};
		/** Delivers every 250 ms until `done` holds; the time it took (ms). */
		const until = async (done: () => Promise<boolean>) => {
			const started = Date.now();
			while (!(await done())) {
				if (Date.now() - started > SECRET_CACHE_MS + 20_000) break;
				await delay(250);
			}
			return Date.now() - started;
		};
		const BOUND = SECRET_CACHE_MS + 5_000;

		it('rotation: the old secret refused and the new one accepted', async () => {
			expect(await deliver(OLD_SECRET)).toBe(200);
			const changed = await n8n.rest(
				'PATCH',
				`/rest/credentials/${n8n.credentialId(SECRET_CREDENTIAL.translationWebhookSecretApi.id)}`,
				{
					name: SECRET_CREDENTIAL.translationWebhookSecretApi.name,
					type: 'translationWebhookSecretApi',
					data: { secret: NEW_SECRET },
				},
			);
			expect(changed).toMatchObject({ status: 200 });
			const took = await until(
				async () => (await deliver(OLD_SECRET)) === 401 && (await deliver(NEW_SECRET)) === 200,
			);
			console.log(`[e2e security] rotated secret in effect after ${took} ms`);
			expect(took).toBeLessThan(BOUND);
			n8n.watchSecret(OLD_SECRET);
			n8n.watchSecret(NEW_SECRET);
		});

		it('deletion: every delivery refused', async () => {
			expect(await deliver(NEW_SECRET)).toBe(200);
			const deleted = await n8n.rest(
				'DELETE',
				`/rest/credentials/${n8n.credentialId(SECRET_CREDENTIAL.translationWebhookSecretApi.id)}`,
			);
			expect(deleted).toMatchObject({ status: 200 });
			const took = await until(
				async () => (await deliver(NEW_SECRET)) === 401 && (await deliver(OLD_SECRET)) === 401,
			);
			console.log(`[e2e security] deleted credential refused after ${took} ms`);
			expect(took).toBeLessThan(BOUND);
		});
	});
});
