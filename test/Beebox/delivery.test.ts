import {
	mergeParameters,
	parametersFromBody,
	parseBooleanWord,
	parseTimestamp,
	repairAppendedQuery,
	singleParameter,
	singleParameters,
} from '../../nodes/Beebox/delivery';
import { DeliveryRejected } from '../../nodes/common/delivery/answers';

describe('parseTimestamp', () => {
	it.each([
		['2007-04-05T14:30Z', '2007-04-05T14:30:00.000Z'],
		['2007-04-05T12:30-02:00', '2007-04-05T14:30:00.000Z'],
		['2007-04-05T16:30+02:00', '2007-04-05T14:30:00.000Z'],
		['2007-04-05T16:30 02:00', '2007-04-05T14:30:00.000Z'],
		['2007-04-05T16:30+0200', '2007-04-05T14:30:00.000Z'],
		['2023-06-20 06:56:35Z', '2023-06-20T06:56:35.000Z'],
		['2015-01-20T08:48:21.2142634+00:00', '2015-01-20T08:48:21.214Z'],
		['2015-01-20T08:48:21', '2015-01-20T08:48:21.000Z'],
		['2015-01-20', '2015-01-20T00:00:00.000Z'],
		['2024-02-29T00:00Z', '2024-02-29T00:00:00.000Z'],
	])('reads %s as %s', (text, iso) => {
		expect(parseTimestamp(text)?.toISOString()).toBe(iso);
	});

	it.each([
		'',
		'yesterday',
		'2023-13-01T00:00Z',
		'2023-02-30',
		'2023-02-29T00:00Z',
		'2023-01-01T24:00Z',
		'2023-01-01T10:60Z',
		'2023-01-01T10:00+15:00',
		'1700000000',
		'2023-01-01-02',
	])('refuses %p', (text) => {
		expect(parseTimestamp(text)).toBeNull();
	});
});

describe('parseBooleanWord', () => {
	it('reads the words Beebox uses, in any case', () => {
		expect([
			parseBooleanWord('true'),
			parseBooleanWord('YES'),
			parseBooleanWord(' false '),
			parseBooleanWord('No'),
		]).toEqual([true, true, false, false]);
	});
	it('has no opinion on anything else', () => {
		expect([parseBooleanWord('1'), parseBooleanWord('maybe'), parseBooleanWord('')]).toEqual([
			undefined,
			undefined,
			undefined,
		]);
	});
});

describe('singleParameter', () => {
	it('takes a repeated parameter once when the values agree', () => {
		expect(singleParameter({ a: ['x', 'x'] }, 'a')).toBe('x');
	});
	it('refuses a repeated parameter whose values differ', () => {
		expect(() => singleParameter({ a: ['x', 'y'] }, 'a')).toThrow(DeliveryRejected);
	});
	it('refuses nested values', () => {
		expect(() => singleParameter({ a: { b: '1' } }, 'a')).toThrow(
			'parameter "a" must be a single value',
		);
	});
	it('turns JSON scalars into text and leaves absent ones out', () => {
		expect([
			singleParameter({ a: 5 }, 'a'),
			singleParameter({ a: true }, 'a'),
			singleParameter({}, 'a'),
		]).toEqual(['5', 'true', undefined]);
	});
});

describe('repairAppendedQuery', () => {
	it('reads parameters a sender appended with a second "?"', () => {
		expect(repairAppendedQuery({ token: 'abc?bbid=1', bbevent: 'X' })).toEqual({
			token: 'abc',
			bbid: '1',
			bbevent: 'X',
		});
	});
	it('keeps both values when the appended part repeats a parameter', () => {
		expect(repairAppendedQuery({ token: 'abc?bbid=2', bbid: '1' })).toEqual({
			token: 'abc',
			bbid: ['1', '2'],
		});
	});
	it('leaves an ordinary query alone', () => {
		expect(repairAppendedQuery({ a: '1', b: ['2', '3'] })).toEqual({ a: '1', b: ['2', '3'] });
	});
});

describe('mergeParameters', () => {
	it('keeps a value present in query and body twice, so a conflict is noticed', () => {
		expect(mergeParameters({ a: '1' }, { a: '2', b: '3' })).toEqual({ a: ['1', '2'], b: '3' });
	});
});

