// @ts-check
/**
 * A real n8n for development and end-to-end tests: installs it (scripts/install-n8n.sh), starts it with this
 * package loaded, imports and publishes workflows and credentials (through its REST API while it runs, else its
 * CLI), and reads executions back from its database. Used by the e2e tests beside it, by `npm run dev`
 * (scripts/dev.js), the screenshots (scripts/screenshots.js) and the bench (bench/run.js).
 *
 * Works with n8n 2.x (package.json's config.n8nVersion) and 1.x (config.n8nVersion1x): where the two differ
 * (activation, readiness, defaults), the methods below do each version's equivalent, so callers write one thing.
 *
 * Plain CommonJS so that both a plain `node` script and ts-jest can load it without a build step.
 */
'use strict';

const { spawn, spawnSync, execFile } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** @type {Map<string, ReturnType<typeof describeInstall>>} installs this process has checked, by version */
const checkedInstalls = new Map();

/**
 * @param {string} n8nVersion
 * @param {string} n8nHome
 * @param {string} nodeHome
 */
function describeInstall(n8nVersion, n8nHome, nodeHome) {
	return {
		n8nVersion,
		n8nHome,
		nodeBinDir: path.join(nodeHome, 'bin'),
		node: path.join(nodeHome, 'bin', 'node'),
		n8nBin: path.join(n8nHome, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/**
 * Where a migrated database of this n8n install is kept (a fresh n8n spends about a quarter of its start-up
 * creating its database: n8n 2.41, 8.6 s of CPU with a new user folder, 7.4 s with a copy of a migrated one). Beside the
 * install, so a new n8n version or Node.js, or a changed installer, never sees another's.
 * @param {{ n8nHome: string }} paths
 */
function templateFolder(paths) {
	return path.join(paths.n8nHome, 'e2e-user-folder-template');
}

/**
 * Makes the template (templateFolder) once per install: an n8n started in an empty user folder and stopped
 * again leaves its migrated database and its config (the encryption key the database goes with). Nothing
 * else is in it: no owner, credential or workflow. Later instances with a new user folder start from a copy.
 * @param {{ n8nVersion?: string, nodeVersion?: string }} [versions]
 * @returns {Promise<boolean>} whether it was made now
 */
async function ensureUserFolderTemplate(versions = {}) {
	const paths = ensureInstalled(versions);
	const template = templateFolder(paths);
	if (fs.existsSync(template)) return false;
	const n8n = new N8n({ ...versions, linkRepo: false, background: true });
	n8n.seed = false;
	try {
		await n8n.start();
		await n8n.stop({ audit: false, keepUserFolder: true });
		const made = `${template}.${process.pid}`;
		fs.rmSync(made, { recursive: true, force: true });
		fs.mkdirSync(made, { recursive: true });
		const dotN8n = path.join(n8n.userFolder, '.n8n');
		for (const file of fs.readdirSync(dotN8n))
			if (file === 'config' || file.startsWith('database.sqlite'))
				fs.copyFileSync(path.join(dotN8n, file), path.join(made, file));
		fs.renameSync(made, template);
		return true;
	} finally {
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

/**
 * Makes sure the pinned n8n and its Node.js 24 are installed and says where (scripts/install-n8n.sh is the one
 * place that knows: its cache folders are keyed on the versions and on the installer itself). Installs on the
 * first call when needed (a few minutes); later calls in the same process cost nothing. N8N_VERSION and
 * N8N_NODE_VERSION pick other versions than package.json's "config".
 * @param {{ n8nVersion?: string, nodeVersion?: string }} [versions]
 */
function ensureInstalled(versions = {}) {
	const n8nVersion =
		versions.n8nVersion || process.env.N8N_VERSION || packageJson.config.n8nVersion;
	const nodeVersion =
		versions.nodeVersion || process.env.N8N_NODE_VERSION || packageJson.config.nodeVersion;
	const id = `${n8nVersion}@${nodeVersion}`;
	const known = checkedInstalls.get(id);
	if (known) return known;
	const result = spawnSync('bash', [path.join(repoRoot, 'scripts', 'install-n8n.sh')], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		env: { ...process.env, N8N_VERSION: n8nVersion, N8N_NODE_VERSION: nodeVersion },
	});
	if (result.status !== 0)
		throw new Error(
			`installing n8n ${n8nVersion} failed (exit ${result.status}); see the [install-n8n] lines above`,
		);
	const value = (/** @type {string} */ name) =>
		(new RegExp(`^${name}=(.+)$`, 'm').exec(result.stdout) || [])[1];
	const n8nHome = value('N8N_HOME');
	const nodeHome = value('NODE_HOME');
	if (!n8nHome || !nodeHome)
		throw new Error(`scripts/install-n8n.sh printed no install folders:\n${result.stdout}`);
	const paths = describeInstall(n8nVersion, n8nHome, nodeHome);
	checkedInstalls.set(id, paths);
	return paths;
}

/**
 * Settings that stop n8n from calling n8n.io's services (version checks, templates, banners, telemetry, the
 * verified-packages and MCP-server registries). Without internet access each of those calls ends in a long
 * stack trace that looks like a failure. The community-packages loader stays on: it loads this package.
 * @param {string} n8nVersion
 */
function offlineEnv(n8nVersion) {
	return {
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		// the MCP server registry is a module of n8n 2.x; 1.x has none to disable
		...(majorOf(n8nVersion) >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
	};
}

/**
 * Whether n8n.io's API answers from this machine (2 s at most): `npm run dev` turns the features that need it
 * off when it does not.
 */
async function n8nServicesReachable() {
	try {
		await fetch('https://api.n8n.io/api/versions/', {
			method: 'HEAD',
			signal: AbortSignal.timeout(2000),
		});
		return true;
	} catch {
		return false;
	}
}

/**
 * A workflow as n8n's editor imports it: the editor gives every webhook node without a webhookId one (our
 * examples ship none, so that no two n8n instances share a URL); n8n's CLI import does not, and would then route
 * the node under the workflow id and node name. The id is derived from the workflow id and the node name, so
 * importing the same example again (npm run dev at every start) keeps its URL.
 * @param {Record<string, any>} workflow
 */
function withWebhookIds(workflow) {
	const { createHash } = require('node:crypto');
	return {
		...workflow,
		nodes: (workflow.nodes ?? []).map((/** @type {Record<string, any>} */ node) => {
			if (
				node.webhookId ||
				!/Trigger$|\.webhook$/.test(String(node.type)) ||
				/CatchUpTrigger$/.test(String(node.type))
			)
				return node;
			const hex = createHash('sha256').update(`${workflow.id}/${node.name}`).digest('hex');
			const webhookId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
			return { ...node, webhookId };
		}),
	};
}

/**
 * The first port of the range the kernel takes its ephemeral ports from (Linux: ip_local_port_range, 32768 by
 * default): every outgoing connection (to PostgreSQL, Redis, a simulator) gets its local port there.
 */
function ephemeralPortsFrom() {
	try {
		const [low] = fs
			.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
			.trim()
			.split(/\s+/);
		const port = Number(low);
		return port > 10_000 ? port : 32_768;
	} catch {
		return 32_768;
	}
}

/**
 * Whether nothing listens on 127.0.0.1:port (by listening on it for a moment).
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.unref();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * A port for n8n (or its task broker) to listen on: a free one below the kernel's ephemeral range. A port the
 * kernel hands out for "any port" (listen on 0) is an ephemeral one, which an outgoing connection of any process
 * may take as its local port between this check and n8n's listen: n8n then exits with "port … is already in use"
 * (seen in CI: the outage suite's webhook process, while the other suites' connections came and went). Below the
 * range only another listener can take it.
 * @returns {Promise<number>}
 */
async function freePort() {
	const high = ephemeralPortsFrom() - 1;
	const low = Math.max(1_024, high - 12_000);
	for (let attempt = 0; attempt < 100; attempt++) {
		const port = low + Math.floor(Math.random() * (high - low + 1));
		if (await portIsFree(port)) return port;
	}
	throw new Error(`no free port found between ${low} and ${high}`);
}

/** @param {number} ms */
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long a poll waits before its next look: 200 ms at first, half as long again each time, at most 2 s. A look
 * that reads executions starts a Node.js 24 process (about 40 ms of CPU: Node 20 has no node:sqlite), so a long
 * wait (a catch-up's one-minute poll, a vendor's retry) looks every 2 s instead of five times a second, and a short
 * one still ends within a few hundred milliseconds.
 * @param {number} attempt 0 for the first wait
 */
const pollDelay = (attempt) => Math.min(2_000, Math.round(200 * 1.5 ** attempt));

/**
 * Asks `check` until it returns true or `timeoutMs` has passed, waiting pollDelay between looks; whether it did.
 * @param {() => boolean | Promise<boolean>} check
 * @param {number} timeoutMs
 * @returns {Promise<boolean>}
 */
async function pollUntil(check, timeoutMs) {
	const started = Date.now();
	for (let attempt = 0; Date.now() - started < timeoutMs; attempt++) {
		if (await check()) return true;
		await delay(pollDelay(attempt));
	}
	return false;
}

/** The owner account every test n8n is set up with (session()). */
const OWNER = { email: 'e2e@example.com', password: 'E2e-owner-Passw0rd' };

/** @param {string} n8nVersion e.g. "1.123.81" → 1 */
const majorOf = (n8nVersion) => Number(n8nVersion.split('.')[0]);

/**
 * Links this repository into an n8n user folder the way n8n finds community packages
 * (`<user folder>/.n8n/nodes/node_modules/<package name>`). `dist/` must be built.
 * @param {string} userFolder
 */
function linkPackage(userFolder, extraPackages = []) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	// other community packages beside ours (the bench's minimal trigger): linked the same way
	for (const dir of extraPackages) {
		const name = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name;
		const link = path.join(nodesDir, 'node_modules', name);
		fs.mkdirSync(path.dirname(link), { recursive: true });
		fs.rmSync(link, { force: true, recursive: true });
		fs.symlinkSync(dir, link, 'dir');
	}
	const target = path.join(nodesDir, 'node_modules', packageJson.name);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify(
				{ name: 'installed-nodes', private: true, dependencies: { [packageJson.name]: '*' } },
				null,
				2,
			),
		);
	}
	fs.rmSync(target, { force: true, recursive: true });
	fs.symlinkSync(repoRoot, target, 'dir');
}

/**
 * One n8n process (`n8n start` by default) with its own user folder and ports. For queue mode, several share a
 * user folder and a PostgreSQL database (given in `env`): `n8n start` (main), `n8n webhook`, `n8n worker`.
 */
class N8n {
	/**
	 * @param {object} [options]
	 * @param {string} [options.userFolder] kept after stop() when given; a temporary one is removed
	 * @param {number} [options.port]
	 * @param {Record<string, string>} [options.env] extra environment
	 * @param {(line: string) => void} [options.log] receives n8n's output lines
	 * @param {string[]} [options.extraPackages] folders of further community packages to link (the bench's)
	 * @param {boolean} [options.linkRepo] link this repository into the user folder (default); false when the
	 *   test installed the package there itself, e.g. from a tarball
	 * @param {boolean} [options.background] don't keep the parent process alive for n8n (tests): n8n is killed
	 *   when the parent exits, so a test run that forgot to stop it still ends
	 * @param {'start' | 'webhook' | 'worker'} [options.command] the n8n command (default start); a worker's port is
	 *   its health check port (QUEUE_HEALTH_CHECK_PORT)
	 * @param {boolean} [options.online] leave n8n's calls to n8n.io on (default off, see offlineEnv)
	 * @param {string} [options.n8nVersion] another n8n than the default (ensureInstalled), e.g. config.n8nVersion1x
	 * @param {string} [options.nodeVersion] the Node.js that n8n runs on (with n8nVersion)
	 */
	constructor(options = {}) {
		this.paths = ensureInstalled({
			n8nVersion: options.n8nVersion,
			nodeVersion: options.nodeVersion,
		});
		/** n8n's major version: 1.x differs from 2.x in activation, readiness and some defaults */
		this.major = majorOf(this.paths.n8nVersion);
		this.ownsUserFolder = !options.userFolder;
		this.userFolder = options.userFolder || fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		this.port = options.port || 0;
		this.extraEnv = options.env || {};
		this.log = options.log || (() => {});
		this.background = options.background ?? false;
		this.linkRepo = options.linkRepo ?? true;
		/** @type {string[]} folders of further community packages to link beside ours */
		this.extraPackages = options.extraPackages ?? [];
		this.command = options.command || 'start';
		/** start from the migrated database of templateFolder() when the user folder has none (sqlite only) */
		this.seed = true;
		/** whether n8n may call n8n.io's services (npm run dev when online); tests never do */
		this.online = options.online ?? false;
		/** @type {import('node:child_process').ChildProcess | undefined} */
		this.child = undefined;
		/**
		 * everything n8n printed, for assertions (e.g. that no secret was logged); on n8n 1.x also n8n's answer to
		 * an activation it refused (1.x reports that to whoever activates, 2.x in its log: see publish())
		 */
		this.output = '';
		/** where this.output stood when the last start() began */
		this.startedAt = 0;
		this.brokerPort = 0;
		/** @type {{ stopping: number, stopped: number, ready: number } | undefined} */
		this.lastRestart = undefined;
		/** @type {Promise<string> | undefined} the owner's session cookie, once set up (session()) */
		this.sessionCookie = undefined;
		/**
		 * every credential imported, by the id the caller gave: the id n8n holds it under (the same one through the
		 * CLI, the one n8n chose through its REST API while running)
		 * @type {Map<string, string>}
		 */
		this.credentialIds = new Map();
		/**
		 * every credential value this instance was given that must never be seen again (importCredentials(),
		 * watchSecret()): stop() looks for them in n8n's output, the stored executions and the workflows' static data
		 * @type {Set<string>}
		 */
		this.secretValues = new Set();
		/** @type {N8n[]} processes sharing this one's database (queue mode) whose output is audited with it */
		this.siblings = [];
	}

	/**
	 * Adds a value the audit in stop() must not find anywhere (e.g. a secret a test generated itself).
	 * @param {string} value
	 */
	watchSecret(value) {
		if (typeof value === 'string' && value.length >= MIN_AUDITED_SECRET)
			this.secretValues.add(value);
	}

	/**
	 * Where the watched secrets appear: n8n's output (this process and its siblings), the stored execution data
	 * and the workflows' static data. Each in plain, URL-encoded and JSON-escaped form. Never returns a secret
	 * itself, only its length and where it was found.
	 * @returns {Promise<string[]>}
	 */
	async findLeaks() {
		if (this.secretValues.size === 0) return [];
		const places = {
			'n8n output': [this.output, ...this.siblings.map((p) => p.output)].join('\n'),
			...JSON.parse(await this.queryStoredText()),
		};
		const leaks = [];
		for (const secret of this.secretValues) {
			const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
			for (const [place, text] of Object.entries(places)) {
				if (forms.some((form) => text.includes(form)))
					leaks.push(`a ${secret.length}-character credential value appears in ${place}`);
			}
		}
		return leaks;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** @param {string} webhookPath `<webhookId>/<path>` */
	webhookUrl(webhookPath) {
		return `${this.baseUrl}/webhook/${webhookPath}`;
	}

	get databaseFile() {
		return path.join(this.userFolder, '.n8n', 'database.sqlite');
	}

	/** The environment every n8n command of this instance runs with. */
	env() {
		return {
			...process.env,
			PATH: `${this.paths.nodeBinDir}${path.delimiter}${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			// The URLs n8n shows and hands to webhookMethods (registered with vendors) are the ones it listens on.
			WEBHOOK_URL: `http://127.0.0.1:${this.port}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			...(this.online ? {} : offlineEnv(this.paths.n8nVersion)),
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_SECURE_COOKIE: 'false',
			// The e2e tests and the dev server expect community packages in the user folder to load.
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LOG_OUTPUT: 'console',
			// jest sets NODE_ENV=test, under which n8n exits at once without a word.
			NODE_ENV: 'production',
			...(this.major < 2
				? {
						// 1.x's sqlite default (no pool, no WAL) locks readers out while it writes, and executions()
						// reads from another process while n8n runs; with a pool 1.x uses WAL, as 2.x does by default
						DB_SQLITE_POOL_SIZE: '2',
						// 1.x keeps binary data in memory by default, 2.x on disk: the same for both
						N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
					}
				: {}),
			...(this.command === 'worker'
				? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port) }
				: {}),
			...this.extraEnv,
		};
	}

	/**
	 * Copies the migrated database and its config of templateFolder() into a user folder that has no database yet,
	 * when one was made (ensureUserFolderTemplate) and n8n keeps its data in sqlite (not queue mode's PostgreSQL).
	 */
	seedUserFolder() {
		if (!this.seed || (this.extraEnv.DB_TYPE ?? process.env.DB_TYPE ?? 'sqlite') !== 'sqlite')
			return;
		const dotN8n = path.join(this.userFolder, '.n8n');
		if (fs.existsSync(path.join(dotN8n, 'database.sqlite'))) return;
		const template = templateFolder(this.paths);
		if (!fs.existsSync(template)) return;
		fs.mkdirSync(dotN8n, { recursive: true });
		for (const file of fs.readdirSync(template))
			fs.copyFileSync(path.join(template, file), path.join(dotN8n, file));
	}

	/** Starts `n8n <command>` and resolves once /healthz/readiness answers 200. */
	async start({ timeoutMs = 180_000 } = {}) {
		this.seedUserFolder();
		if (!this.port) this.port = await freePort();
		this.brokerPort = await freePort();
		if (this.linkRepo) linkPackage(this.userFolder, this.extraPackages);
		this.startedAt = this.output.length;
		const child = spawn(this.paths.node, [this.paths.n8nBin, this.command], {
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.child = child;
		const onData = (/** @type {Buffer} */ chunk) => {
			const text = chunk.toString();
			this.output += text;
			for (const line of text.split('\n')) if (line.trim()) this.log(line);
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		if (this.background) {
			child.unref();
			/** @type {any} */ (child.stdout)?.unref?.();
			/** @type {any} */ (child.stderr)?.unref?.();
			const kill = () => child.kill('SIGKILL');
			process.once('exit', kill);
			child.once('exit', () => process.removeListener('exit', kill));
		}
		const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
		const started = Date.now();
		while (Date.now() - started < timeoutMs) {
			const code = await Promise.race([exited, delay(500).then(() => 'running')]);
			if (code !== 'running') {
				throw new Error(
					`n8n exited with code ${code} before it was ready:\n${this.output.slice(-4000)}`,
				);
			}
			if (await this.isReady()) return this;
		}
		await this.stop();
		throw new Error(`n8n was not ready after ${timeoutMs} ms:\n${this.output.slice(-4000)}`);
	}

	/**
	 * Whether n8n is ready: /healthz/readiness answers 200. n8n 2.x answers so only once it is fully started;
	 * 1.x as soon as its database is migrated, seconds before its REST API, its community packages and its
	 * active workflows' webhooks are up, so for `n8n start` on 1.x the line it prints then is awaited too.
	 */
	async isReady() {
		try {
			const response = await fetch(`${this.baseUrl}/healthz/readiness`);
			if (response.status !== 200) return false;
		} catch {
			return false;
		}
		if (this.major >= 2 || this.command !== 'start') return true;
		return this.output.slice(this.startedAt).includes('Editor is now accessible via');
	}

	/**
	 * Stops n8n (SIGTERM, then SIGKILL after `graceMs`) and removes a temporary user folder (unless
	 * `keepUserFolder`).
	 * @param {{ graceMs?: number, audit?: boolean, keepUserFolder?: boolean }} [options]
	 */
	async stop({ graceMs = 20_000, audit = true, keepUserFolder = false } = {}) {
		const child = this.child;
		this.child = undefined;
		if (child && child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
			await exited;
			clearTimeout(timer);
		}
		const leaks = audit ? await this.findLeaks().catch((error) => [`audit failed: ${error}`]) : [];
		if (this.ownsUserFolder && !keepUserFolder && !process.env.KEEP_N8N_USER_FOLDER) {
			fs.rmSync(this.userFolder, { recursive: true, force: true });
		}
		if (leaks.length) reportLeaks(leaks);
	}

	/**
	 * Restarts n8n as an operator does: SIGTERM, n8n's own graceful shutdown (it waits for its executions up to
	 * N8N_GRACEFUL_SHUTDOWN_TIMEOUT, 30 s, then exits; SIGKILL only after 90 s, as systemd would), then the same
	 * command again on the same port and user folder. `whileStopped` runs between the two (e.g. a vendor
	 * simulator changing state while n8n is down).
	 * @param {() => Promise<void> | void} [whileStopped]
	 */
	async restart(whileStopped) {
		const owns = this.ownsUserFolder;
		this.ownsUserFolder = false;
		/** when it was told to stop, when it had exited, when it was ready again (ms since the epoch) */
		this.lastRestart = { stopping: Date.now(), stopped: 0, ready: 0 };
		try {
			await this.stop({ graceMs: 90_000, audit: false });
		} finally {
			this.ownsUserFolder = owns;
		}
		this.lastRestart.stopped = Date.now();
		if (whileStopped) await whileStopped();
		await this.start();
		this.lastRestart.ready = Date.now();
		return this;
	}

	/**
	 * Runs an n8n CLI command against this instance's user folder and database (about 3 s each).
	 * n8n 1.x has no `publish:workflow` / `unpublish:workflow`: for those two (`--id=<id>`) it does what
	 * publish() / unpublish() do there, so callers write the 2.x command for both.
	 * @param {string[]} args
	 * @returns {Promise<string>} stdout
	 */
	async cli(args) {
		const [command, ...flags] = args;
		if (this.major < 2 && (command === 'publish:workflow' || command === 'unpublish:workflow')) {
			const id = flags.find((flag) => flag.startsWith('--id='))?.slice('--id='.length);
			if (!id || flags.length !== 1)
				throw new Error(
					`n8n ${this.paths.n8nVersion}: ${args.join(' ')} is a 2.x command; only --id=<id> has a 1.x equivalent here`,
				);
			if (command === 'publish:workflow') await this.publish(id);
			else await this.unpublish(id);
			return '';
		}
		return await this.runCli(args);
	}

	/**
	 * Runs an n8n CLI command as given, whatever the version (cli() without the 1.x translation).
	 * @param {string[]} args
	 * @returns {Promise<string>} stdout
	 */
	runCli(args) {
		this.seedUserFolder();
		return new Promise((resolve, reject) => {
			execFile(
				this.paths.node,
				[this.paths.n8nBin, ...args],
				{ env: this.env(), maxBuffer: 64 * 1024 * 1024 },
				(error, stdout, stderr) => {
					if (error)
						reject(
							new Error(`n8n ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`),
						);
					else resolve(stdout);
				},
			);
		});
	}

	/**
	 * Imports workflows and publishes (activates) those with `active: true`. Each workflow needs a fixed `id`.
	 * While n8n 2.x runs, through its REST API as the editor's import does (one request each; 2.x keeps the
	 * given ids, 1.x does not); otherwise in one CLI call (an n8n process of several seconds). Credential ids in the nodes are
	 * those given to importCredentials() (see credentialId()).
	 * @param {Array<Record<string, any>>} workflows
	 */
	async importWorkflows(workflows) {
		const inactive = workflows.map((w) => ({
			...w,
			active: false,
			nodes: (w.nodes ?? []).map((/** @type {Record<string, any>} */ node) =>
				this.withCredentialIds(node),
			),
		}));
		// n8n's REST create drops static data: a workflow that brings some goes through the CLI
		if (this.child && this.major >= 2 && inactive.every((w) => !w.staticData)) {
			for (const workflow of inactive) await this.putWorkflow(workflow);
		} else {
			const file = path.join(
				this.userFolder,
				`import-${Date.now()}-${Math.random().toString(36).slice(2)}.json`,
			);
			fs.writeFileSync(file, JSON.stringify(inactive));
			await this.runCli(['import:workflow', `--input=${file}`]);
			fs.rmSync(file, { force: true });
		}
		for (const workflow of workflows) {
			if (workflow.active) await this.publish(workflow.id);
		}
	}

	/**
	 * Creates a workflow with its id through the REST API, or replaces the one with that id (as the CLI import
	 * does).
	 * @param {Record<string, any>} workflow
	 */
	async putWorkflow(workflow) {
		let answer = await this.rest('POST', '/rest/workflows', workflow);
		if (answer.status === 400 && /exists already/.test(String(answer.body?.message))) {
			const current = await this.rest('GET', `/rest/workflows/${workflow.id}`);
			answer = await this.rest('PATCH', `/rest/workflows/${workflow.id}`, {
				...workflow,
				versionId: current.body?.data?.versionId,
			});
		}
		if (answer.status !== 200 || answer.body?.data?.id !== workflow.id)
			throw new Error(
				`importing workflow ${workflow.id}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`,
			);
	}

	/**
	 * A node whose credential references carry the ids n8n gave them (credentialId()).
	 * @param {Record<string, any>} node
	 */
	withCredentialIds(node) {
		if (!node.credentials) return node;
		const credentials = Object.fromEntries(
			Object.entries(node.credentials).map(([type, reference]) => [
				type,
				reference && typeof reference === 'object' && typeof reference.id === 'string'
					? { ...reference, id: this.credentialId(reference.id) }
					: reference,
			]),
		);
		return { ...node, credentials };
	}

	/**
	 * The id n8n holds a credential under: the one given to importCredentials() before start() (the CLI keeps
	 * it), or the one n8n chose when it was created through the REST API while running.
	 * @param {string} id the id given to importCredentials()
	 * @returns {string}
	 */
	credentialId(id) {
		return this.credentialIds.get(id) ?? id;
	}

	/**
	 * Publishes (2.x) or activates (1.x) a workflow. While n8n runs, the way its editor does (setActive): at once,
	 * and a refusal (e.g. a trigger's activation error) comes back in the answer, which the editor shows; it is
	 * added to `output`, marked as such, beside what n8n logs. Before start(): 2.x `n8n publish:workflow`; 1.x
	 * `update:workflow --active=true`, which n8n applies when it starts.
	 * @param {string} id
	 */
	async publish(id) {
		if (this.child) await this.setActive(id, true);
		else if (this.major >= 2) await this.runCli(['publish:workflow', `--id=${id}`]);
		else await this.runCli(['update:workflow', `--id=${id}`, '--active=true']);
	}

	/**
	 * Unpublishes (2.x) or deactivates (1.x) a workflow (see publish()).
	 * @param {string} id
	 */
	async unpublish(id) {
		if (this.child) await this.setActive(id, false);
		else if (this.major >= 2) await this.runCli(['unpublish:workflow', `--id=${id}`]);
		else await this.runCli(['update:workflow', `--id=${id}`, '--active=false']);
	}

	/**
	 * Switches a workflow on or off in a running n8n as its editor does, as the owner: 2.x publishes the current
	 * version (POST /rest/workflows/:id/activate with its versionId; /deactivate), 1.x flips the switch of a
	 * workflow in the list (PATCH /rest/workflows/:id with its versionId and `active`). One REST call instead of a
	 * CLI process (an n8n start of several seconds) per workflow.
	 * @param {string} id
	 * @param {boolean} active
	 */
	async setActive(id, active) {
		const workflow = await this.rest('GET', `/rest/workflows/${id}`);
		if (workflow.status !== 200)
			throw new Error(
				`reading workflow ${id}: ${workflow.status} ${JSON.stringify(workflow.body)}`,
			);
		const { versionId } = workflow.body.data;
		const answer =
			this.major >= 2
				? await this.rest(
						'POST',
						`/rest/workflows/${id}/${active ? 'activate' : 'deactivate'}`,
						active ? { versionId } : {},
					)
				: await this.rest('PATCH', `/rest/workflows/${id}`, { versionId, active });
		if (answer.status === 200) return;
		const reason = answer.body?.message ?? JSON.stringify(answer.body);
		if (!active) throw new Error(`deactivating workflow ${id}: ${answer.status} ${reason}`);
		const line = `[n8n ${this.paths.n8nVersion} refused to activate workflow ${id}: ${answer.status}] ${reason}`;
		this.output += `${line}\n`;
		this.log(line);
	}

	/**
	 * Unpublishes (2.x) or deactivates (1.x) every active workflow, as the editor's switch does (each trigger's
	 * webhook is deleted at its vendor): a test file whose blocks share one n8n ends a block with it, before that
	 * block stops the vendor simulators its workflows poll or registered with.
	 */
	async unpublishAll() {
		const list = await this.rest('GET', '/rest/workflows');
		if (list.status !== 200)
			throw new Error(`listing workflows: ${list.status} ${JSON.stringify(list.body)}`);
		for (const workflow of list.body.data ?? [])
			if (workflow.active || workflow.activeVersionId) await this.setActive(workflow.id, false);
	}

	/**
	 * The editor's session cookie for this instance: sets up the owner account on the first call (a new n8n has
	 * none), as the first visit to the editor does.
	 * @returns {Promise<string>}
	 */
	session() {
		if (!this.sessionCookie) {
			this.sessionCookie = (async () => {
				const setup = await fetch(`${this.baseUrl}/rest/owner/setup`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ ...OWNER, firstName: 'E2e', lastName: 'Owner' }),
				});
				if (!setup.ok) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
				return (setup.headers.get('set-cookie') ?? '').split(';')[0];
			})();
			this.sessionCookie.catch(() => (this.sessionCookie = undefined));
		}
		return this.sessionCookie;
	}

	/**
	 * A new session for the owner set up by session(), as the editor's sign-in form gets one.
	 * @returns {Promise<string>}
	 */
	async login() {
		const answer = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				emailOrLdapLoginId: OWNER.email,
				password: OWNER.password,
			}),
		});
		if (!answer.ok) throw new Error(`login failed: ${answer.status} ${await answer.text()}`);
		return (answer.headers.get('set-cookie') ?? '').split(';')[0];
	}

	/**
	 * One call to n8n's REST API (the editor's) as the owner.
	 * @param {string} method
	 * @param {string} route e.g. /rest/workflows/abc
	 * @param {unknown} [body] sent as JSON
	 * @returns {Promise<{ status: number, body: any }>}
	 */
	async rest(method, route, body) {
		const send = async () =>
			fetch(`${this.baseUrl}${route}`, {
				method,
				headers: {
					cookie: await this.session(),
					...(body === undefined ? {} : { 'content-type': 'application/json' }),
				},
				...(body === undefined ? {} : { body: JSON.stringify(body) }),
			});
		let response = await send();
		if (response.status === 401) {
			// the editor's answer to a session n8n no longer accepts is its login page: log in again, once
			const refused = await response.text();
			this.log(`${method} ${route} answered 401 (${refused.slice(0, 200)}): logging in again`);
			this.sessionCookie = this.login();
			response = await send();
		}
		const text = await response.text();
		let parsed;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
		return { status: response.status, body: parsed };
	}

	/**
	 * Imports credentials (plain `data` objects; n8n encrypts them with this instance's key).
	 * @param {Array<{id: string, name: string, type: string, data: Record<string, unknown>}>} credentials
	 */
	async importCredentials(credentials) {
		for (const { data } of credentials)
			for (const [field, value] of Object.entries(data))
				if (SECRET_FIELDS.has(field)) this.watchSecret(/** @type {string} */ (value));
		if (this.child) {
			for (const credential of credentials) await this.putCredential(credential);
			return;
		}
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials));
		try {
			await this.cli(['import:credentials', `--input=${file}`]);
			for (const { id } of credentials) this.credentialIds.set(id, id);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/**
	 * Creates a credential through the REST API as the editor's dialog does (n8n chooses its id: credentialId()
	 * maps the given one), or updates the one imported under that id before (through the CLI or this API).
	 * @param {{id: string, name: string, type: string, data: Record<string, unknown>}} credential
	 */
	async putCredential({ id, name, type, data }) {
		const known = this.credentialIds.get(id);
		const answer = known
			? await this.rest('PATCH', `/rest/credentials/${known}`, { name, type, data })
			: await this.rest('POST', '/rest/credentials', { name, type, data });
		const created = answer.body?.data?.id;
		if (answer.status !== 200 || typeof created !== 'string')
			throw new Error(
				`importing credential ${id} (${type}): ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`,
			);
		if (!known) this.credentialIds.set(id, created);
	}

	/**
	 * Waits until n8n has registered a production webhook (2.x picks published workflows up within seconds,
	 * without a restart; 1.x activates at once, see publish()). Probes with PUT, which none of our triggers listens to: before registration n8n
	 * answers that the path is not registered, after it that the path is not registered *for PUT*. So the probe
	 * starts no execution.
	 * @param {string} url
	 * @param {{timeoutMs?: number}} [options]
	 */
	async waitForWebhook(url, { timeoutMs = 30_000 } = {}) {
		const started = Date.now();
		while (Date.now() - started < timeoutMs) {
			const response = await fetch(url, { method: 'PUT' }).catch(() => undefined);
			const text = response ? await response.text() : '';
			if (response && (response.status !== 404 || /registered for PUT/.test(text))) return;
			await delay(250);
		}
		throw new Error(`webhook ${url} was not registered after ${timeoutMs} ms`);
	}

	/**
	 * Reads executions (newest last) with the items each node produced (`pending`: the input of nodes that had not
	 * run yet, from the execution stack), straight from n8n's database: sqlite
	 * through Node 24's built-in sqlite (our own tests run on the machine's Node 20, which has none), or
	 * PostgreSQL (queue mode, DB_TYPE=postgresdb in `env`) through n8n's own `pg` client.
	 * @param {{workflowId?: string, finished?: boolean}} [filter] `finished`: only those no longer new or running
	 * @returns {Promise<Array<{id: number, workflowId: string, status: string, mode: string, error: string | null, items: Record<string, any[]>, pending: Record<string, any[]>, binaries: Record<string, any[]>}>>}
	 */
	async executions(filter = {}) {
		return JSON.parse(await this.queryExecutions({ ...filter, count: false }));
	}

	/**
	 * Counts executions without reading their data (cheap enough to poll while thousands arrive).
	 * @param {{workflowId?: string, finished?: boolean}} [filter]
	 * @returns {Promise<number>}
	 */
	async countExecutions(filter = {}) {
		return Number(await this.queryExecutions({ ...filter, count: true }));
	}

	/**
	 * Runs the executions query in a Node 24 process (see executions()); prints JSON.
	 * @param {{workflowId?: string, finished?: boolean, count: boolean}} query
	 * @returns {Promise<string>}
	 */
	queryExecutions(query) {
		const script = `
			const modules = ${JSON.stringify(path.join(this.paths.n8nHome, 'node_modules'))};
			const query = JSON.parse(process.argv[2]);
			const postgres = process.env.DB_TYPE === 'postgresdb';
			const params = [];
			const where = [];
			if (query.workflowId) { params.push(query.workflowId); where.push('e."workflowId" = ' + (postgres ? '$1' : '?')); }
			if (query.finished) where.push("e.status NOT IN ('new', 'running')");
			const condition = where.length ? ' WHERE ' + where.join(' AND ') : '';
			const sql = query.count
				? 'SELECT count(*) AS n FROM execution_entity e' + condition
				: 'SELECT e.id, e."workflowId", e.status, e.mode, d.data FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id' + condition + ' ORDER BY e.id';
			const read = async () => {
				if (!postgres) {
					const { DatabaseSync } = require('node:sqlite');
					return new DatabaseSync(process.argv[1], { readOnly: true }).prepare(sql).all(...params);
				}
				const { Client } = require(modules + '/pg');
				const client = new Client({ host: process.env.DB_POSTGRESDB_HOST, port: Number(process.env.DB_POSTGRESDB_PORT || 5432),
					database: process.env.DB_POSTGRESDB_DATABASE, user: process.env.DB_POSTGRESDB_USER, password: process.env.DB_POSTGRESDB_PASSWORD });
				await client.connect();
				try { return (await client.query(sql, params)).rows.map((r) => ({ ...r, id: Number(r.id) })); } finally { await client.end(); }
			};
			read().then((rows) => {
				if (query.count) return process.stdout.write(String(Number(rows[0].n)));
				const { parse } = require(modules + '/flatted');
				const out = [];
				for (const row of rows) {
					const items = {};
					const binaries = {};
					let error = null;
					if (row.data) {
						const resultData = parse(row.data).resultData ?? {};
						error = resultData.error?.message ?? null;
						for (const [node, runs] of Object.entries(resultData.runData ?? {})) {
							const output = runs[0]?.data?.main?.[0] ?? [];
							items[node] = output.map((item) => item.json);
							binaries[node] = output.map((item) =>
								Object.fromEntries(Object.entries(item.binary ?? {}).map(([key, b]) => [key, { fileName: b.fileName, mimeType: b.mimeType, fileSize: b.fileSize }])),
							);
						}
					}
					// an execution that never ran (left new, or crashed before its first node) holds the trigger's output only
					// as input waiting on its execution stack
					const pending = {};
					if (row.data) {
						for (const entry of parse(row.data).executionData?.nodeExecutionStack ?? []) {
							const input = entry?.data?.main?.[0] ?? [];
							if (entry?.node?.name) pending[entry.node.name] = input.map((item) => item.json);
						}
					}
					out.push({ id: row.id, workflowId: row.workflowId, status: row.status, mode: row.mode, error, items, pending, binaries });
				}
				process.stdout.write(JSON.stringify(out));
			});
		`;
		return new Promise((resolve, reject) => {
			const postgres = this.extraEnv.DB_TYPE === 'postgresdb';
			if (!postgres && !fs.existsSync(this.databaseFile)) return resolve(query.count ? '0' : '[]');
			execFile(
				this.paths.node,
				['-e', script, this.databaseFile, JSON.stringify(query)],
				{
					env: { ...process.env, ...this.extraEnv, NODE_NO_WARNINGS: '1' },
					maxBuffer: 1024 * 1024 * 1024,
				},
				(error, stdout, stderr) => {
					if (error)
						return reject(new Error(`reading executions failed: ${error.message}\n${stderr}`));
					resolve(stdout);
				},
			);
		});
	}

	/**
	 * Everything n8n stored that a user or another workflow can read back: the executions' data and the
	 * workflows' static data (readable through the workflow API and `n8n export:workflow`), as one JSON object
	 * of place → text. Read in a Node 24 process, as queryExecutions() does.
	 * @returns {Promise<string>}
	 */
	queryStoredText() {
		const script = `
			const modules = ${JSON.stringify(path.join(this.paths.n8nHome, 'node_modules'))};
			const postgres = process.env.DB_TYPE === 'postgresdb';
			const queries = {
				'stored executions': 'SELECT data AS text FROM execution_data',
				'workflow static data': 'SELECT "staticData" AS text FROM workflow_entity',
			};
			const read = async () => {
				const out = {};
				if (!postgres) {
					const { DatabaseSync } = require('node:sqlite');
					const db = new DatabaseSync(process.argv[1], { readOnly: true });
					for (const [place, sql] of Object.entries(queries))
						out[place] = db.prepare(sql).all().map((r) => String(r.text ?? '')).join('\\n');
					return out;
				}
				const { Client } = require(modules + '/pg');
				const client = new Client({ host: process.env.DB_POSTGRESDB_HOST, port: Number(process.env.DB_POSTGRESDB_PORT || 5432),
					database: process.env.DB_POSTGRESDB_DATABASE, user: process.env.DB_POSTGRESDB_USER, password: process.env.DB_POSTGRESDB_PASSWORD });
				await client.connect();
				try {
					for (const [place, sql] of Object.entries(queries))
						out[place] = (await client.query(sql)).rows.map((r) => typeof r.text === 'string' ? r.text : JSON.stringify(r.text ?? '')).join('\\n');
					return out;
				} finally { await client.end(); }
			};
			read().then((out) => process.stdout.write(JSON.stringify(out)));
		`;
		return new Promise((resolve, reject) => {
			const postgres = this.extraEnv.DB_TYPE === 'postgresdb';
			if (!postgres && !fs.existsSync(this.databaseFile)) return resolve('{}');
			execFile(
				this.paths.node,
				['-e', script, this.databaseFile],
				{
					env: { ...process.env, ...this.extraEnv, NODE_NO_WARNINGS: '1' },
					maxBuffer: 1024 * 1024 * 1024,
				},
				(error, stdout, stderr) => {
					if (error)
						return reject(new Error(`reading stored data failed: ${error.message}\n${stderr}`));
					resolve(stdout);
				},
			);
		});
	}

	/**
	 * Waits until a workflow has at least `count` finished executions and returns them (polls the count, reads
	 * the executions once).
	 * @param {string} workflowId
	 * @param {number} count
	 * @param {number} [timeoutMs]
	 */
	async waitForExecutions(workflowId, count, timeoutMs = 30_000) {
		let finished = 0;
		const counted = async () =>
			(finished = await this.countExecutions({ workflowId, finished: true })) >= count;
		if (await pollUntil(counted, timeoutMs))
			return await this.executions({ workflowId, finished: true });
		throw new Error(
			`workflow ${workflowId} has ${finished} finished executions after ${timeoutMs} ms, expected ${count}`,
		);
	}
}

