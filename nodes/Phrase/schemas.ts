import { z } from 'zod/v4';

import { isJobEvent } from './events';

/**
 * Phrase uids (`uid` of jobs, projects, webhooks...: 22 letters and digits in every answer and payload seen) and
 * asynchronous request ids (digits). Checked before an id goes into a URL path, and in deliveries: an id with `/`
 * or `..` is nothing Phrase sends.
 */
export const PHRASE_ID = /^[A-Za-z0-9_-]{1,100}$/;

const idLike = z.union([z.string(), z.number()]).transform((v) => String(v));
const phraseUid = (what: string) =>
	z
		.string({ error: `${what} is not a string` })
		.trim()
		.min(1, `${what} is empty`)
		.regex(PHRASE_ID, `${what} is not a Phrase uid`);

/**
 * A job part as Phrase's webhooks send it (support.phrase.com/hc/en-us/articles/7806315978268-Event-Payload-Examples-TMS):
 * `uid`, `fileName` (the API says `filename`), `targetLang`, `workflowLevel`, `status` in the webhook naming,
 * `project {uid, lastWorkflowLevel}`, `assignedTo`; continuous jobs and LQA add `workUnit`, JOB_TARGET_UPDATED
 * segment counts. Only what the trigger reads is typed; everything else is kept as sent.
 */
export const phraseJobPartSchema = z
	.object({
		uid: z
			.string({ error: 'a job part has no uid' })
			.trim()
			.min(1, 'a job part has an empty uid')
			.regex(PHRASE_ID, 'a job part uid is not a Phrase uid'),
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
				uid: phraseUid("a job part's project uid").nullish(),
				id: idLike.nullish(),
				name: z.string().nullish(),
				lastWorkflowLevel: z.number().int().nullish(),
			})
			.passthrough()
			.nullish(),
		assignedTo: z.array(z.object({}).passthrough()).nullish(),
		workUnit: z.object({}).passthrough().nullish(),
	})
	.passthrough();

export type PhraseJobPart = z.output<typeof phraseJobPartSchema>;

/** The most job parts one webhook may carry: more than a Phrase project can hold in one import. */
export const MAX_JOB_PARTS = 10_000;

/**
 * What Phrase TMS POSTs to a webhook (support.phrase.com/hc/en-us/articles/5709693398812-Webhooks-TMS and the
 * payload examples above): `event`, `timestamp` (Unix seconds), `eventUid` (every real delivery), then by event:
 * `jobParts` (job events), one `jobPart` (JOB_TARGET_UPDATED), `jobUid` and `error` (JOB_UNEXPORTED), `project`
 * (project events), `projectTemplate`, `analyse`; newer payloads add `metadata.project`.
 */
export const phraseDeliverySchema = z
	.object(
		{
			event: z
				.string({ error: 'event is missing: this is not a Phrase TMS webhook' })
				.trim()
				.regex(/^[A-Z][A-Z0-9_]{0,99}$/, 'event is not a Phrase TMS event code'),
			timestamp: z.union([z.string(), z.number()]).nullish(),
			eventUid: z.string().trim().min(1).max(200).nullish(),
			jobParts: z
				.array(phraseJobPartSchema, { error: 'jobParts is not a list of job parts' })
				.max(MAX_JOB_PARTS, `more than ${MAX_JOB_PARTS} job parts`)
				.nullish(),
			jobPart: phraseJobPartSchema.nullish(),
			jobUid: phraseUid('jobUid').nullish(),
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
		if (isJobEvent(body.event) && !body.jobParts?.length && !body.jobPart && !body.jobUid) {
			ctx.addIssue({
				code: 'custom',
				message: `jobParts is missing or empty in a ${body.event} webhook (and it has no jobPart or jobUid)`,
				path: ['jobParts'],
			});
		}
	});

export type PhraseDelivery = z.output<typeof phraseDeliverySchema>;

/**
 * The job parts a delivery is about: `jobParts`, or JOB_TARGET_UPDATED's single `jobPart` (Phrase's payload
 * examples; Blackbird's Phrase app parses it so). JOB_UNEXPORTED has none, only `jobUid`.
 */
export function jobPartsOf(body: PhraseDelivery): PhraseJobPart[] {
	if (body.jobParts?.length) return body.jobParts;
	return body.jobPart ? [body.jobPart] : [];
}

