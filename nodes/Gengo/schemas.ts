import { z } from 'zod/v4';

/**
 * What Gengo sends to a job's `callback_url` (developers.gengo.com/v2/callback_urls): a POST,
 * form-encoded, with exactly one parameter holding JSON: `job` (a Job payload as Job GET returns it) or
 * `comment` (`job_id`, `body`, `ctime`, optional `custom_data` and `file_url_tgt`). Numbers arrive as numbers or
 * as strings depending on the field and Gengo's version, so every numeric field accepts both.
 */

/** An integer id or count, as a number or a numeric string. */
const integerLike = z
	.union([
		z.number().int(),
		z
			.string()
			.trim()
			.regex(/^-?\d+$/),
	])
	.transform((v) => Number(v));
/** A decimal amount (credits), as a number or a numeric string. */
const decimalLike = z
	.union([
		z.number(),
		z
			.string()
			.trim()
			.regex(/^-?\d+(\.\d+)?$/),
	])
	.transform((v) => Number(v));
/** Gengo's Bool(1/0): 1, 0, "1", "0", true, false. */
const boolLike = z
	.union([z.boolean(), z.literal(0), z.literal(1), z.enum(['0', '1', 'true', 'false'])])
	.transform((v) => v === true || v === 1 || v === '1' || v === 'true');
/** A Gengo id (job, order): a number or a numeric string, kept as a string as docs/design.md wants ids. */
const id = (field: string, missing = `${field} is missing`) =>
	z
		.union(
			[
				z.number().int().nonnegative(),
				z
					.string()
					.trim()
					.regex(/^\d{1,20}$/),
			],
			{
				error: (issue) => (issue.input === undefined ? missing : `${field} is not a numeric id`),
			},
		)
		.transform((v) => String(v));

/** Job statuses Gengo documents (payloads page: available, pending, reviewable, revising, approved, cancelled; held and rejected appear in order and job actions). */
const status = z
	.string({ error: 'job.status is missing' })
	.trim()
	.regex(/^[a-z_]{1,40}$/, 'job.status is not a Gengo job status');

export const gengoJobSchema = z
	.object({
		job_id: id('job.job_id', 'job.job_id is missing: this is not a Gengo job callback'),
		order_id: id('job.order_id').optional(),
		status,
		body_src: z.string().optional(),
		body_tgt: z.string().optional(),
		lc_src: z.string().optional(),
		lc_tgt: z.string().optional(),
		slug: z.string().optional(),
		tier: z.string().optional(),
		unit_count: integerLike.optional(),
		credits: decimalLike.optional(),
		currency: z.string().optional(),
		eta: integerLike.optional(),
		ctime: integerLike.optional(),
		auto_approve: boolLike.optional(),
		custom_data: z.string().nullish(),
		callback_url: z.string().optional(),
		file_url_src: z.string().optional(),
		file_url_tgt: z.string().optional(),
	})
	.passthrough();

export const gengoCommentSchema = z
	.object({
		job_id: id('comment.job_id', 'comment.job_id is missing: this is not a Gengo comment callback'),
		body: z.string({ error: 'comment.body is missing' }),
		ctime: integerLike.optional(),
		custom_data: z.string().nullish(),
		file_url_tgt: z.string().optional(),
	})
	.passthrough();

export type GengoJob = z.output<typeof gengoJobSchema>;
export type GengoComment = z.output<typeof gengoCommentSchema>;

/** The API's answer envelope. */
export const gengoResponseSchema = z.object({
	opstat: z.string(),
	response: z.unknown().optional(),
	err: z.unknown().optional(),
});
