import {
	believableTime,
	CLOCK_SKEW_MS,
	dateFromEpoch,
	optionalDate,
	parseHttpDate,
	parseIsoTimestamp,
	readDate,
	userDateMs,
	userDateParameter,
} from '../../../nodes/common/delivery/dates';
import { parseTimestamp } from '../../../nodes/Beebox/delivery';
import { presentJob } from '../../../nodes/Gengo/output';
import type { GengoJob } from '../../../nodes/Gengo/schemas';
import { occurredAtOf } from '../../../nodes/Phrase/output';
import { SMARTCAT_EVENTS } from '../../../nodes/Smartcat/events';
import { normalizedDate, smartcatEventKey } from '../../../nodes/Smartcat/output';
import { runInZone } from '../../helpers/inZone';
import { readCorpus, type PublicFixture } from '../../helpers/publicCorpus';

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Every date and Unix time in the vendors' public payloads: [vendor/file, field, value]. */
function corpusDates(): Array<[string, string, string | number]> {
	const found: Array<[string, string, string | number]> = [];
	const walk = (where: string, value: unknown, field: string) => {
		if (typeof value === 'string' && ISO_LIKE.test(value)) found.push([where, field, value]);
		else if (
			(field === 'ctime' || field === 'timestamp') &&
			(typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))
		)
			found.push([where, field, value]);
		else if (value && typeof value === 'object')
			for (const [key, inner] of Object.entries(value)) walk(where, inner, key);
	};
	for (const vendor of ['beebox', 'gengo', 'phrase', 'smartcat'] as const)
		for (const fixture of readCorpus<PublicFixture & Record<string, unknown>>(vendor)) {
			// the fixture's own metadata (source, retrieved, notes) is no vendor date
			const payload: Record<string, unknown> = { ...fixture };
			for (const meta of ['file', 'source', 'retrieved', 'adapted', 'notes']) delete payload[meta];
			walk(`${vendor}/${fixture.file}`, payload, '');
		}
	return found;
}

describe('the dates in the vendors’ public payloads', () => {
	const dates = corpusDates();

	it('are many, of every form the vendors use', () => {
		const forms = new Set(
			dates.map(([, , value]) =>
				typeof value === 'number'
					? 'number'
					: value.replace(/\d/g, '9').replace(/^9{9,}$/, 'digits'),
			),
		);
		expect(dates.length).toBeGreaterThan(100);
		// Phrase's offset without a colon, Wordbee's 7-digit fraction, Phrase's zone-less dateDue, Gengo's ctime as text
		expect([...forms]).toEqual(
			expect.arrayContaining([
				'9999-99-99T99:99:99+9999',
				'9999-99-99T99:99:99.9999999+99:99',
				'9999-99-99T99:99:99.999',
				'9999-99-99T99:99:99.99Z',
				'digits',
				'number',
			]),
		);
	});

	it('are each read as the instant they write (a zone-less one as UTC)', () => {
		for (const [where, field, value] of dates) {
			const expected =
				typeof value === 'number' || /^\d+$/.test(value)
					? Number(value) * 1000
					: Date.parse(HAS_ZONE.test(value) ? value : `${value}Z`);
			expect([where, field, readDate(value, field).date?.getTime()]).toEqual([
				where,
				field,
				expected,
			]);
		}
	});
});