/** A webhook as `/api2/v2/webhooks` answers it. */
export const phraseWebhookSchema = z
	.object({
		uid: z.string(),
		url: z.string().nullish(),
		events: z.array(z.string()).nullish(),
		status: z.string().nullish(),
	})
	.passthrough();

/** A page of a Phrase list (`{content, totalElements, totalPages, pageNumber, ...}`), items kept as sent. */
export const phrasePageSchema = z
	.object({
		content: z.array(z.object({}).passthrough()).nullish(),
		totalElements: z.number().int().nullish(),
		totalPages: z.number().int().nullish(),
		pageNumber: z.number().int().nullish(),
	})
	.passthrough();

/** `PUT .../targetFile`: `{asyncRequest: {id, action, ...}}` (developers.phrase.com/en/api/tms/latest/job/download-target-file-async). */
export const phraseAsyncRequestSchema = z
	.object({
		asyncRequest: z.object({ id: idLike }).passthrough(),
	})
	.passthrough();

/** `GET /api2/v1/async/{id}`: `asyncResponse` stays null until the request finished; then errors, if any. */
export const phraseAsyncStatusSchema = z
	.object({
		asyncResponse: z
			.object({
				errorCode: z.string().nullish(),
				errorDesc: z.string().nullish(),
			})
			.passthrough()
			.nullish(),
	})
	.passthrough();

/**
 * One call of a webhook as `GET /api2/v1/webhooksCalls` lists it (Phrase's OpenAPI `WebhookCallDto`): the
 * call's `uid`, the event's `eventUid`, the webhook, when, where to, the `body` sent (the payload as a string),
 * the event code, the answer's `statusCode`.
 */
export const phraseWebhookCallSchema = z
	.object({
		uid: z.string(),
		eventUid: z.string().nullish(),
		parentUid: z.string().nullish(),
		createdAt: z.string().nullish(),
		url: z.string().nullish(),
		body: z.string().nullish(),
		triggerEvent: z.string().nullish(),
		statusCode: z.number().int().nullish(),
		retryAttempt: z.number().int().nullish(),
		webhookSettings: z.object({ uid: z.string().nullish() }).passthrough().nullish(),
	})
	.passthrough();

export type PhraseWebhookCall = z.output<typeof phraseWebhookCallSchema>;

/**
 * A job as creating jobs and updating a source answer it (Phrase's OpenAPI `JobPartReference`,
 * `JobPartUpdateSourceDto`): uid, status, targetLang, filename, workflowLevel; everything else kept as sent. Read
 * leniently: the answer comes after Phrase did the work, so a job Phrase lists is output even with an odd uid.
 */
const phraseJobReferenceSchema = z
	.object({
		uid: z.string().nullish(),
		status: z.string().nullish(),
		targetLang: z.string().nullish(),
		filename: z.string().nullish(),
		workflowLevel: z.number().int().nullish(),
	})
	.passthrough();

/**
 * What `POST /api2/v1/projects/{p}/jobs` (Phrase's "Create job", `JobListDto`) and `POST .../jobs/source` ("Update
 * source", `JobUpdateSourceResponseDto`) answer: the jobs, the files Phrase did not import, and the asynchronous
 * request importing them.
 */
export const phraseJobListSchema = z
	.object({
		jobs: z.array(phraseJobReferenceSchema).nullish(),
		unsupportedFiles: z.array(z.string()).nullish(),
		asyncRequest: z.object({ id: idLike }).passthrough().nullish(),
	})
	.passthrough();

/** `GET /api2/v1/languages` (Phrase's "List supported languages", `LanguageListDto`). */
export const phraseLanguageListSchema = z
	.object({
		languages: z.array(
			z
				.object({ code: z.string(), name: z.string().nullish(), rfc: z.string().nullish() })
				.passthrough(),
		),
	})
	.passthrough();

/** A project as creating one answers it (`AbstractProjectDtoV2`) and `GET /api2/v1/projects/{p}` returns it. */
export const phraseProjectSchema = z
	.object({
		uid: phraseUid("the project's uid"),
		name: z.string().nullish(),
		sourceLang: z.string().nullish(),
		targetLangs: z.array(z.string()).nullish(),
	})
	.passthrough();
