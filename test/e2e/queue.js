// @ts-check
/**
 * n8n in queue mode, the production topology: a PostgreSQL database and a Redis queue (both local, each run
 * with its own database and queue prefix), the main process (activation, registration through
 * webhookMethods, the editor), a webhook process that receives deliveries, and workers that execute them. All
 * share one user folder (the package, the encryption key). Vendors are given the webhook process's URL.
 * Used by the queue-mode e2e test and by `npm run bench`. Needs psql and redis-cli (Debian: postgresql-client,
 * redis-tools) and PostgreSQL (trust auth) and Redis on 127.0.0.1.
 */
'use strict';

const { execFile } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { promisify } = require('node:util');

const { N8n, freePort } = require('./n8n.js');

const run = promisify(execFile);

class QueueMode {
	/**
	 * @param {string} label names the processes in the progress lines
	 * @param {{ env?: Record<string, string>, log?: (line: string) => void, extraPackages?: string[] }} [options]
	 *   extra environment for every process (e.g. N8N_EXPRESSION_ENGINE); further community packages to link
	 */
	constructor(label, options = {}) {
		this.label = label;
		this.database = `n8n_e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
		/** @type {InstanceType<typeof N8n>[]} */
		this.workers = [];
		/** @type {InstanceType<typeof N8n>} */
		this.main = /** @type {any} */ (undefined);
		/** @type {InstanceType<typeof N8n>} */
		this.webhook = /** @type {any} */ (undefined);
		this.extraEnv = options.env || {};
		this.extraPackages = options.extraPackages || [];
		this.log = options.log || ((/** @type {string} */ line) => console.log(line));
		/** @type {Record<string, string>} */
		this.env = {};
	}

	async start() {
		await psql(`CREATE DATABASE ${this.database}`);
		const webhookPort = await freePort();
		this.env = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: '5432',
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: '6379',
			QUEUE_BULL_PREFIX: this.database,
			// a dead worker's jobs are found within seconds rather than n8n's 1-2 minutes (lock 60 s, checks every 30 s)
			QUEUE_WORKER_LOCK_DURATION: '10000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			// n8n caches webhooks and more in Redis in queue mode: a prefix of the run's own, so runs never share
			N8N_CACHE_REDIS_KEY_PREFIX: `${this.database}-cache`,
			// what n8n hands to webhookMethods, so what Smartcat and Phrase are told to call
			WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
			...this.extraEnv,
		};
		// the main process first (it migrates the database), then the webhook process and a worker side by side
		this.main = await this.process('start');
		const [webhook, worker] = await Promise.allSettled([
			this.process('webhook', { userFolder: this.main.userFolder, port: webhookPort }),
			this.startWorker(),
		]);
		if (webhook.status === 'fulfilled') {
			this.webhook = webhook.value;
			this.main.siblings.push(this.webhook);
		}
		// a process that failed to start: the other one is stopped with the rest by stop()
		if (webhook.status === 'rejected') throw webhook.reason;
		if (worker.status === 'rejected') throw worker.reason;
		return this;
	}

	/** Starts one more worker (e.g. after one was killed). */
	async startWorker() {
		const worker = await this.process('worker', { userFolder: this.main.userFolder });
		this.workers.push(worker);
		this.main.siblings.push(worker);
		return worker;
	}

	/** Everything the processes printed, for the check that no secret was logged. */
	get output() {
		return [this.main, this.webhook, ...this.workers].map((p) => p?.output ?? '').join('\n');
	}

	async stop() {
		for (const process of [...this.workers, this.webhook]) await process?.stop();
		await this.main?.stop();
		await psql(`DROP DATABASE IF EXISTS ${this.database}`).catch(() => undefined);
		// the queue's keys (<prefix>:...) and n8n's cache (n8n:<cache prefix>:...)
		for (const pattern of [`${this.database}:*`, `n8n:${this.database}-cache:*`])
			await redisDeleteKeys(pattern).catch(() => undefined);
	}

	/**
	 * @param {'start' | 'webhook' | 'worker'} command
	 * @param {{ userFolder?: string, port?: number }} [options]
	 */
	async process(command, options = {}) {
		const n8n = new N8n({
			...options,
			command,
			env: this.env,
			background: true,
			linkRepo: command === 'start',
			extraPackages: this.extraPackages,
		});
		const started = Date.now();
		await n8n.start();
		this.log(
			`[${this.label}] n8n ${command} (queue mode) ready at ${n8n.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
		return n8n;
	}
}

/** @param {string} sql */
async function psql(sql) {
	await run('psql', [
		'-h',
		'127.0.0.1',
		'-U',
		'postgres',
		'-d',
		'postgres',
		'-v',
		'ON_ERROR_STOP=1',
		'-c',
		sql,
	]);
}

/**
 * Removes keys from Redis (redis-cli, from Debian's redis-tools beside the server).
 * @param {string} pattern
 */
async function redisDeleteKeys(pattern) {
	const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '--scan', '--pattern', pattern]);
	const keys = stdout.split('\n').filter(Boolean);
	for (let i = 0; i < keys.length; i += 500)
		await run('redis-cli', ['-h', '127.0.0.1', 'DEL', ...keys.slice(i, i + 500)]);
}

module.exports = { QueueMode };