describe('readDate: the one reader of vendor dates', () => {
	it.each([
		// Smartcat (https://smartcat.com/api/methods/v1/swagger.json, date-time) as its project list shows them
		['2021-01-23T09:16:53.73Z', '2021-01-23T09:16:53.730Z'],
		['2019-03-25T04:35:24.157Z', '2019-03-25T04:35:24.157Z'],
		['2021-01-22T16:30:00+03:00', '2021-01-22T13:30:00.000Z'],
		// Phrase TMS dateCreated, offset without a colon
		['2023-11-10T18:13:51+0000', '2023-11-10T18:13:51.000Z'],
		['2020-06-24T03:38:31-0530', '2020-06-24T09:08:31.000Z'],
		// Phrase TMS dateDue without a zone: UTC
		['2023-02-09T01:00:00.000', '2023-02-09T01:00:00.000Z'],
		// Wordbee Beebox
		['2023-06-20T07:29:15.4628017Z', '2023-06-20T07:29:15.462Z'],
		['2023-06-20 06:56:35Z', '2023-06-20T06:56:35.000Z'],
		['2007-04-05T12:30-02:00', '2007-04-05T14:30:00.000Z'],
		// Unix time: Gengo ctime (seconds) as a number and as text, Phrase timestamp, milliseconds by magnitude
		[1313475693, '2011-08-16T06:21:33.000Z'],
		['1313498803', '2011-08-16T12:46:43.000Z'],
		[' 1741357466.5 ', '2025-03-07T14:24:26.500Z'],
		[1741357466000, '2025-03-07T14:24:26.000Z'],
		['1741357466000', '2025-03-07T14:24:26.000Z'],
		[99_999_999_999, '5138-11-16T09:46:39.000Z'],
		[100_000_000_000, '1973-03-03T09:46:40.000Z'],
	])('%j → %s', (value, iso) => {
		expect(readDate(value, 'field').date?.toISOString()).toBe(iso);
	});

	it.each([
		// what V8's Date.parse reads as some date: "12.5.3" is 2003-12-05, "1" 2001-01-01
		'12.5.3',
		'Tuesday 3',
		'2023/01/02',
		'01/02/2023',
		'Fri, 10 Nov 2023 18:13:51 GMT',
		'2023-11-10T18:13:51 PST',
		'2023-11-10T18:13:51 GMT+2',
		'2023-02-30T00:00:00Z',
		'2023-01-01T24:00:00Z',
		'0099-01-01T00:00:00Z',
		'+002023-01-01T00:00:00Z',
		'-1',
		'0',
		'1e12',
		'soon',
		' ',
	])('refuses %j, naming the field', (value) => {
		expect(Date.parse(value === '0' || value === ' ' ? 'x' : value)).toEqual(expect.any(Number));
		expect(readDate(value, 'statusModificationDate')).toEqual({
			date: null,
			reason: expect.stringMatching(/^statusModificationDate ".*" is not an ISO 8601 date/),
		});
	});

	it('refuses numbers that are no time, and values of other types, naming the field', () => {
		for (const value of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 1e20, true, {}, []])
			expect(readDate(value, 'ctime').reason).toMatch(/^ctime \S+ is not /);
		expect(readDate(1e20, 'ctime').reason).toBe(
			'ctime number is not an ISO 8601 date and time or a Unix time',
		);
	});

	it('nothing (absent, null, empty) is no date and no reason', () => {
		for (const value of [undefined, null, '']) expect(readDate(value, 'x')).toEqual({ date: null });
	});

	it('reads only the forms a field may hold', () => {
		expect(readDate('1313498803', 'tfdate', ['iso'])).toEqual({
			date: null,
			reason: 'tfdate "1313498803" is not an ISO 8601 date and time',
		});
		expect(readDate('2023-01-01T00:00:00Z', 'ctime', ['epoch']).reason).toBe(
			'ctime "2023-01-01T00:00:00Z" is not a Unix time',
		);
		expect(readDate(1313498803, 'date', ['iso']).date).toBeNull();
		expect(optionalDate('junk', 'x')).toBeNull();
		expect(optionalDate(1313498803, 'x', ['epoch'])?.toISOString()).toBe(
			'2011-08-16T12:46:43.000Z',
		);
	});

	it('shows at most 40 characters of what it refused', () => {
		expect(readDate('x'.repeat(1000), 'f').reason).toBe(
			`f "${'x'.repeat(40)}" is not an ISO 8601 date and time or a Unix time`,
		);
	});

	it('reads a zone-less time as UTC whatever the process zone', () => {
		for (const zone of ['Asia/Tokyo', 'America/Los_Angeles']) {
			const [lenient, strict] = runInZone<number[]>(
				zone,
				'nodes/common/delivery/dates.ts',
				`return [Date.parse('2023-02-09T01:00:00'), m.readDate('2023-02-09T01:00:00', 'dateDue').date.getTime()];`,
			);
			// V8 reads the text in the process zone: the process is really in another one
			expect(lenient).not.toBe(Date.UTC(2023, 1, 9, 1));
			expect(strict).toBe(Date.UTC(2023, 1, 9, 1));
		}
	});
});

