import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * The one reader of the dates vendors send and users type. Vendors send ISO 8601 (Smartcat's
 * `statusModificationDate` with a fraction and `Z`, Phrase's `dateCreated` as `2023-11-10T18:13:51+0000`, Wordbee's
 * `2015-01-20T08:48:21.2142634+00:00` and `2023-06-20 06:56:35Z`) or Unix time (Gengo's `ctime` in seconds, as a
 * number or a numeric string; Phrase's webhook `timestamp`). Nothing else is read: V8's `Date.parse` reads
 * `"12.5.3"` as 2003 and `"1"` as 2001, which would put a vendor's garbage into an item as a real date.
 * A date without a zone is UTC, never the n8n process's zone.
 */

// date, optional time (`T` or a space between), optional seconds and fraction, optional zone. The zone's sign may
// arrive as a space: an unencoded `+` in a query string decodes to one (`12:30+02:00` -> `12:30 02:00`), which
// Wordbee's callback URLs carry (help.wordbee.com/beebox/callbacks-parameters).
const TIMESTAMP =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*(Z)|([+\- ])(\d{2})(?::?(\d{2}))?)?)?$/i;

/**
 * Parses the ISO 8601 forms vendors send (`2007-04-05T14:30Z`, `2007-04-05T12:30-02:00`, `...+0200`,
 * `2023-06-20 06:56:35Z`, `2015-01-20T08:48:21.2142634+00:00`, a date alone). Without a zone the time is UTC.
 * Returns null for anything that is not a real date and time (month 13, 25:00, a year before 100, ...).
 */
export function parseIsoTimestamp(text: string): Date | null {
	const match = TIMESTAMP.exec(text.trim());
	if (!match) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', , sign, oh = '0', om = '0'] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s);
	const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
	const offsetHours = Number(oh);
	const offsetMinutes = Number(om);
	// a month or day out of range shows in the probe below (Date.UTC carries it into the next month or year;
	// it also reads years 0-99 as 1900-1999, which the probe refuses too)
	if (hour > 23 || minute > 59 || second > 59) return null;
	if (offsetHours > 14 || offsetMinutes > 59) return null;
	const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (
		probe.getUTCFullYear() !== year ||
		probe.getUTCMonth() !== month - 1 ||
		probe.getUTCDate() !== day
	)
		return null;
	const offset = (offsetHours * 60 + offsetMinutes) * 60_000 * (sign === '-' ? -1 : sign ? 1 : 0);
	return new Date(utc - offset);
}

/** Below this a Unix time is seconds (1e11 s is the year 5138), from it milliseconds (1e11 ms is 1973). */
export const EPOCH_MILLIS_FROM = 1e11;
/** 9999-12-31T23:59:59.999Z: the last instant ISO 8601's four-digit years can write. */
const LAST_MS = 253_402_300_799_999;

/**
 * Unix time in seconds or milliseconds, told apart by magnitude (EPOCH_MILLIS_FROM). Zero and negative times are
 * no date: vendors send 0 for "not set" (Gengo's documented `eta: -1` is of the same kind).
 */
export function dateFromEpoch(value: number): Date | null {
	if (!Number.isFinite(value) || value <= 0) return null;
	const ms = value < EPOCH_MILLIS_FROM ? value * 1000 : value;
	return ms > LAST_MS ? null : new Date(Math.round(ms));
}

export type DateForm = 'iso' | 'epoch';

/** What a date field held: a date, nothing (absent or empty), or something unreadable and why. */
export type DateReading =
	| { date: Date; reason?: undefined }
	| { date: null; reason?: undefined }
	| { date: null; reason: string };

const EPOCH_TEXT = /^\d+(?:\.\d+)?$/;

/**
 * Reads a vendor's date field. `forms`: what this field may hold (ISO 8601 text, Unix time as a number or numeric
 * text); anything else is unreadable, with a one-line reason naming the field, for the caller to refuse the
 * delivery with (a required date) or to show as null (an optional one).
 */
