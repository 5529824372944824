/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Malformed deliveries, generated: for every trigger at least 500 bodies, content types, query strings and
 * secrets that no vendor sends (wrong types in every field, truncated and deeply nested JSON, injection strings,
 * missing and duplicated parameters, wrong and missing secrets). Deterministic: a failing case is found again
 * by its name. test/fuzz/malformed.test.ts delivers them to the triggers' webhook() (milliseconds);
 * test/e2e/fuzz.e2e.test.ts sends them over HTTP to a real n8n, with what only HTTP can carry.
 */
import {
	PATH_TOKEN,
	webhookSecretCredential,
	withUrlToken,
	type FakeRequest,
} from '../helpers/webhookContext';

/** A small deterministic PRNG (mulberry32), so a failing case can be reproduced by its index. */
export function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const INJECTIONS = [
	"'; DROP TABLE jobs; --",
	'<script>alert(1)</script>',
	'../../etc/passwd',
	'{{ $env.SECRET }}',
	'${process.exit()}',
	'\u0000',
	'a'.repeat(5000),
	'%00%0d%0a',
	'\u202e',
];
/** Values of every wrong type for a field. */
export const WRONG_TYPES: unknown[] = [
	null,
	true,
	false,
	0,
	-1,
	1.5,
	[],
	[1],
	{},
	{ nested: { deeper: [null] } },
	'',
	' ',
	...INJECTIONS,
];

export function deepNest(depth: number): unknown {
	let value: unknown = 'x';
	for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
	return value;
}

export const SECRET = 'fuzz-secret-Token-0123456789abcdef';

/**
 * A Beebox or Gengo callback to a trigger set up the default way, with SECRET as its Translation Webhook Secret
 * credential's secret and in the query string: a malformed case gets past the secret check to the parsing.
 */
const withSecret = (request: FakeRequest): FakeRequest => withUrlToken(request, SECRET);

/**
 * What no vendor sends and a parser must not pass on: prototype keys (copied on by spreads and zod's passthrough)
 * and nesting far deeper than any vendor's (n8n's own deep copy throws at a few thousand levels). Each object is
 * merged into an otherwise valid body.
 */
export function unsafeJsonParts(): Array<{ name: string; value: Record<string, unknown> }> {
	return [
		{ name: '__proto__ key', value: JSON.parse('{"__proto__":{"isAdmin":true}}') },
		{ name: 'constructor key', value: { constructor: { prototype: { polluted: 1 } } } },
		{ name: 'prototype key deep inside', value: { extra: [{ a: { prototype: 1 } }] } },
		{ name: '40 levels of nesting', value: { extra: deepNest(40) } },
		{ name: '1,000 levels of nesting', value: { extra: deepNest(1000) } },
	];
}

export interface Case {
	name: string;
	request: FakeRequest;
	/** the status the case must get: 401 for secrets, otherwise any 4xx */
	expect: 401 | '4xx';
}

export function pick<T>(r: () => number, list: readonly T[]): T {
	return list[Math.floor(r() * list.length)];
}

export function beeboxCases(): Case[] {
	const r = random(1);
	const cases: Case[] = [];
	const valid: Record<string, string> = {
		bbid: 'b-1',
		bbevent: 'ProjectUpdate',
		bbdate: '2024-03-01T10:00Z',
		bbok: 'true',
	};
	const breakers: Array<[string, string]> = [
		['bbdate', 'yesterday'],
		['bbdate', '2024-13-01T10:00Z'],
		['bbdate', '2024-02-30'],
		['bbok', 'maybe'],
		['bbok', '2'],
		['bbevent', 'Project Update'],
		['bbevent', '1Project'],
		['bbevent', 'x'.repeat(101)],
		['bbid', 'x'.repeat(201)],
		['bbid', 'a\u0001b'],
		['bbid', ' '],
		['bbevent', ''],
	];
	for (let i = 0; i < 520; i++) {
		const query: Record<string, unknown> = { ...valid };
		const mode = i % 5;
		if (mode === 0) delete query[pick(r, ['bbid', 'bbevent'])];
		else if (mode === 1) {
			const [field, value] = pick(r, breakers);
			query[field] = value;
		} else if (mode === 2)
			query[pick(r, ['bbid', 'bbevent', 'bbdate', 'bbok'])] = [`v${i}`, `w${i}`];
		else if (mode === 3) query[pick(r, ['bbid', 'bbevent'])] = pick(r, [{ a: 1 }, ['x', { b: 2 }]]);
		else
			query.bbevent = pick(
				r,
				INJECTIONS.filter((s) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(s)),
			);
		cases.push({
			name: `beebox #${i} (mode ${mode})`,
			request: withSecret({ query }),
			expect: '4xx',
		});
	}
	for (let i = 0; i < 30; i++) {
		cases.push({
			name: `beebox secret #${i}`,
			request: {
				query: { ...valid, token: i % 3 ? `${SECRET.slice(0, i)}x` : undefined },
				credentials: webhookSecretCredential(SECRET),
			},
			expect: 401,
		});
	}
	return cases;
}