describe('the parts of the reader', () => {
	it('dateFromEpoch: seconds below 1e11, milliseconds from it, up to the year 9999', () => {
		expect(dateFromEpoch(1)?.toISOString()).toBe('1970-01-01T00:00:01.000Z');
		expect(dateFromEpoch(253_402_300_799_999)?.toISOString()).toBe('9999-12-31T23:59:59.999Z');
		expect(dateFromEpoch(253_402_300_800_000)).toBeNull();
		expect(dateFromEpoch(0)).toBeNull();
		expect(dateFromEpoch(-1)).toBeNull();
	});

	it('parseIsoTimestamp: a date alone is its midnight UTC; a space for the sign of a zone is a plus', () => {
		expect(parseIsoTimestamp('2015-01-20')?.toISOString()).toBe('2015-01-20T00:00:00.000Z');
		expect(parseIsoTimestamp('2007-04-05T16:30 02:00')?.toISOString()).toBe(
			'2007-04-05T14:30:00.000Z',
		);
		expect(parseIsoTimestamp('2024-02-29T00:00Z')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
		expect(parseIsoTimestamp('2023-02-29T00:00Z')).toBeNull();
		expect(parseIsoTimestamp('1700000000')).toBeNull();
	});

	it('believableTime: a change time later than now plus the clock skew is none', () => {
		const now = Date.UTC(2026, 0, 1);
		expect(believableTime(new Date(now + CLOCK_SKEW_MS), now)).toBe(now + CLOCK_SKEW_MS);
		expect(believableTime(new Date(now + CLOCK_SKEW_MS + 1), now)).toBeUndefined();
		expect(believableTime(new Date('9999-01-01T00:00:00Z'), now)).toBeUndefined();
		expect(believableTime(new Date(Number.NaN), now)).toBeUndefined();
		expect(believableTime(null, now)).toBeUndefined();
		expect(believableTime(new Date(now - 1), now)).toBe(now - 1);
	});

	it('parseHttpDate: the three forms of RFC 9110, nothing else', () => {
		const at = Date.UTC(1994, 10, 6, 8, 49, 37);
		expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(at);
		expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(at);
		expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(at);
		for (const text of ['12.5.3', '1994-11-06T08:49:37Z', 'Sun, 31 Feb 1994 08:49:37 GMT', 'soon'])
			expect(parseHttpDate(text)).toBeUndefined();
		expect(parseHttpDate('Sun, 06 Foo 1994 08:49:37 GMT')).toBeUndefined();
	});
});

describe('userDateMs: a time typed into Start From or Created After', () => {
	it('is read in UTC when it gives no zone and in the zone it gives, whatever the n8n process zone', () => {
		for (const zone of ['Asia/Tokyo', 'America/New_York']) {
			expect(
				runInZone<number[]>(
					zone,
					'nodes/common/delivery/dates.ts',
					`return ['2026-01-02T00:00:00', '2026-01-02', '2026-01-02T09:00:00+09:00', '2026-01-01T19:00:00-05:00'].map((text) => m.userDateMs(text, 'Start From'));`,
				),
			).toEqual([1, 2, 3, 4].map(() => Date.UTC(2026, 0, 2)));
		}
		expect(userDateMs('2026-01-02T00:00:00.000Z', 'Start From')).toBe(Date.UTC(2026, 0, 2));
	});

	it('takes a Date, a Luxon DateTime (an expression’s result) and Unix time as they are', () => {
		const at = Date.UTC(2026, 0, 2);
		expect(userDateMs(new Date(at), 'Start From')).toBe(at);
		expect(userDateMs({ toISO: () => '2026-01-02T09:00:00.000+09:00' }, 'Start From')).toBe(at);
		expect(userDateMs(at / 1000, 'Start From')).toBe(at);
		expect(userDateMs('', 'Start From')).toBeUndefined();
		expect(userDateMs(undefined, 'Start From')).toBeUndefined();
	});

	it('refuses anything else, saying what to type', () => {
		for (const value of ['12.5.3', 'Sun Jan 01 2026 10:00:00 GMT+0100', 'tomorrow', new Date('x')])
			expect(() => userDateMs(value, 'Created After')).toThrow(
				/^Created After .* is not a date and time: use ISO 8601, e\.g\. 2026-01-31T09:00:00Z \(no zone: UTC\)/,
			);
	});

	it('as a node parameter, fails the node with the parameter named', () => {
		const node = { name: 'Gengo', type: 'gengo', typeVersion: 1, position: [0, 0], parameters: {} };
		expect(() =>
			userDateParameter({ getNode: () => node as never }, '12.5.3', 'Created After', 2),
		).toThrow(
			expect.objectContaining({
				name: 'NodeOperationError',
				message: expect.stringMatching(/^Created After "12\.5\.3" is not a date and time/),
			}),
		);
	});
});

describe("each vendor's date fields, through the one reader", () => {
	it('Phrase TMS timestamp: Unix seconds or milliseconds, ISO 8601; what V8 reads leniently is no time', () => {
		expect(occurredAtOf(1741357466)?.toISOString()).toBe('2025-03-07T14:24:26.000Z');
		expect(occurredAtOf('2023-11-10T18:13:51+0000')?.toISOString()).toBe(
			'2023-11-10T18:13:51.000Z',
		);
		for (const text of ['12.5.3', 'Tue 3', '2023-02-30T00:00:00Z'])
			expect(occurredAtOf(text)).toBeNull();
	});

	it('Smartcat statusModificationDate: one spelling per instant in the eventKey, zone-less as UTC, no key part from garbage', () => {
		const [projectStatus] = SMARTCAT_EVENTS;
		const key = (statusModificationDate: string) =>
			smartcatEventKey(projectStatus, 'p1', { status: 'completed', statusModificationDate });
		expect(key('2021-01-23T12:16:53.73+03:00')).toBe(key('2021-01-23T09:16:53.730Z'));
		expect(key('2021-01-23T09:16:53.73')).toBe(key('2021-01-23T09:16:53.730Z'));
		expect(normalizedDate('12.5.3')).toBeNull();
		expect(normalizedDate('1611393413')).toBeNull();
		expect(key('12.5.3')).toBe(`smartcat:${projectStatus.event}:p1:completed:`);
	});

	it('Gengo ctime: Unix seconds, as a number or as text; anything else is no ctimeIso', () => {
		const ctimeIso = (ctime: unknown) =>
			presentJob({ job_id: '1', ctime } as unknown as GengoJob, new Date()).ctimeIso;
		expect(ctimeIso(1313475693)).toBe('2011-08-16T06:21:33.000Z');
		expect(ctimeIso('1313475693')).toBe('2011-08-16T06:21:33.000Z');
		for (const ctime of ['12.5.3', '2011-08-16T06:21:33Z', 0, -1])
			expect(ctimeIso(ctime)).toBeNull();
	});

	it('Wordbee Beebox: ISO 8601 only, as Wordbee documents its dates', () => {
		expect(parseTimestamp('2023-06-20 06:56:35Z')?.toISOString()).toBe('2023-06-20T06:56:35.000Z');
		expect(parseTimestamp('1687244195')).toBeNull();
		expect(parseTimestamp('12.5.3')).toBeNull();
	});
});
