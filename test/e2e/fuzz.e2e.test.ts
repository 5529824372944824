/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Bad input through a real n8n: for every trigger, the generated malformed deliveries of test/fuzz/cases.ts
 * (wrong types in every field, truncated and deeply nested JSON, injections, missing and duplicated parameters,
 * wrong and missing secrets) sent over HTTP, plus what only HTTP carries: wrong methods and content types, bytes
 * that are not UTF-8, broken percent-encoding, raw truncated bodies, bodies and headers too large, nesting ten
 * thousand deep, duplicated secret headers. Each must be answered 4xx (401 for a secret), start no workflow and
 * leave n8n healthy; nothing n8n logs may contain a secret. One valid delivery per trigger first shows the same
 * workflows do run, so "no execution" means something. n8n runs the legacy expression engine (harness.ts,
 * BULK_SUITE_ENV): what is refused, and how, does not depend on it.
 */
import { request as httpRequest } from 'node:http';

import { beeboxCallbackQuery } from '../fixtures/samples/beebox';
import { gengoCallbackRequest } from '../fixtures/samples/gengo';
import { phraseJobWebhook, phraseSampleJobPart } from '../fixtures/samples/phrase';
import { mapWithConcurrency } from '../../nodes/common/http/concurrency';
import {
	beeboxCases,
	gengoCases,
	phraseCases,
	SECRET,
	smartcatCases,
	type Case,
} from '../fuzz/cases';
import { PATH_TOKEN } from '../helpers/webhookContext';
import {
	BULK_SUITE_ENV,
	eventually,
	RegisteringVendors,
	startN8n,
	triggerWorkflow,
	type N8nInstance,
} from './harness';

const SMARTCAT = { accountId: 'fuzz-account', apiKey: 'fuzz-smartcat-api-key-secret' };
const PHRASE_USER = { userName: 'pm.fuzz', password: 'fuzz-phrase-password-secret' };
const SMARTCAT_CREDENTIAL = { smartcatApi: { id: 'fuzzSmartcatCred', name: 'Smartcat' } };
const PHRASE_CREDENTIAL = { phraseApi: { id: 'fuzzPhraseCred01', name: 'Phrase' } };

/** The Translation Webhook Secret credential of the Beebox and Gengo triggers: its secret is SECRET. */
const SECRET_CREDENTIAL = {
	translationWebhookSecretApi: { id: 'fuzzSecret000001', name: 'Webhook secret' },
};
/** n8n here runs on 127.0.0.1, which Smartcat and Phrase could not reach: the option a test against simulators sets. */
const PRIVATE_URL_ALLOWED = { options: { allowPrivateWebhookUrl: true } };

const workflows = {
	// the secret in the query string, as the trigger is added in the editor
	beebox: triggerWorkflow({
		id: 'fuzzBeebox000001',
		node: 'beeboxTrigger',
		parameters: { fetchDetails: false },
		credentials: SECRET_CREDENTIAL,
	}),
	gengo: triggerWorkflow({
		id: 'fuzzGengo0000001',
		node: 'gengoTrigger',
		credentials: SECRET_CREDENTIAL,
	}),
	gengoToken: triggerWorkflow({
		id: 'fuzzGengoToken01',
		node: 'gengoTrigger',
		parameters: { urlTokenLocation: 'path' },
		credentials: SECRET_CREDENTIAL,
	}),
	smartcat: triggerWorkflow({
		id: 'fuzzSmartcat0001',
		node: 'smartcatTrigger',
		parameters: { ...PRIVATE_URL_ALLOWED, fetchDetails: false },
		credentials: SMARTCAT_CREDENTIAL,
	}),
	phrase: triggerWorkflow({
		id: 'fuzzPhrase000001',
		node: 'phraseTrigger',
		parameters: PRIVATE_URL_ALLOWED,
		credentials: PHRASE_CREDENTIAL,
	}),
};

/** A request as it goes over the wire: any method, repeated headers, raw bytes. */
interface Delivery {
	name: string;
	method: string;
	url: string;
	headers: Record<string, string | string[]>;
	body?: Buffer;
	/**
	 * 401 for a secret, otherwise 4xx; two kinds never reach a trigger: headers or a URL over Node's 16 KiB limit
	 * (its HTTP server answers 431 and may reset the connection before the answer is read), and bodies n8n 2.41
	 * fails to read before any node runs (over its 16 MiB limit, or gzip that is not): it answers those 500.
	 */
	expect: 401 | '4xx' | 'too large for Node' | 'n8n answers 500' | 'refused unread';
}

