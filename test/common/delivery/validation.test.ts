// The one-line 400 reason parseDelivery (nodes/common/delivery/validation.ts) makes of a schema's first problem.
import { z } from 'zod/v4';

import { parseDelivery } from '../../../nodes/common/delivery/validation';

const schema = z.object({
	job: z.object({
		job_id: z.string({ error: 'job.job_id is missing' }),
		unit_count: z.number(),
		tags: z.array(z.string()),
	}),
});
const reason = (input: unknown, root?: string) => {
	try {
		parseDelivery(schema, input, root);
	} catch (error) {
		expect(error).toHaveProperty('httpStatus', 400);
		return (error as Error).message;
	}
	throw new Error('accepted');
};

describe('parseDelivery', () => {
	it('returns the parsed input', () => {
		const job = { job_id: '1', unit_count: 3, tags: [] };
		expect(parseDelivery(schema, { job })).toEqual({ job });
	});

	it("puts the field's path in front of a message that does not name it", () => {
		expect(reason({ job: { job_id: '1', unit_count: 'x', tags: [] } })).toMatch(
			/^job\.unit_count: /,
		);
		expect(reason({ job: { job_id: '1', unit_count: 1, tags: [7] } })).toMatch(/^job\.tags\.0: /);
		expect(reason({ job: { job_id: '1', unit_count: 'x', tags: [] } }, 'callback')).toMatch(
			/^callback\.job\.unit_count: /,
		);
	});

	it('keeps a message that names its field as it is', () => {
		expect(reason({ job: { unit_count: 1, tags: [] } })).toBe('job.job_id is missing');
	});

	it('names the root when the whole input is wrong', () => {
		expect(reason('text', 'comment')).toMatch(/^comment: /);
		expect(reason('text')).not.toMatch(/^: /);
		expect(
			parseDelivery(
				z.string().refine(() => true),
				'ok',
				'x',
			),
		).toBe('ok');
		expect(() => parseDelivery(z.string({ error: 'comment is not text' }), 1, 'comment')).toThrow(
			/^comment is not text$/,
		);
	});
});
