// Reading a Gengo callback (nodes/Gengo/delivery.ts): the form Gengo posts (one `job` or `comment` parameter
// holding JSON, https://developers.gengo.com/v2/callback_url/), or JSON a re-encoding proxy made of it; each
// refusal with the reason the trigger answers in its 400.
import { readGengoCallback } from '../../nodes/Gengo/delivery';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const job = JSON.stringify({ job_id: '42', status: 'approved' });
const comment = JSON.stringify({ job_id: '42', body: 'Please check', ctime: 1369227600 });

describe('readGengoCallback', () => {
	it('reads a job or a comment from the form, and from JSON', () => {
		expect(readGengoCallback(FORM, { job })).toMatchObject({
			kind: 'job',
			job: { job_id: '42', status: 'approved' },
		});
		expect(readGengoCallback(FORM, { comment })).toMatchObject({
			kind: 'comment',
			comment: { job_id: '42', body: 'Please check' },
		});
		expect(readGengoCallback(JSON_TYPE, { job: JSON.parse(job) as object })).toMatchObject({
			kind: 'job',
		});
		expect(readGengoCallback(JSON_TYPE, { comment: JSON.parse(comment) as object })).toMatchObject({
			kind: 'comment',
		});
	});

	it.each([
		[
			{},
			{ job },
			'content type "none" is not a Gengo callback: Gengo posts application/x-www-form-urlencoded',
		],
		[
			{ 'content-type': 'text/plain' },
			{ job },
			'content type "text/plain" is not a Gengo callback: Gengo posts application/x-www-form-urlencoded',
		],
		[FORM, {}, 'neither "job" nor "comment" is given: this is not a Gengo callback'],
		[FORM, { job, comment }, 'both "job" and "comment" are given: Gengo sends one'],
		[FORM, { job: [job, job] }, 'parameter "job" is given 2 times'],
		[FORM, { job: '{job' }, 'parameter "job" is not valid JSON'],
		[
			FORM,
			{ comment: '{"__proto__": {}}' },
			'parameter "comment" has a "__proto__" key, which no vendor sends',
		],
		[FORM, { job: '"text"' }, '"job" is not a JSON object'],
		[FORM, { job: '[1]' }, '"job" is not a JSON object'],
		[FORM, { job: 'null' }, '"job" is not a JSON object'],
		[FORM, { job: '0' }, '"job" is not a JSON object'],
		[FORM, { comment: '"text"' }, '"comment" is not a JSON object'],
		[FORM, { comment: '[1]' }, '"comment" is not a JSON object'],
		[FORM, { comment: 'null' }, '"comment" is not a JSON object'],
		[JSON_TYPE, { comment: 7 }, '"comment" is not a JSON object'],
	])('refuses %j %j: %s', (headers, body, reason) => {
		expect(() => readGengoCallback(headers, body)).toThrow(reason);
		try {
			readGengoCallback(headers, body);
		} catch (error) {
			expect((error as Error).message).toBe(reason);
			expect(error).toHaveProperty('httpStatus', 400);
		}
	});

	// https://developers.gengo.com/v2/callback_urls/: "For file jobs, the request that is sent to your callback will
	// contain a file_url_tgt parameter"
	it('reads a file_url_tgt parameter beside "job" or "comment"', () => {
		const link = 'https://example.invalid/gengo-placeholder/384985/target.txt';
		expect(readGengoCallback(FORM, { job, file_url_tgt: link })).toMatchObject({
			kind: 'job',
			fileUrl: link,
		});
		expect(readGengoCallback(FORM, { comment, file_url_tgt: link })).toMatchObject({
			kind: 'comment',
			fileUrl: link,
		});
		expect(readGengoCallback(FORM, { job, file_url_tgt: '' })).not.toHaveProperty('fileUrl');
		expect(readGengoCallback(FORM, { job })).not.toHaveProperty('fileUrl');
	});

	it.each([
		[
			['https://a.example/1', 'https://a.example/2'],
			FORM,
			'parameter "file_url_tgt" is given 2 times',
		],
		[{ href: 'https://a.example/1' }, JSON_TYPE, 'parameter "file_url_tgt" is not a string'],
		[7, JSON_TYPE, 'parameter "file_url_tgt" is not a string'],
	])('refuses file_url_tgt %j (400)', (value, headers, reason) => {
		expect(() => readGengoCallback(headers, { job, file_url_tgt: value })).toThrow(reason);
	});

	it('names the field of a comment that does not fit, under "comment"', () => {
		expect(() => readGengoCallback(FORM, { comment: JSON.stringify({ body: 'x' }) })).toThrow(
			/comment/,
		);
	});
});
