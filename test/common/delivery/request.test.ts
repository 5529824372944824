import { announcesBody, headerValue, mediaType } from '../../../nodes/common/delivery/request';

describe('reading a webhook request', () => {
	it('mediaType: the type without parameters, lower case, or empty', () => {
		expect(mediaType({ 'content-type': 'Application/JSON; charset=utf-8' })).toBe(
			'application/json',
		);
		expect(mediaType({})).toBe('');
	});

	it('headerValue: by name in any case, the first of several', () => {
		expect(headerValue({ 'X-Token': 'a' }, 'x-token')).toBe('a');
		expect(headerValue({ 'x-token': ['a', 'b'] }, 'X-Token')).toBe('a');
		expect(headerValue({}, 'x-token')).toBeUndefined();
	});

	// RFC 9112, section 6: a request has a body when it carries Content-Length (above 0) or Transfer-Encoding
	it.each([
		[{}, false],
		[{ 'content-length': '0' }, false],
		[{ 'content-length': '1' }, true],
		[{ 'content-length': '4' }, true],
		[{ 'Content-Length': '17825792' }, true],
		[{ 'transfer-encoding': 'chunked' }, true],
		// a length that is not a number is not taken for "no body"
		[{ 'content-length': 'x' }, true],
	])('announcesBody(%j) is %s', (headers, expected) => {
		expect(announcesBody(headers)).toBe(expected);
	});
});
