import { malformedEncoding } from '../../../nodes/common/delivery/encoding';
import { GengoTrigger } from '../../../nodes/Gengo/GengoTrigger.node';
import { PhraseTrigger } from '../../../nodes/Phrase/PhraseTrigger.node';
import { deliverTo } from '../../helpers/webhookContext';

const FORM = 'application/x-www-form-urlencoded';

describe('malformedEncoding: the bytes of a delivery must be what a vendor sends', () => {
	it.each([
		[
			'UTF-8 JSON',
			{ rawBody: Buffer.from('{"a":"Übersetzung ✓ 翻訳"}') },
			undefined,
			'application/json',
		],
		[
			'a form with percent-encoded UTF-8',
			{ rawBody: Buffer.from('job=%C3%9Cbersetzung+%E2%9C%93') },
			undefined,
			FORM,
		],
		[
			'a query with percent-encoded UTF-8 and a literal +',
			{ originalUrl: '/webhook/x/beebox?bbid=%E7%BF%BB&bbdate=2024-01-01T10:00+02:00' },
			undefined,
			'',
		],
		['an empty body', { rawBody: Buffer.alloc(0) }, undefined, ''],
		['gzip (n8n undoes it)', { rawBody: Buffer.from('{}') }, 'gzip', 'application/json'],
		['identity', {}, 'Identity', ''],
	])('accepts %s', (_name, request, coding, type) => {
		expect(malformedEncoding(request, coding, type)).toBeUndefined();
	});

	it.each([
		['a lone continuation byte', [0x80]],
		['0xff', [0xff]],
		['a cut two-byte sequence', [0xc3, 0x28]],
		['an overlong slash', [0xc0, 0xaf]],
		['a surrogate', [0xed, 0xa0, 0x80]],
		['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
	])('refuses a body with %s', (_name, bytes) => {
		const rawBody = Buffer.concat([Buffer.from('{"a":"'), Buffer.from(bytes), Buffer.from('"}')]);
		expect(malformedEncoding({ rawBody }, undefined, 'application/json')).toBe(
			'the body is not valid UTF-8',
		);
	});

	it.each(['%FF', '%C3%28', '%E2%82', '%', '%E', '%ZZ', '%%41'])(
		'refuses %s in a query string or a form body',
		(escape) => {
			expect(
				malformedEncoding(
					{ originalUrl: `/webhook/x/beebox?bbid=${escape}&bbevent=X` },
					undefined,
					'',
				),
			).toBe('the query string is not valid percent-encoded UTF-8');
			expect(malformedEncoding({ rawBody: Buffer.from(`job=${escape}`) }, undefined, FORM)).toBe(
				'the form body is not valid percent-encoded UTF-8',
			);
		},
	);

	it('refuses a Content-Encoding n8n does not undo', () => {
		expect(malformedEncoding({}, 'br', 'application/json')).toMatch(
			/Content-Encoding "br" is not supported/,
		);
	});

	it('reads a Content-Encoding as HTTP does: any case, surrounding spaces ignored', () => {
		expect(malformedEncoding({}, ' GZIP ', 'application/json')).toBeUndefined();
		expect(malformedEncoding({}, 'Deflate', 'application/json')).toBeUndefined();
		expect(malformedEncoding({}, ' BR ', 'application/json')).toBe(
			'Content-Encoding "br" is not supported: send the body as it is, gzip or deflate',
		);
	});

	it('names at most 40 characters of an unknown Content-Encoding', () => {
		const message = malformedEncoding({}, 'x'.repeat(100), 'application/json');
		expect(message).toBe(
			`Content-Encoding "${'x'.repeat(40)}" is not supported: send the body as it is, gzip or deflate`,
		);
	});

	it('checks the query of url when n8n gives no originalUrl, and originalUrl when it gives both', () => {
		expect(malformedEncoding({ url: '/webhook/x/beebox?bbid=%FF' }, undefined, '')).toBe(
			'the query string is not valid percent-encoded UTF-8',
		);
		expect(malformedEncoding({ url: '?bbid=%FF' }, undefined, '')).toBe(
			'the query string is not valid percent-encoded UTF-8',
		);
		expect(
			malformedEncoding(
				{ originalUrl: '/webhook/x/beebox?bbid=1', url: '/beebox?bbid=%FF' },
				undefined,
				'',
			),
		).toBeUndefined();
		expect(malformedEncoding({ url: '/webhook/x/beebox' }, undefined, '')).toBeUndefined();
	});

	it('percent-decodes only a form body; other bodies and bodies n8n did not keep as bytes are left alone', () => {
		expect(
			malformedEncoding({ rawBody: Buffer.from('{"a":"100%FF"}') }, undefined, 'application/json'),
		).toBeUndefined();
		expect(malformedEncoding({ rawBody: 'job=%FF' }, undefined, FORM)).toBeUndefined();
	});
});

describe('every trigger answers 400 to bytes that are not UTF-8, before its own checks', () => {
	it.each([
		[
			'Gengo',
			new GengoTrigger(),
			{ headers: { 'content-type': FORM }, body: { job: '{}' }, rawBody: Buffer.from('job=%FF') },
		],
		[
			'Phrase TMS (before the token check)',
			new PhraseTrigger(),
			{
				headers: { 'content-type': 'application/json' },
				body: {},
				rawBody: Buffer.from([0x7b, 0xff, 0x7d]),
			},
		],
	])('%s', async (_name, trigger, request) => {
		const answer = await deliverTo(trigger)(request);
		expect(answer.status).toBe(400);
		expect(answer.items).toEqual([]);
	});
});

describe('malformedEncoding: only the query is percent-decoded, a + is a space', () => {
	it('a path with a % that is no escape is not the query', () => {
		expect(malformedEncoding({ url: '/webhook/%zz/beebox?bbid=1' }, undefined, '')).toBeUndefined();
		expect(malformedEncoding({ url: '/webhook/%zz/beebox' }, undefined, '')).toBeUndefined();
	});

	it('a + inside an escape breaks it (it reads as a space), it does not join it', () => {
		expect(malformedEncoding({ url: '/w?bbid=%4+1' }, undefined, '')).toBe(
			'the query string is not valid percent-encoded UTF-8',
		);
	});
});
