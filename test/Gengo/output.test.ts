// How a Gengo job and comment become an item (nodes/Gengo/output.ts, nodes/Gengo/schemas.ts), field by field, for
// the forms Gengo's Payloads page documents: custom_data a string "up to 1K", eta in seconds or -1 or "",
// ctime in Unix seconds, auto_approve as 1/0/"1"/"0"/true/false.
import {
	buildGengoCommentItem,
	buildGengoJobItem,
	gengoJobEventKey,
	parseCustomData,
	presentJob,
} from '../../nodes/Gengo/output';
import { gengoJobSchema, type GengoJob } from '../../nodes/Gengo/schemas';

const receivedAt = new Date('2026-03-02T10:00:00.000Z');
const job = (fields: Record<string, unknown>): GengoJob =>
	gengoJobSchema.parse({ job_id: '42', status: 'approved', ...fields });

describe('parseCustomData', () => {
	it.each([
		[undefined, null],
		[null, null],
		['', null],
		['12345678901234567890', '12345678901234567890'],
		['  {"cms_id": 7}', { cms_id: 7 }],
		['[1, 2]', [1, 2]],
		['{internal_id: 2311}', '{internal_id: 2311}'],
		['x{"a":1}', 'x{"a":1}'],
		['null', 'null'],
		['[', '['],
	])('%j → %j', (input, output) => {
		expect(parseCustomData(input)).toEqual(output);
	});
});

describe('presentJob', () => {
	it.each([
		[3600, '2026-03-02T11:00:00.000Z'],
		[0, '2026-03-02T10:00:00.000Z'],
		[-1, null],
		['', null],
		[undefined, null],
	])('eta %j → etaIso %j', (eta, etaIso) => {
		expect(presentJob(job(eta === undefined ? {} : { eta }), receivedAt).etaIso).toBe(etaIso);
	});

	it.each([
		[1369227600, '2013-05-22T13:00:00.000Z'],
		['1369227600', '2013-05-22T13:00:00.000Z'],
		[0, null],
		[-5, null],
		[undefined, null],
	])('ctime %j → ctimeIso %j', (ctime, ctimeIso) => {
		expect(presentJob(job(ctime === undefined ? {} : { ctime }), receivedAt).ctimeIso).toBe(
			ctimeIso,
		);
	});
});

describe("the job schema reads Gengo's Bool(1/0)", () => {
	it.each([
		[true, true],
		[1, true],
		['1', true],
		['true', true],
		[false, false],
		[0, false],
		['0', false],
		['false', false],
	])('auto_approve %j → %j', (value, expected) => {
		expect(job({ auto_approve: value }).auto_approve).toBe(expected);
	});
});

describe('gengoJobEventKey', () => {
	it('a reviewable job with a translation carries its hash; without one, or another status, none', () => {
		const withText = gengoJobEventKey(job({ status: 'reviewable', body_tgt: 'Hallo' }));
		expect(withText).toMatch(/^gengo:job:42:reviewable:[0-9a-f]{16}$/);
		expect(gengoJobEventKey(job({ status: 'reviewable', body_tgt: 'Hallo!' }))).not.toBe(withText);
		expect(gengoJobEventKey(job({ status: 'reviewable', body_tgt: '' }))).toBe(
			'gengo:job:42:reviewable',
		);
		expect(gengoJobEventKey(job({ status: 'reviewable' }))).toBe('gengo:job:42:reviewable');
		expect(gengoJobEventKey(job({ status: 'approved', body_tgt: 'Hallo' }))).toBe(
			'gengo:job:42:approved',
		);
	});

	it("names the status in the job-status page's spelling, whichever Gengo sent", () => {
		expect(gengoJobEventKey(job({ status: 'cancelled' }))).toBe('gengo:job:42:canceled');
		expect(gengoJobEventKey(job({ status: 'held' }))).toBe('gengo:job:42:hold');
		expect(gengoJobEventKey(job({ status: 'canceled' }))).toBe('gengo:job:42:canceled');
	});
});

describe('fileUrl: only a non-empty file_url_tgt', () => {
	it('in a job item', () => {
		const options = { fromApi: false };
		expect(
			buildGengoJobItem(job({ file_url_tgt: 'https://x/f.docx' }), receivedAt, options).fileUrl,
		).toBe('https://x/f.docx');
		expect(buildGengoJobItem(job({ file_url_tgt: '' }), receivedAt, options)).not.toHaveProperty(
			'fileUrl',
		);
		expect(buildGengoJobItem(job({}), receivedAt, options)).not.toHaveProperty('fileUrl');
	});

	it('in a comment item', () => {
		const comment = { job_id: '42', body: 'Please check', ctime: 1369227600 };
		expect(
			buildGengoCommentItem({ ...comment, file_url_tgt: 'https://x/f.docx' } as never, receivedAt)
				.fileUrl,
		).toBe('https://x/f.docx');
		expect(
			buildGengoCommentItem({ ...comment, file_url_tgt: '' } as never, receivedAt),
		).not.toHaveProperty('fileUrl');
		expect(buildGengoCommentItem(comment as never, receivedAt)).not.toHaveProperty('fileUrl');
	});
});
