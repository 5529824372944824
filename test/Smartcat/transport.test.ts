import { SMARTCAT_API, SmartcatOutOfTime } from '../../nodes/Smartcat/transport';

/** How an error answer of Smartcat becomes the message users read, and the advice per status. */
describe("Smartcat's error messages", () => {
	const message = SMARTCAT_API.errorMessage;

	it.each([
		[
			' Error processing request. Correlation id: 0c9b-11 \r\nDocument not found \n',
			'Document not found (correlation id 0c9b-11)',
		],
		['Error processing request. Correlation id: abc\nBad key', 'Bad key (correlation id abc)'],
		[
			'Proxy: Error processing request. Correlation id: abc\r\nBad key',
			'Proxy: Error processing request. Correlation id: abc\r\nBad key',
		],
		['plain text', 'plain text'],
	])('text %j → %j', (body, text) => {
		expect(message(body)).toBe(text);
	});

	it('cuts text at 300 characters, the wrapped message too', () => {
		expect(message('x'.repeat(400))).toBe('x'.repeat(300));
		expect(
			message(`Error processing request. Correlation id: abc\r\n${'y'.repeat(400)}`),
		).toHaveLength(300);
	});

	it.each([
		[{ detail: 'd', message: 'm', title: 't' }, 'd'],
		[{ message: 'm', Message: 'M', error: 'e' }, 'm'],
		[{ Message: 'M', error: 'e' }, 'M'],
		[{ error: 'e', title: 't' }, 'e'],
		[{ detail: 5, message: '', title: 't' }, 't'],
		[{ code: 7 }, '{"code":7}'],
		[{}, '{}'],
		[null, ''],
		[5, ''],
		[undefined, ''],
	])('JSON %j → %j', (body, text) => {
		expect(message(body)).toBe(text);
	});

	it('advice for 401 and 403 only', () => {
		const advice =
			'Check the Smartcat credential: account ID, API key and the server the account lives on.';
		expect([400, 401, 403, 404, 500].map((status) => SMARTCAT_API.hint!(status))).toEqual([
			undefined,
			advice,
			advice,
			undefined,
			undefined,
		]);
	});

	it('a call with no rate-limit slot before its deadline says so', () => {
		const error = new SmartcatOutOfTime();
		expect([error.name, error.message]).toEqual([
			'SmartcatOutOfTime',
			'no Smartcat API slot before the deadline',
		]);
	});
});