/** Sends a delivery with node:http (fetch cannot send every method, repeated headers or any bytes). */
function deliver(d: Delivery): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			d.url,
			{
				method: d.method,
				headers: { ...d.headers, ...(d.body ? { 'content-length': String(d.body.length) } : {}) },
				// a connection of its own: Node's global agent keeps sockets alive, and one that n8n closes after
				// its idle timeout just as a delivery goes out gives "socket hang up" (seen once in CI, case #0)
				agent: false,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
				);
				res.on('error', reject);
			},
		);
		req.setTimeout(60_000, () => req.destroy(new Error('no answer after 60 s')));
		req.on('error', reject);
		req.end(d.body);
	});
}

/** Query strings and form bodies the way a sender writes them: repeated names for lists, brackets for objects. */
function formEncode(value: Record<string, unknown>, prefix = ''): string[] {
	const parts: string[] = [];
	for (const [key, v] of Object.entries(value)) {
		const name = prefix ? `${prefix}[${key}]` : key;
		if (v === undefined) continue;
		if (Array.isArray(v)) {
			for (const element of v) {
				if (element && typeof element === 'object')
					parts.push(...formEncode(element as Record<string, unknown>, name));
				else parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(element))}`);
			}
		} else if (v && typeof v === 'object')
			parts.push(...formEncode(v as Record<string, unknown>, name));
		else
			parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(v === null ? '' : String(v))}`);
	}
	return parts;
}

/** A generated case's body as bytes: form-encoded when it says so (or is a plain record of strings), JSON otherwise. */
function encodeBody(contentType: string, body: unknown): Buffer | undefined {
	if (body === undefined) return undefined;
	if (typeof body === 'string' && !contentType.includes('json')) return Buffer.from(body);
	const plainRecord =
		!!body &&
		typeof body === 'object' &&
		!Array.isArray(body) &&
		Object.values(body).every(
			(v) => typeof v === 'string' || (Array.isArray(v) && v.every((e) => typeof e === 'string')),
		);
	if (contentType.includes('form-urlencoded') || (plainRecord && !contentType.includes('json'))) {
		return Buffer.from(
			Array.isArray(body) ? '' : formEncode(body as Record<string, unknown>).join('&'),
		);
	}
	return Buffer.from(JSON.stringify(body));
}