export function gengoCases(): Case[] {
	const r = random(2);
	const cases: Case[] = [];
	const form = { 'content-type': 'application/x-www-form-urlencoded' };
	const job = {
		job_id: '42',
		status: 'approved',
		unit_count: 9,
		credits: 0.5,
		ctime: 1764050000,
		eta: 10,
	};
	const fields = [
		'job_id',
		'status',
		'unit_count',
		'credits',
		'ctime',
		'eta',
		'order_id',
		'auto_approve',
	] as const;
	for (let i = 0; i < 520; i++) {
		const mode = i % 6;
		let request: FakeRequest;
		if (mode === 0) {
			const field = pick(r, fields);
			// a value of a type the field never has (a number is fine for the numeric fields, a boolean for auto_approve)
			const wrongFor = WRONG_TYPES.filter((v) =>
				field === 'auto_approve'
					? typeof v !== 'boolean' && v !== 0 && v !== 1
					: field === 'status'
						? typeof v !== 'string' || !/^[a-z_]{1,40}$/.test(v)
						: // Gengo sends "eta": "" when it has no estimate (its 2013 Job GET docs): valid
							typeof v !== 'number' && !(field === 'eta' && v === ''),
			);
			const broken = { ...job, [field]: pick(r, wrongFor) };
			if (broken.job_id === undefined) broken.job_id = null as never;
			request = { headers: form, body: { job: JSON.stringify(broken) } };
		} else if (mode === 1) {
			const text = JSON.stringify(job);
			request = {
				headers: form,
				body: { job: text.slice(0, Math.floor(r() * (text.length - 1))) },
			};
		} else if (mode === 2)
			request = {
				headers: form,
				body: { job: JSON.stringify(deepNest(50 + Math.floor(r() * 500))) },
			};
		else if (mode === 3)
			request = {
				headers: {
					'content-type': pick(r, [
						'text/plain',
						'application/xml',
						'multipart/form-data; boundary=x',
						'',
						'application/jsonx',
					]),
				},
				body: { job: JSON.stringify(job) },
			};
		else if (mode === 4)
			request = {
				headers: form,
				body: pick(r, [
					{},
					{ job: [JSON.stringify(job), '{}'] },
					{ comment: '{"job_id":"1"}' },
					{ job: '{}', comment: '{}' },
					{ jobs: JSON.stringify(job) },
					'job=1',
					[],
				]),
			};
		else
			request = {
				headers: { 'content-type': 'application/json' },
				body: pick(r, [
					{ job: 'not json' },
					{ job: [job] },
					{ job: { ...job, job_id: undefined } },
					{ comment: { body: 1, job_id: '1' } },
					[job],
					'x',
				]),
			};
		cases.push({ name: `gengo #${i} (mode ${mode})`, request: withSecret(request), expect: '4xx' });
	}
	// the security review's probe: a forged approval that picks which CMS entry gets overwritten
	const forged = { job_id: '1', status: 'approved', custom_data: '{"cms_id":"home"}' };
	for (const token of [undefined, 'guess-guess-guess-1', SECRET.toUpperCase()])
		cases.push({
			name: `gengo forged approval, token ${token ?? 'missing'}`,
			request: {
				headers: form,
				body: { job: JSON.stringify(forged) },
				params: { [PATH_TOKEN]: token ?? '' },
				nodeParameters: { urlTokenLocation: 'path' },
				credentials: webhookSecretCredential(SECRET),
			},
			expect: 401,
		});
	for (const part of unsafeJsonParts())
		cases.push({
			name: `gengo job with a ${part.name}`,
			request: withSecret({
				headers: form,
				body: { job: JSON.stringify({ ...job, ...part.value }) },
			}),
			expect: '4xx',
		});
	for (let i = 0; i < 30; i++) {
		cases.push({
			name: `gengo secret #${i}`,
			request: {
				headers: form,
				body: { job: JSON.stringify(job) },
				params: { [PATH_TOKEN]: i % 2 ? 'nope' : `${SECRET}${i}` },
				nodeParameters: { urlTokenLocation: 'path' },
				credentials: webhookSecretCredential(SECRET),
			},
			expect: 401,
		});
	}
	return cases;
}

export function smartcatCases(): Case[] {
	return [...smartcatGenerated(), ...smartcatUnsafe()];
}

function smartcatUnsafe(): Case[] {
	return unsafeJsonParts().map((part) => ({
		name: `smartcat body with a ${part.name}`,
		request: {
			path: '/webhook/x/smartcat/document/status',
			headers: { 'content-type': 'application/json', 'x-smartcat-callback-secret': SECRET },
			body: [part.value],
			staticData: {
				callbackUrl: 'https://n8n.example/webhook/x/smartcat',
				headerName: 'X-Smartcat-Callback-Secret',
			},
		},
		expect: '4xx',
	}));
}