export function readDate(
	value: unknown,
	field: string,
	forms: readonly DateForm[] = ['iso', 'epoch'],
): DateReading {
	if (value === undefined || value === null || value === '') return { date: null };
	const epoch = forms.includes('epoch');
	const iso = forms.includes('iso');
	let date: Date | null = null;
	if (typeof value === 'number') date = epoch ? dateFromEpoch(value) : null;
	else if (typeof value === 'string') {
		const text = value.trim();
		if (EPOCH_TEXT.test(text)) date = epoch ? dateFromEpoch(Number(text)) : null;
		else date = iso ? parseIsoTimestamp(text) : null;
	}
	if (date) return { date };
	const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
	const expected = [iso ? 'an ISO 8601 date and time' : '', epoch ? 'a Unix time' : '']
		.filter(Boolean)
		.join(' or ');
	return { date: null, reason: `${field} ${shown} is not ${expected}` };
}

/** An optional vendor date: the date, or null when absent or unreadable. */
export function optionalDate(
	value: unknown,
	field: string,
	forms?: readonly DateForm[],
): Date | null {
	return readDate(value, field, forms).date;
}

/** A time a user typed into a node parameter ("Start From", "Created After") that is not one. */
export class UnreadableUserDate extends Error {
	constructor(parameter: string, value: unknown) {
		super(
			`${parameter} ${typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value} is not a date and time: use ISO 8601, e.g. 2026-01-31T09:00:00Z (no zone: UTC) or 2026-01-31T10:00:00+01:00`,
		);
		this.name = 'UnreadableUserDate';
	}
}

/**
 * A date and time from a node parameter, as milliseconds; undefined when empty. ISO 8601 text is read in the zone
 * it gives and, without one, in UTC: never in the n8n process's zone, which the user neither sees nor sets. A
 * Date (an expression's result) or Unix time is taken as is. Anything else throws UnreadableUserDate.
 */
export function userDateMs(value: unknown, parameter: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
	// a Luxon DateTime from an expression such as {{ $now.minus(1, 'day') }}
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const iso = (value as { toISO(): unknown }).toISO();
		if (typeof iso === 'string') return userDateMs(iso, parameter);
	}
	const { date } = readDate(value, parameter);
	if (!date) throw new UnreadableUserDate(parameter, value);
	return date.getTime();
}

/**
 * userDateMs for a node's parameter: a value that is no date fails the node with NodeOperationError, naming the
 * parameter and what to type instead.
 */
export function userDateParameter(
	ctx: { getNode(): INode },
	value: unknown,
	parameter: string,
	itemIndex?: number,
): number | undefined {
	try {
		return userDateMs(value, parameter);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, { itemIndex });
	}
}

/** Vendor clocks run a little ahead of n8n's: within this, a date in the future is still believed. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A vendor's change time, as milliseconds, when it is believable now: undefined when there is none or when it is
 * later than now (plus the skew). A date far in the future (a typo, a placeholder) would otherwise stay the
 * "most recent" forever.
 */
export function believableTime(date: Date | null | undefined, now: number): number | undefined {
	const time = date?.getTime();
	return time === undefined || Number.isNaN(time) || time > now + CLOCK_SKEW_MS ? undefined : time;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
const RFC850_DATE = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
const ASCTIME_DATE = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/**
 * An HTTP-date (RFC 9110 section 5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must
 * accept), as milliseconds; undefined for anything else. Not ISO 8601: it is how HTTP headers (Retry-After) write
 * dates, and V8's Date.parse would read garbage in them as some date long past.
 */
export function parseHttpDate(value: string): number | undefined {
	const text = value.trim();
	let parts: [string, string, string, string, string, string] | undefined;
	let m = IMF_FIXDATE.exec(text);
	if (m) parts = [m[3], m[2], m[1], m[4], m[5], m[6]];
	else if ((m = RFC850_DATE.exec(text))) {
		// RFC 9110: a two-digit year more than 50 years in the future is in the past century
		const yy = Number(m[3]);
		const thisYear = new Date().getUTCFullYear();
		let year = 2000 + yy;
		if (year > thisYear + 50) year -= 100;
		parts = [String(year), m[2], m[1], m[4], m[5], m[6]];
	} else if ((m = ASCTIME_DATE.exec(text))) parts = [m[6], m[1], m[2].trim(), m[3], m[4], m[5]];
	if (!parts) return undefined;
	const month = MONTHS.indexOf(parts[1].toLowerCase());
	if (month < 0) return undefined;
	const iso = `${parts[0]}-${String(month + 1).padStart(2, '0')}-${parts[2].padStart(2, '0')}T${parts[3]}:${parts[4]}:${parts[5]}Z`;
	return parseIsoTimestamp(iso)?.getTime();
}
