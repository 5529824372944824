import { MAX_JSON_DEPTH, unsafeJson } from '../../../nodes/common/delivery/jsonSafety';

const nested = (depth: number): unknown => {
	let value: unknown = 'leaf';
	for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
	return value;
};

describe('unsafeJson', () => {
	it('passes what vendors send', () => {
		expect(
			unsafeJson({ event: 'X', jobParts: [{ assignedTo: [{ linguist: { a: 1 } }] }] }, 'the body'),
		).toBeUndefined();
		expect(unsafeJson(['189_25'], 'the body')).toBeUndefined();
		expect(unsafeJson(undefined, 'the body')).toBeUndefined();
		expect(unsafeJson(nested(MAX_JSON_DEPTH - 1), 'the body')).toBeUndefined();
	});

	it('refuses nesting deeper than the limit, without recursion (100,000 levels)', () => {
		expect(unsafeJson(nested(MAX_JSON_DEPTH + 1), 'the body')).toBe(
			`the body is nested deeper than ${MAX_JSON_DEPTH} levels`,
		);
		expect(unsafeJson(nested(100_000), 'the body')).toMatch(/nested deeper/);
	});

	it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key at any depth', (key) => {
		const parsed = JSON.parse(`{"a":[{"b":{"${key}":{"isAdmin":true}}}]}`);
		expect(unsafeJson(parsed, 'the body')).toBe(
			`the body has a "${key}" key, which no vendor sends`,
		);
	});
});
