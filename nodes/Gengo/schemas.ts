import { z } from 'zod/v4';

/**
 * What Gengo sends to a job's `callback_url` (https://developers.gengo.com/v2/callback_urls/): a POST,
 * form-encoded, with exactly one parameter holding JSON: `job` (a Job payload "as if it were a response" of Job
 * GET) or `comment` (`job_id`, `body`, `ctime`, optional `custom_data` and `file_url_tgt`, all documented as
 * strings). Gengo's documents and recorded answers give numbers as numbers in some places and as strings in others
 * (https://developers.gengo.com/v2/api_methods/job/ prints `"job_id": 384985`, its 2013 docs `"job_id": "384985"`
 * and `"eta": ""`), so every numeric field accepts both, and `eta` also the empty string Gengo sends when it has
 * no estimate.
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
/**
 * Gengo's estimate in seconds (Payloads page: "Integer: Estimated seconds until completion"): a number, a numeric
 * string, `-1` once the job is done (reececomo/gengo-api: "Will be -1 if none"), or `""` when Gengo has none
 * (Job GET in Gengo's 2013 docs and gengo-php's examples). `""` becomes null.
 */
const etaLike = z.union([z.literal('').transform(() => null), decimalLike]);
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

/**
 * Job statuses are an open set: Gengo's job-status page lists queued, available, pending, reviewable, approved,
 * revising, rejected, canceled and hold, its Payloads page spells `cancelled`; a status Gengo adds later must not
 * be refused.
 */
const status = z
	.string({ error: 'job.status is missing' })
	.trim()
	.regex(/^[a-z_]{1,40}$/, 'job.status is not a Gengo job status');

/**
 * The fields of a Job payload (https://developers.gengo.com/v2/api_methods/payloads/). `strict`: a value of the
 * wrong kind is refused (a callback: 400); otherwise (an answer of Gengo's own API, which is what it is) such a
 * value is kept as Gengo sent it, and only job_id and status must be what they are.
 */
function jobSchema(strict: boolean) {
	const typed = <T extends z.ZodType>(schema: T): T =>
		strict ? schema : (schema.catch((ctx) => ctx.input as z.output<T>) as unknown as T);
	return z
		.object({
			job_id: id('job.job_id', 'job.job_id is missing: this is not a Gengo job callback'),
			order_id: typed(id('job.order_id').optional()),
			status,
			body_src: typed(z.string().optional()),
			body_tgt: typed(z.string().optional()),
			lc_src: typed(z.string().optional()),
			lc_tgt: typed(z.string().optional()),
			slug: typed(z.string().optional()),
			tier: typed(z.string().optional()),
			unit_count: typed(integerLike.optional()),
			credits: typed(decimalLike.optional()),
			currency: typed(z.string().optional()),
			eta: typed(etaLike.optional()),
			ctime: typed(integerLike.optional()),
			auto_approve: typed(boolLike.optional()),
			// documented as a string ("up to 1K"); never turned into a number, whatever it looks like
			custom_data: typed(z.string().nullish()),
			callback_url: typed(z.string().optional()),
			file_url_src: typed(z.string().optional()),
			file_url_tgt: typed(z.string().optional()),
		})
		.passthrough();
}

/** A job as a callback carries it: strict (see jobSchema). */
export const gengoJobSchema = jobSchema(true);
/** A job as Gengo's API answers it (Job GET, Jobs GET by ids): lenient (see jobSchema). */
export const gengoApiJobSchema = jobSchema(false);

export const gengoCommentSchema = z
	.object({
		job_id: id('comment.job_id', 'comment.job_id is missing: this is not a Gengo comment callback'),
		body: z.string({ error: 'comment.body is missing' }),
		ctime: integerLike.optional(),
		custom_data: z.string().nullish(),
		file_url_tgt: z.string().optional(),
	})
	.passthrough();

/**
 * One entry of a job's comment thread, `GET /translate/job/{id}/comments` (https://developers.gengo.com/v2/api_methods/job/):
 * `{body, author, ctime}`, ctime an integer; there is no comment id.
 */
export const gengoThreadEntrySchema = z
	.object({
		body: z.string(),
		author: z.string().optional(),
		ctime: integerLike.optional(),
	})
	.passthrough();

export type GengoJob = z.output<typeof gengoJobSchema>;
export type GengoComment = z.output<typeof gengoCommentSchema>;
export type GengoThreadEntry = z.output<typeof gengoThreadEntrySchema>;

/** The API's answer envelope. */
export const gengoResponseSchema = z.object({
	opstat: z.string(),
	response: z.unknown().optional(),
	err: z.unknown().optional(),
});
