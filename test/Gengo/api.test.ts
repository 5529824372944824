// The Gengo node's id handling and answer reading (nodes/Gengo/api.ts) on its own: what a user types in "Job IDs"
// and what an answer without the expected part gives.
import { GengoApiError } from '../../nodes/Gengo/transport';
import { jobPath, parseJobIds, readJobAnswer } from '../../nodes/Gengo/api';

describe('parseJobIds', () => {
	it.each([
		['123', ['123']],
		['123, 456 789', ['123', '456', '789']],
		['123;;456,\n789\t', ['123', '456', '789']],
		[' 123 , 123 ', ['123']],
		['', []],
	])('%j → %j', (text, ids) => {
		expect(parseJobIds(text)).toEqual(ids);
	});

	it('refuses what is not a job id, naming at most 80 characters of it, with a hint', () => {
		const error = (() => {
			try {
				parseJobIds(`1, ${'x'.repeat(100)}`);
			} catch (e) {
				return e as GengoApiError;
			}
			throw new Error('accepted');
		})();
		expect(error).toBeInstanceOf(GengoApiError);
		expect(error.message).toBe(`"${'x'.repeat(80)}" is not a Gengo job ID (job IDs are numbers)`);
		expect(error.httpStatus).toBe(400);
		expect(error.hint).toBe(
			"Check the Job ID: it is usually taken from the trigger's item with an expression.",
		);
		expect(() => parseJobIds('12-3')).toThrow('"12-3" is not a Gengo job ID');
	});
});

describe('jobPath and readJobAnswer', () => {
	it('puts a checked id in the path', () => {
		expect(jobPath('42')).toBe('/translate/job/42');
		expect(() => jobPath('4/2')).toThrow(/Gengo job ID/);
	});

	it('reads the job of an answer; nothing from an answer without one', () => {
		expect(readJobAnswer({ job: { job_id: '42', status: 'pending' } })).toMatchObject({
			job_id: '42',
		});
		expect(readJobAnswer(undefined)).toBeUndefined();
		expect(readJobAnswer({})).toBeUndefined();
	});
});