/** Credential fields whose values must never appear in a log line, an execution or static data. */
const SECRET_FIELDS = new Set([
	'password',
	'privateKey',
	'apiKey',
	'apiToken',
	'platformToken',
	'sessionToken',
	'secret',
]);
/** Shorter values (test placeholders like "x") would match by chance. */
const MIN_AUDITED_SECRET = 8;

/**
 * Reports credential values found where they must not be. Under jest the e2e projects' global setup names a
 * file (N8N_E2E_LEAK_REPORT) that their global teardown reads and fails the run on; elsewhere (npm run dev, the
 * bench) it is a warning on stderr.
 * @param {string[]} leaks
 */
function reportLeaks(leaks) {
	const text = leaks.map((leak) => `[n8n leak audit] ${leak}`).join('\n');
	process.stderr.write(`${text}\n`);
	if (process.env.N8N_E2E_LEAK_REPORT)
		fs.appendFileSync(process.env.N8N_E2E_LEAK_REPORT, `${text}\n`);
}

/** @type {Map<string, number> | undefined} */
let builtNodeVersions;

/**
 * The version n8n adds one of this package's nodes at (each has one), read from the built dist/ n8n loads, by
 * the node's full type (`n8n-nodes-translation-events.gengoTrigger`). Shared by the e2e harness and the bench.
 * @param {string} type
 * @returns {number}
 */
function packageNodeVersion(type) {
	if (!builtNodeVersions) {
		builtNodeVersions = new Map(
			packageJson.n8n.nodes.map((/** @type {string} */ file) => {
				const NodeType = Object.values(require(path.join(repoRoot, file)))[0];
				const { name, version } = new NodeType().description;
				return [`${packageJson.name}.${name}`, version];
			}),
		);
	}
	const version = builtNodeVersions.get(type);
	if (version === undefined) throw new Error(`${type} is not a node of this package's dist/`);
	return version;
}

module.exports = {
	N8n,
	packageNodeVersion,
	ensureUserFolderTemplate,
	withWebhookIds,
	ensureInstalled,
	offlineEnv,
	n8nServicesReachable,
	freePort,
	portIsFree,
	linkPackage,
	repoRoot,
	delay,
	pollUntil,
};