function deepJson(depth: number, kind: 'array' | 'object'): string {
	return kind === 'array'
		? `${'['.repeat(depth)}1${']'.repeat(depth)}`
		: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Byte sequences that are not UTF-8: a lone continuation byte, a cut sequence, overlong, a surrogate, > U+10FFFF. */
const NOT_UTF8 = [
	[0xff],
	[0x80],
	[0xc3, 0x28],
	[0xe2, 0x82],
	[0xc0, 0xaf],
	[0xed, 0xa0, 0x80],
	[0xf4, 0x90, 0x80, 0x80],
	[0xfe, 0xfe, 0xff, 0xff],
].map((b) => Buffer.from(b));
const percent = (bytes: Buffer) =>
	[...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** Replaces the marker text in a valid body with bytes that are not UTF-8. */
function withBytes(body: string, marker: string, bytes: Buffer): Buffer {
	const at = body.indexOf(marker);
	if (at < 0) throw new Error(`marker ${marker} not in body`);
	return Buffer.concat([
		Buffer.from(body.slice(0, at)),
		bytes,
		Buffer.from(body.slice(at + marker.length)),
	]);
}

/**
 * What only HTTP can carry, for a trigger whose valid delivery is given (with MARKER in a text field): wrong
 * methods, bytes that are not UTF-8 (raw and percent-encoded), the body cut at every kind of place, nesting
 * 10,000 and 100,000 deep, bodies over n8n's 16 MiB limit and large garbage below it, headers too large,
 * bodies that say they are compressed or XML or multipart and are not.
 */
const MARKER = 'MARKERxyz';
function httpCases(
	vendor: string,
	valid: Delivery,
	options: { formField?: string; methods: string[] },
): Delivery[] {
	const cases: Delivery[] = [];
	const add = (name: string, change: Partial<Delivery>) =>
		cases.push({ ...valid, name: `${vendor} http: ${name}`, expect: '4xx', ...change });
	const text = valid.body?.toString('latin1') ?? '';
	const contentType = String(valid.headers['content-type'] ?? '');
	for (const method of ['PUT', 'PATCH', 'DELETE', 'GET', 'POST'].filter(
		(m) => !options.methods.includes(m),
	))
		add(`method ${method}`, { method });
	NOT_UTF8.forEach((bytes, i) => {
		if (valid.body) {
			add(`raw bytes not UTF-8 #${i}`, { body: withBytes(text, MARKER, bytes) });
			if (options.formField)
				add(`percent-encoded bytes not UTF-8 #${i}`, {
					body: withBytes(text, MARKER, Buffer.from(percent(bytes))),
				});
		} else
			add(`percent-encoded bytes not UTF-8 in the query #${i}`, {
				url: valid.url.replace(MARKER, percent(bytes)),
			});
	});
	for (const broken of ['%', '%E', '%E2%82', '%ZZ', '%%41']) {
		if (valid.body && options.formField)
			add(`broken percent-encoding ${broken}`, { body: Buffer.from(text.replace(MARKER, broken)) });
		if (!valid.body)
			add(`broken percent-encoding ${broken} in the query`, {
				url: valid.url.replace(MARKER, broken),
			});
	}
	if (valid.body) {
		const bytes = valid.body;
		// every tenth cut, and inside the multi-byte characters (ü is two bytes)
		const cuts = new Set<number>([0, 1, bytes.length - 1]);
		for (let at = 2; at < bytes.length - 1; at += Math.max(1, Math.floor(bytes.length / 40)))
			cuts.add(at);
		for (let at = 0; at < bytes.length; at++) if (bytes[at] >= 0xc0) cuts.add(at + 1);
		for (const at of cuts) add(`cut after ${at} bytes`, { body: bytes.subarray(0, at) });
	}
	for (const depth of [10_000, 100_000]) {
		for (const kind of ['array', 'object'] as const) {
			const deep = deepJson(depth, kind);
			if (valid.body)
				add(`${kind} nested ${depth} deep`, {
					body: Buffer.from(
						options.formField ? `${options.formField}=${encodeURIComponent(deep)}` : deep,
					),
				});
		}
	}
	if (!valid.body)
		add('a parameter nested 1,000 deep', { url: `${valid.url}&bbid${'[a]'.repeat(1000)}=1` });
	// n8n refuses bodies over N8N_PAYLOAD_SIZE_MAX (16 MiB) itself when it reads them, which for our triggers
	// (webhook nodes of version 2) is for the types it parses only (JSON, form, text, XML: webhook-helpers.ts,
	// parseRequestBody); a body of another type, or of none, arrives unread and the trigger refuses it (4xx). The
	// rest is garbage our triggers refuse.
	add('17 MiB body', {
		method: 'POST',
		body: Buffer.alloc(17 * 1024 * 1024, 0x61),
		expect: /^(application\/json|text\/plain|application\/x-www-form-urlencoded)|[/+]xml$/.test(
			contentType.split(';')[0].trim(),
		)
			? 'n8n answers 500'
			: 'refused unread',
	});
	add('8 MiB array of numbers', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: Buffer.from(`[${'1,'.repeat(4 * 1024 * 1024 - 1)}1]`),
	});
	add('8 MiB form parameter', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: Buffer.from(`${options.formField ?? 'bbid'}=${'x'.repeat(8 * 1024 * 1024)}`),
	});
	add('64 KiB header', {
		headers: { ...valid.headers, 'x-padding': 'x'.repeat(64 * 1024) },
		expect: 'too large for Node',
	});
	add('100 KiB query string', {
		url: `${valid.url}${valid.url.includes('?') ? '&' : '?'}pad=${'x'.repeat(100 * 1024)}`,
		expect: 'too large for Node',
	});
	add('gzip that is not', {
		method: 'POST',
		headers: {
			...valid.headers,
			'content-type': contentType || 'application/json',
			'content-encoding': 'gzip',
		},
		body: valid.body ?? Buffer.from('{}'),
		expect: 'n8n answers 500',
	});
	add('unknown content-encoding', {
		method: 'POST',
		headers: {
			...valid.headers,
			'content-type': contentType || 'application/json',
			'content-encoding': 'x-vendor',
		},
		body: valid.body ?? Buffer.from('{}'),
	});
	add('multipart without parts', {
		method: 'POST',
		headers: { ...valid.headers, 'content-type': 'multipart/form-data; boundary=xyz' },
		body: Buffer.from('--nope\r\n'),
	});
	add('multipart without a boundary', {
		method: 'POST',
		headers: { ...valid.headers, 'content-type': 'multipart/form-data' },
		body: Buffer.from('x'),
	});
	add('XML that is not', {
		method: 'POST',
		headers: { ...valid.headers, 'content-type': 'application/xml' },
		body: Buffer.from('<job><id>1</id>'),
	});
	add('XML', {
		method: 'POST',
		headers: { ...valid.headers, 'content-type': 'text/xml' },
		body: Buffer.from('<job><job_id>1</job_id><status>approved</status></job>'),
	});
	add('JSON sent as text/plain', {
		method: 'POST',
		headers: { ...valid.headers, 'content-type': 'text/plain' },
		body: Buffer.from('{"job_id":"1"}'),
	});
	add('octet-stream', {
		method: 'POST',
		headers: { ...valid.headers, 'content-type': 'application/octet-stream' },
		body: Buffer.from([0, 1, 2, 0xff]),
	});
	add('path traversal after the webhook path', {
		url: valid.url.replace(/(\?|$)/, '/..%2f..%2fetc%2fpasswd$1'),
	});
	return cases;
}

