/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * The upload cells of `npm run bench`, bundled by bench/run.js: per vendor, the node operation that sends a file
 * (its parameters besides the file), the credential, and the vendor's simulator (test/simulators) it sends to.
 * The simulator is reached through a counting proxy in this process, so the bench sees, for every vendor alike,
 * how many requests carried the file and how many bytes arrived, without knowing how each simulator records it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { BeeboxSimulator } from '../test/simulators/beebox';
import { GengoSimulator } from '../test/simulators/gengo';
import { PhraseSimulator } from '../test/simulators/phrase';
import { SmartcatSimulator } from '../test/simulators/smartcat';

export interface UploadCell {
	/** the vendor as the README names it */
	vendor: string;
	/** the node's name in the package (`<package>.<node>`) */
	node: string;
	resource: string;
	operation: string;
	/** the operation's parameters besides resource, operation and the binary property (`data`) */
	parameters: Record<string, unknown>;
	credentialType: string;
	/** starts the vendor's simulator; `credential` is the credential's data for an API root at `root` */
	start(): Promise<{
		root: string;
		credential(root: string): Record<string, unknown>;
		stop(): Promise<void>;
	}>;
}

// a simulator's account, made up per run
const BEEBOX_ACCOUNT = { login: 'bench-connector', password: randomBytes(12).toString('hex') };
const BEEBOX_PROJECT = 'b3c0e4d2-5b1f-4f8e-9d3a-2c6b8e1f0a11';
const GENGO_KEYS = { publicKey: 'bench-public', privateKey: randomBytes(12).toString('hex') };
const SMARTCAT_ACCOUNT = { accountId: 'bench-account', apiKey: randomBytes(12).toString('hex') };
const PHRASE_USER = { userName: 'bench.pm', password: randomBytes(12).toString('hex') };
const PHRASE_PROJECT = 'Bench0Project0Uid000001';

/** A resource locator's value by id, as n8n stores it in a workflow. */
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const uploadCells: UploadCell[] = [
	{
		vendor: 'Gengo',
		node: 'gengo',
		resource: 'order',
		operation: 'create',
		parameters: {
			content: 'file',
			sourceLanguage: byId('en'),
			targetLanguage: byId('ja'),
			tier: byId('standard'),
			callback: 'none',
			options: {},
		},
		credentialType: 'gengoApi',
		async start() {
			const gengo = await new GengoSimulator({ ...GENGO_KEYS, jobs: [] }).start();
			return {
				root: gengo.url,
				credential: (root) => ({
					...GENGO_KEYS,
					environment: 'custom',
					baseUrl: `${root}${gengo.baseUrl.slice(gengo.url.length)}`,
				}),
				stop: async () => await gengo.stop(),
			};
		},
	},
	{
		vendor: 'Wordbee Beebox',
		node: 'beebox',
		resource: 'file',
		operation: 'sendSource',
		parameters: {
			folder: { mode: 'path', value: '' },
			targetLocales: ['fr'],
		},
		credentialType: 'beeboxApi',
		async start() {
			// a variable, not a literal: simulators of older builds do not know every option
			const options = {
				...BEEBOX_ACCOUNT,
				projectKey: BEEBOX_PROJECT,
				targetLocales: ['fr', 'de'],
			};
			const beebox = await new BeeboxSimulator(options).start();
			return {
				root: beebox.url,
				credential: (root) => ({ serverUrl: root, projectKey: BEEBOX_PROJECT, ...BEEBOX_ACCOUNT }),
				stop: async () => await beebox.stop(),
			};
		},
	},
	{
		vendor: 'Phrase TMS',
		node: 'phrase',
		resource: 'job',
		operation: 'create',
		parameters: { project: byId(PHRASE_PROJECT), targetLangs: ['de'], options: {} },
		credentialType: 'phraseApi',
		async start() {
			// a variable, not a literal: simulators of older builds do not know every option
			const options = {
				...PHRASE_USER,
				projects: { [PHRASE_PROJECT]: [] },
				projectInfo: {
					[PHRASE_PROJECT]: { name: 'Bench project', sourceLang: 'en', targetLangs: ['de', 'fr'] },
				},
			};
			const phrase = await new PhraseSimulator(options).start();
			return {
				root: phrase.url,
				credential: (root) => ({
					region: 'custom',
					baseUrl: `${root}${phrase.baseUrl.slice(phrase.url.length)}`,
					authType: 'password',
					...PHRASE_USER,
				}),
				stop: async () => await phrase.stop(),
			};
		},
	},
	{
		vendor: 'Smartcat',
		node: 'smartcat',
		resource: 'project',
		operation: 'create',
		parameters: {
			projectName: 'Bench project',
			sourceLanguage: 'en',
			targetLanguages: ['de'],
			workflowStages: ['translation'],
			options: {},
		},
		credentialType: 'smartcatApi',
		async start() {
			const smartcat = await new SmartcatSimulator({ ...SMARTCAT_ACCOUNT }).start();
			return {
				root: smartcat.url,
				credential: (root) => ({ ...SMARTCAT_ACCOUNT, server: 'custom', baseUrl: root }),
				stop: async () => await smartcat.stop(),
			};
		},
	},
];

/** One request that passed the proxy: its method, path, and the bytes of its body. */
export interface ProxiedRequest {
	method: string;
	path: string;
	bytes: number;
}

/**
 * An HTTP proxy on 127.0.0.1 in front of `target` that counts each request's body as it streams through
 * (holding none of it).
 */
export async function countingProxy(
	target: string,
): Promise<{ url: string; requests: ProxiedRequest[]; stop(): Promise<void> }> {
	const to = new URL(target);
	const requests: ProxiedRequest[] = [];
	const server: Server = createServer((req, res) => {
		const seen: ProxiedRequest = { method: req.method ?? '', path: req.url ?? '', bytes: 0 };
		requests.push(seen);
		const upstream = request(
			{
				host: to.hostname,
				port: to.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: to.host },
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.on('data', (chunk: Buffer) => (seen.bytes += chunk.length));
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests,
		stop: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
