import { z } from 'zod/v4';

/**
 * What Phrase TMS POSTs to a webhook (support.phrase.com/hc/en-us/articles/5709693398812):
 * `{"event": "JOB_STATUS_CHANGED", "jobParts": [...], "metadata": {...}}` for job events, a `project` for project
 * events. Only what the trigger reads is typed; everything else is kept as sent.
 */
const idLike = z.union([z.string(), z.number()]).transform((v) => String(v));

export const phraseJobPartSchema = z
	.object({
		uid: z.string({ error: 'a job part has no uid' }).trim().min(1, 'a job part has an empty uid'),
		id: idLike.optional(),
		internalId: idLike.optional(),
		task: z.string().nullish(),
		fileName: z.string().nullish(),
		targetLang: z.string().nullish(),
		workflowLevel: z.number().int().nullish(),
		status: z.string().nullish(),
		dateDue: z.string().nullish(),
		dateCreated: z.string().nullish(),
		project: z
			.object({
				uid: z.string().nullish(),
				id: idLike.nullish(),
				name: z.string().nullish(),
				lastWorkflowLevel: z.number().int().nullish(),
			})
			.passthrough()
			.nullish(),
		assignedTo: z.array(z.object({}).passthrough()).nullish(),
	})
	.passthrough();

export type PhraseJobPart = z.output<typeof phraseJobPartSchema>;

export const phraseDeliverySchema = z
	.object(
		{
			event: z
				.string({ error: 'event is missing: this is not a Phrase TMS webhook' })
				.trim()
				.regex(/^[A-Z][A-Z0-9_]{0,99}$/, 'event is not a Phrase TMS event code'),
			timestamp: z.union([z.string(), z.number()]).nullish(),
			jobParts: z
				.array(phraseJobPartSchema, { error: 'jobParts is not a list of job parts' })
				.max(10_000)
				.nullish(),
			project: z
				.object({
					uid: z.string().nullish(),
					name: z.string().nullish(),
					status: z.string().nullish(),
				})
				.passthrough()
				.nullish(),
			metadata: z.object({}).passthrough().nullish(),
		},
		{ error: 'the body is not a JSON object: this is not a Phrase TMS webhook' },
	)
	.passthrough()
	.superRefine((body, ctx) => {
		if (/^(JOB_|CONTINUOUS_JOB_)/.test(body.event) && !(body.jobParts && body.jobParts.length)) {
			ctx.addIssue({
				code: 'custom',
				message: `jobParts is missing or empty in a ${body.event} webhook`,
				path: ['jobParts'],
			});
		}
	});

export type PhraseDelivery = z.output<typeof phraseDeliverySchema>;

/** A webhook as `/api2/v2/webhooks` answers it. */
export const phraseWebhookSchema = z
	.object({
		uid: z.string(),
		url: z.string().nullish(),
		events: z.array(z.string()).nullish(),
		status: z.string().nullish(),
	})
	.passthrough();

/** A page of `GET /api2/v2/projects/{uid}/jobs`. */
export const phraseJobPageSchema = z
	.object({
		content: z
			.array(z.object({ uid: z.string(), status: z.string().nullish() }).passthrough())
			.default([]),
		totalPages: z.number().int().nullish(),
		pageNumber: z.number().int().nullish(),
	})
	.passthrough();