function smartcatGenerated(): Case[] {
	const r = random(3);
	const cases: Case[] = [];
	const staticData = {
		callbackUrl: 'https://n8n.example/webhook/x/smartcat',
		headerName: 'X-Smartcat-Callback-Secret',
	};
	const headers = { 'content-type': 'application/json', 'x-smartcat-callback-secret': SECRET };
	for (let i = 0; i < 520; i++) {
		const mode = i % 4;
		let body: unknown;
		let h: Record<string, string> = headers;
		if (mode === 0)
			body = pick(
				r,
				WRONG_TYPES.filter((v) => !Array.isArray(v) || (v as unknown[]).length > 0),
			);
		else if (mode === 1) body = ['189_25', pick(r, [null, 1, {}, [], '', '   ', 'x'.repeat(201)])];
		else if (mode === 2) body = deepNest(20 + Math.floor(r() * 300));
		else {
			body = ['189_25'];
			h = {
				...headers,
				'content-type': pick(r, [
					'text/plain',
					'application/x-www-form-urlencoded',
					'application/xml',
					'',
				]),
			};
		}
		if (mode === 0 && Array.isArray(body) && body.length === 0) body = {};
		cases.push({
			name: `smartcat #${i} (mode ${mode})`,
			request: {
				path: '/webhook/x/smartcat/document/status',
				headers: h,
				body,
				staticData: { ...staticData },
			},
			expect: '4xx',
		});
	}
	for (let i = 0; i < 30; i++) {
		const wrong: Record<string, string> =
			i % 3 === 0 ? {} : { 'x-smartcat-callback-secret': `${SECRET.slice(0, i)}!` };
		cases.push({
			name: `smartcat secret #${i}`,
			request: {
				path: '/webhook/x/smartcat/project/status',
				headers: { 'content-type': 'application/json', ...wrong },
				body: ['p1'],
				staticData: { ...staticData },
			},
			expect: 401,
		});
	}
	return cases;
}

export function phraseCases(): Case[] {
	return [...phraseGenerated(), ...phraseUnsafe()];
}

function phraseUnsafe(): Case[] {
	return unsafeJsonParts().map((part) => ({
		name: `phrase body with a ${part.name}`,
		request: {
			headers: { 'content-type': 'application/json', 'x-memsource-token': SECRET },
			body: { event: 'PROJECT_CREATED', project: { uid: 'p1' }, ...part.value },
			staticData: {
				webhookUid: 'wh-1',
				url: 'https://n8n.example/webhook/x/phrase',
			},
		},
		expect: '4xx',
	}));
}

function phraseGenerated(): Case[] {
	const r = random(4);
	const cases: Case[] = [];
	const staticData = {
		webhookUid: 'wh-1',
		url: 'https://n8n.example/webhook/x/phrase',
	};
	const headers = { 'content-type': 'application/json', 'x-memsource-token': SECRET };
	const part = { uid: 'j1', status: 'NEW', project: { uid: 'p1' } };
	for (let i = 0; i < 520; i++) {
		const mode = i % 5;
		let body: unknown;
		let h: Record<string, string> = headers;
		if (mode === 0)
			body = {
				event: pick(
					r,
					WRONG_TYPES.filter((v) => typeof v !== 'string' || !/^[A-Z][A-Z0-9_]{0,99}$/.test(v)),
				),
				jobParts: [part],
			};
		else if (mode === 1)
			body = {
				event: 'JOB_STATUS_CHANGED',
				jobParts: pick(r, [
					[],
					null,
					'x',
					{},
					[null],
					[{}],
					[{ uid: 1 }],
					[{ uid: '' }],
					[{ ...part, workflowLevel: 'one' }],
					[{ ...part, project: 'p1' }],
				]),
			};
		else if (mode === 2)
			body = pick(r, [[], [part], 'JOB_CREATED', 1, null, deepNest(30 + Math.floor(r() * 200))]);
		else if (mode === 3)
			body = {
				event: 'JOB_CREATED',
				jobParts: Array.from({ length: 3 }, () => ({
					...part,
					uid: pick(r, [null, 5, {}, [], '']),
				})),
			};
		else {
			body = { event: 'PROJECT_CREATED', project: { uid: 'p1' } };
			h = {
				...headers,
				'content-type': pick(r, [
					'text/plain',
					'application/x-www-form-urlencoded',
					'',
					'text/json',
				]),
			};
		}
		cases.push({
			name: `phrase #${i} (mode ${mode})`,
			request: { headers: h, body, staticData: { ...staticData } },
			expect: '4xx',
		});
	}
	for (let i = 0; i < 30; i++) {
		const wrong: Record<string, string> =
			i % 3 === 0 ? {} : { 'x-memsource-token': i % 3 === 1 ? SECRET.toUpperCase() : `${SECRET} ` };
		cases.push({
			name: `phrase secret #${i}`,
			request: {
				headers: { 'content-type': 'application/json', ...wrong },
				body: { event: 'PROJECT_CREATED' },
				staticData: { ...staticData },
			},
			expect: 401,
		});
	}
	return cases;
}