describe('parametersFromBody', () => {
	const form = { 'content-type': 'application/x-www-form-urlencoded' };
	it('reads a form body, and nothing from an empty one', () => {
		expect(parametersFromBody(form, { bbid: '1' }, Buffer.from('bbid=1'))).toEqual({ bbid: '1' });
		expect(parametersFromBody({}, {}, Buffer.alloc(0))).toEqual({});
		expect(
			parametersFromBody({ 'content-type': 'application/octet-stream' }, {}, Buffer.alloc(0)),
		).toEqual({});
	});

	it.each([
		[
			'XML',
			{ 'content-type': 'text/xml' },
			{ job: { id: '1' } },
			'<job><id>1</id></job>',
			/not text\/xml/,
		],
		['text', { 'content-type': 'text/plain' }, 'bbid=1', 'bbid=1', /not text\/plain/],
		[
			'a JSON array',
			{ 'content-type': 'application/json' },
			[1, 2],
			'[1,2]',
			/not JSON other than an object/,
		],
		[
			'bytes',
			{ 'content-type': 'application/octet-stream' },
			{},
			'\u0000\u0001',
			/not application\/octet-stream/,
		],
		['bytes without a content type', {}, {}, 'x', /not a body without a content type/],
	])('refuses %s', (_name, headers, body, raw, reason) => {
		expect(() => parametersFromBody(headers, body, Buffer.from(raw))).toThrow(reason);
	});
});

describe('the edges of the parameter readers', () => {
	it.each([
		['2023-12-31T23:59:59Z', '2023-12-31T23:59:59.000Z'],
		['2023-01-01T12:00+14:00', '2022-12-31T22:00:00.000Z'],
		['2023-01-01T12:00+01:59', '2023-01-01T10:01:00.000Z'],
		['2023-01-01T12:00-01:30', '2023-01-01T13:30:00.000Z'],
		['  2023-01-01T12:00Z  ', '2023-01-01T12:00:00.000Z'],
	])('reads %p as %s', (text, iso) => {
		expect(parseTimestamp(text)?.toISOString()).toBe(iso);
	});

	it.each(['2023-00-10', '2023-01-01T10:00:60Z', '2023-01-01T10:00+01:60', '2023-04-31'])(
		'refuses %p',
		(text) => {
			expect(parseTimestamp(text)).toBeNull();
		},
	);

	it('singleParameter: nothing for null; the same value as text and as a number is one value; two numbers are not text', () => {
		expect(singleParameter({ bbid: null }, 'bbid')).toBeUndefined();
		expect(singleParameter({ bbid: ['1', 1] }, 'bbid')).toBe('1');
		expect(() => singleParameter({ bbid: [1, 1] }, 'bbid')).toThrow(
			'parameter "bbid" is given 2 times with different values',
		);
	});

	it('singleParameters leaves absent parameters out entirely', () => {
		expect(
			Object.keys(singleParameters({ bbid: '1', bbevent: undefined }, ['bbid', 'bbevent'])),
		).toEqual(['bbid']);
	});

	it('parametersFromBody: no body at all (n8n read none) is no parameters', () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(parametersFromBody(form, undefined, undefined)).toEqual({});
		expect(parametersFromBody(form, null, undefined)).toEqual({});
		expect(parametersFromBody(form, {}, undefined)).toEqual({});
		expect(parametersFromBody(form, { bbid: '1' }, undefined)).toEqual({ bbid: '1' });
		expect(() => parametersFromBody(form, 'bbid=1', undefined)).toThrow(DeliveryRejected);
		expect(() => parametersFromBody(form, Buffer.from('bbid=1'), undefined)).toThrow(
			DeliveryRejected,
		);
	});

	// n8n 2.41 and 1.123, webhook-helpers.ts parseRequestBody: for a webhook node of version 2 (ours) n8n reads the
	// body only for JSON, form, text and XML; bytes of any other type, or of none, arrive with no body and no rawBody
	it('parametersFromBody: a body n8n left unread (octet-stream, no content type) is refused by its length', () => {
		const unread = (headers: Record<string, string>) => () =>
			parametersFromBody(headers, undefined, undefined);
		expect(unread({ 'content-type': 'application/octet-stream', 'content-length': '4' })).toThrow(
			'not application/octet-stream',
		);
		expect(unread({ 'content-length': '17825792' })).toThrow('not a body without a content type');
		expect(unread({ 'transfer-encoding': 'chunked' })).toThrow(DeliveryRejected);
		// a GET, or a POST with nothing after its headers
		expect(unread({})()).toEqual({});
		expect(unread({ 'content-type': 'application/octet-stream', 'content-length': '0' })()).toEqual(
			{},
		);
	});
});