/** The secret every non-secret case of a vendor must carry, and where it goes: the generated cases use SECRET. */
function withRealSecret(
	headers: Record<string, string>,
	name: string,
	value: string,
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, v] of Object.entries(headers))
		out[key] = key.toLowerCase() === name.toLowerCase() && v === SECRET ? value : v;
	return out;
}

describe('Malformed deliveries through a real n8n', () => {
	let n8n: N8nInstance;
	const vendors = new RegisteringVendors(SMARTCAT, PHRASE_USER);
	const hook = (workflow: { webhookId: string }, path: string) =>
		n8n.webhookUrl(`${workflow.webhookId}/${path}`);
	const phraseToken = () => vendors.phraseToken;
	const smartcatHeader = () => vendors.smartcatHeader;
	const corpus: Record<string, Delivery[]> = {};

	beforeAll(async () => {
		await vendors.start();
		n8n = await startN8n('fuzz', { env: BULK_SUITE_ENV });
		await n8n.importCredentials([
			...vendors.credentials({
				smartcat: SMARTCAT_CREDENTIAL.smartcatApi.id,
				phrase: PHRASE_CREDENTIAL.phraseApi.id,
			}),
			{
				...SECRET_CREDENTIAL.translationWebhookSecretApi,
				type: 'translationWebhookSecretApi',
				data: { secret: SECRET },
			},
		]);
		await n8n.importWorkflows(Object.values(workflows));
		await n8n.waitForWebhook(hook(workflows.beebox, 'beebox'));
		await n8n.waitForWebhook(hook(workflows.gengo, 'gengo'));
		await n8n.waitForWebhook(hook(workflows.gengoToken, 'gengo/probe'));
		await vendors.registered({
			smartcat: hook(workflows.smartcat, 'smartcat'),
			phrase: hook(workflows.phrase, 'phrase'),
		});

		const gengo = gengoCallbackRequest('approved', {
			jobId: '424242',
			bodySrc: `Übersetzen ${MARKER}`,
		});
		const valid: Record<string, Delivery> = {
			beebox: {
				name: 'valid',
				method: 'GET',
				url: `${hook(workflows.beebox, 'beebox')}?token=${SECRET}&${beeboxCallbackQuery('CreatedTranslatedFiles').replace('bbsender=Autorun', `bbsender=${MARKER}`)}`,
				headers: {},
				expect: '4xx',
			},
			gengo: {
				name: 'valid',
				method: 'POST',
				url: `${hook(workflows.gengo, 'gengo')}?token=${SECRET}`,
				headers: { 'content-type': gengo.contentType },
				body: Buffer.from(gengo.body),
				expect: '4xx',
			},
			smartcat: {
				name: 'valid',
				method: 'POST',
				url: hook(workflows.smartcat, 'smartcat/document/status'),
				headers: {
					'content-type': 'application/json',
					[smartcatHeader().name]: smartcatHeader().value,
				},
				// two document IDs (<document>_<language>): the trigger refuses any other ID with 400
				body: Buffer.from(`["189_25","${MARKER}_25"]`),
				expect: '4xx',
			},
			phrase: {
				name: 'valid',
				method: 'POST',
				url: hook(workflows.phrase, 'phrase'),
				headers: { 'content-type': 'application/json', 'x-memsource-token': phraseToken() },
				body: Buffer.from(
					JSON.stringify(
						phraseJobWebhook(
							'JOB_STATUS_CHANGED',
							[phraseSampleJobPart({ jobUid: 'fuzz-ok' })],
							`Übersetzung ${MARKER}`,
						),
					),
				),
				expect: '4xx',
			},
		};
		// the valid deliveries run: the workflows are live, so "no execution" below means the fuzz started none.
		// n8n 2.x's publication reconciler (every 10 s) may activate a workflow published through the CLI once more
		// just after it went live, removing and re-adding its webhooks: a valid delivery answered 404 (no workflow
		// behind the URL, so none started) is sent again until n8n answers otherwise, for at most 30 s.
		for (const [vendor, d] of Object.entries(valid)) {
			let status = 0;
			await eventually(
				`n8n routes the valid ${vendor} delivery`,
				async () => (status = (await deliver(d)).status) !== 404,
			);
			expect([vendor, status]).toEqual([vendor, 200]);
		}
		for (const workflow of [
			workflows.beebox,
			workflows.gengo,
			workflows.smartcat,
			workflows.phrase,
		])
			await n8n.waitForExecutions(workflow.id, 1);

		const asDelivery = (
			c: Case,
			target: (c: Case) => { url: string; headers: Record<string, string> },
		): Delivery => {
			const { url, headers } = target(c);
			const body = encodeBody(String(headers['content-type'] ?? ''), c.request.body);
			return {
				name: c.name,
				method: c.request.body === undefined ? 'GET' : 'POST',
				url,
				headers,
				body,
				expect: c.expect,
			};
		};
		corpus.beebox = [
			...beeboxCases().map((c) =>
				asDelivery(c, () => ({
					url: `${hook(workflows.beebox, 'beebox')}?${formEncode(c.request.query ?? {}).join('&')}`,
					headers: {},
				})),
			),
			...httpCases('beebox', valid.beebox, { methods: ['GET', 'POST'] }),
			{
				...valid.beebox,
				name: 'beebox: the token twice, right and wrong',
				url: `${hook(workflows.beebox, 'beebox')}?${beeboxCallbackQuery('CreatedTranslatedFiles')}&token=${SECRET}&token=wrong`,
				expect: '4xx',
			},
		];
		corpus.gengo = [
			...gengoCases().map((c) =>
				asDelivery(
					// a path without its token segment never reaches the trigger: n8n's router answers 404 itself
					c.request.params?.[PATH_TOKEN] === '' ? { ...c, expect: '4xx' } : c,
					() => ({
						url: c.request.params
							? hook(
									workflows.gengoToken,
									`gengo/${encodeURIComponent(c.request.params[PATH_TOKEN])}`,
								)
							: `${hook(workflows.gengo, 'gengo')}?${formEncode(c.request.query ?? {}).join('&')}`,
						headers: { ...c.request.headers },
					}),
				),
			),
			...httpCases('gengo', valid.gengo, { formField: 'job', methods: ['POST'] }),
			{
				...valid.gengo,
				name: 'gengo: the job twice',
				body: Buffer.from(`${gengo.body}&${gengoCallbackRequest('approved', { jobId: '1' }).body}`),
				expect: '4xx',
			},
		];
		corpus.smartcat = [
			...smartcatCases().map((c) =>
				asDelivery(c, () => ({
					url: hook(
						workflows.smartcat,
						`smartcat/${(c.request.path ?? '').split('/smartcat/')[1]}`,
					),
					headers: withRealSecret(
						c.request.headers ?? {},
						'x-smartcat-callback-secret',
						smartcatHeader().value,
					),
				})),
			),
			...httpCases('smartcat', valid.smartcat, { methods: ['POST'] }),
			{
				...valid.smartcat,
				name: 'smartcat: the secret header twice, right and wrong',
				headers: {
					...valid.smartcat.headers,
					[smartcatHeader().name]: [smartcatHeader().value, 'wrong'],
				},
				expect: 401,
			},
			{
				...valid.smartcat,
				name: 'smartcat: the secret header twice, wrong and right',
				headers: {
					...valid.smartcat.headers,
					[smartcatHeader().name]: ['wrong', smartcatHeader().value],
				},
				expect: 401,
			},
			{
				...valid.smartcat,
				name: 'smartcat: an unknown event path',
				url: hook(workflows.smartcat, 'smartcat/document/deleted'),
				expect: '4xx',
			},
		];
		corpus.phrase = [
			...phraseCases().map((c) =>
				asDelivery(c, () => ({
					url: hook(workflows.phrase, 'phrase'),
					headers: withRealSecret(c.request.headers ?? {}, 'x-memsource-token', phraseToken()),
				})),
			),
			...httpCases('phrase', valid.phrase, { methods: ['POST'] }),
			{
				...valid.phrase,
				name: 'phrase: the token twice, right and wrong',
				headers: { ...valid.phrase.headers, 'x-memsource-token': [phraseToken(), 'wrong'] },
				expect: 401,
			},
			{
				...valid.phrase,
				name: 'phrase: the token twice, wrong and right',
				headers: { ...valid.phrase.headers, 'x-memsource-token': ['wrong', phraseToken()] },
				expect: 401,
			},
		];
	}, 600_000);

	afterAll(async () => {
		const output = n8n?.output ?? '';
		await n8n?.stop();
		const secrets = [
			SECRET,
			SMARTCAT.apiKey,
			PHRASE_USER.password,
			vendors.smartcat?.setting?.additionalHeaders[0].value,
			[...(vendors.phrase?.webhooks.values() ?? [])][0]?.secretToken,
		];
		await vendors.stop();
		for (const secret of secrets.filter(Boolean)) expect(output).not.toContain(secret);
	});

	it.each(['beebox', 'gengo', 'smartcat', 'phrase'])(
		'%s: at least 500 malformed deliveries, each 4xx (401 for secrets), n8n healthy throughout',
		async (vendor) => {
			const cases = corpus[vendor];
			expect(
				cases.filter((c) => c.expect === 401 || c.expect === '4xx').length,
			).toBeGreaterThanOrEqual(500);
			const wrong: string[] = [];
			const statuses: Record<number, number> = {};
			let sent = 0;
			const started = Date.now();
			const send = (c: Delivery) =>
				deliver(c).catch((error: Error) => ({
					status: 0,
					body: error.message,
				}));
			const one = async (c: Delivery) => {
				let answer = await send(c);
				// n8n itself answers 503 "Database is not ready!" while its database health check lags (seen with the
				// machine's load near 20 on 2 cores): our trigger never saw the delivery, so it is sent again, as a vendor
				// retries a 503, at most 5 times a second apart
				for (
					let retry = 0;
					retry < 5 && answer.status === 503 && answer.body.includes('Database is not ready');
					retry++
				) {
					await new Promise((resolve) => setTimeout(resolve, 1000));
					answer = await send(c);
				}
				statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
				const ok =
					c.expect === 401
						? answer.status === 401
						: c.expect === 'too large for Node'
							? answer.status === 431 || /ECONNRESET|EPIPE/.test(answer.body)
							: c.expect === 'refused unread'
								? // answered 4xx before the sender finished sending: it may see only the closed connection
									(answer.status >= 400 && answer.status < 500) ||
									/ECONNRESET|EPIPE/.test(answer.body)
								: c.expect === 'n8n answers 500'
									? answer.status === 500 &&
										answer.body.includes('There was a problem executing the workflow')
									: answer.status >= 400 && answer.status < 500;
				if (!ok) wrong.push(`${c.name}: ${answer.status} ${answer.body.slice(0, 200)}`);
				if (++sent % 100 === 0) expect(await n8n.isReady()).toBe(true);
			};
			// n8n 2.41 parses every XML body with one shared xml2js parser, which mixes up requests parsed at the same
			// time (one gets the other's result, or no answer ever): XML goes one at a time, after the rest
			const xml = (c: Delivery) => /xml/.test(String(c.headers['content-type'] ?? ''));
			await mapWithConcurrency(
				cases.filter((c) => !xml(c)),
				4,
				one,
			);
			for (const c of cases.filter(xml)) await one(c);
			console.log(
				`[e2e fuzz] ${vendor}: ${cases.length} malformed deliveries in ${((Date.now() - started) / 1000).toFixed(1)} s, answers ${JSON.stringify(statuses)}`,
			);
			expect(wrong).toEqual([]);
			expect(await n8n.isReady()).toBe(true);
			expect(n8n.child?.exitCode).toBeNull();
		},
	);

	it('started no workflow: every fuzzed workflow has only the one valid execution', async () => {
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		const executions = await n8n.executions();
		const count = (id: string) => executions.filter((e) => e.workflowId === id).length;
		expect(Object.fromEntries(Object.values(workflows).map((w) => [w.id, count(w.id)]))).toEqual({
			[workflows.beebox.id]: 1,
			[workflows.gengo.id]: 1,
			[workflows.gengoToken.id]: 0,
			[workflows.smartcat.id]: 1,
			[workflows.phrase.id]: 1,
		});
	});
});
