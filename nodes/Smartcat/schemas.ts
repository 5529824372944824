import { z } from 'zod/v4';

/**
 * What Smartcat sends and answers:
 * - a callback (https://help.smartcat.ai/hc/en-us/articles/360000048572-Using-notification-callbacks):
 *   `Content-Type: application/json`, a JSON array of string ids;
 * - the API (Smartcat API v1, https://smartcat.com/api/methods/v1/swagger.json): callback settings
 *   `{url, additionalHeaders: [{name, value}]}`, the last delivery errors, projects, documents, export tasks.
 */

/**
 * The most ids one callback may carry. Smartcat publishes no maximum: a callback lists what its notification
 * queue holds, and one action on a large project (completing it) changes the status of every document in every
 * target language at once, e.g. 1,000 files in 10 languages. The limit is set at that size, so no callback
 * Smartcat could plausibly send is refused (a 400 is retried 8 times and then dropped: the event would be lost);
 * at about 40 bytes an id it is some 400 KB, far below n8n's 16 MiB body limit. The work one callback causes is
 * bounded separately (lookups.ts).
 */
export const MAX_IDS_PER_DELIVERY = 10_000;

export const smartcatDeliverySchema = z
	.array(
		z
			.string({ error: 'every id must be a string' })
			.trim()
			.min(1, 'an id is empty')
			.max(200, 'an id is longer than 200 characters'),
		{
			error: 'the body is not a JSON array of ids',
		},
	)
	.max(
		MAX_IDS_PER_DELIVERY,
		`more than ${MAX_IDS_PER_DELIVERY} ids in one delivery (Smartcat sends one id per changed project or document)`,
	);

export const smartcatCallbackSettingsSchema = z
	.object({
		url: z.string().nullish(),
		additionalHeaders: z
			.array(z.object({ name: z.string().nullish(), value: z.string().nullish() }).passthrough())
			.nullish(),
	})
	.passthrough();

export type SmartcatCallbackSettings = z.output<typeof smartcatCallbackSettingsSchema>;

const text = z.string().nullish().catch(null);
const integer = z.number().int().nullish().catch(null);

/**
 * One entry of `GET /callback/lastErrors`, in either shape:
 * - Smartcat's current schema (`CallbackErrorModel` of the OpenAPI, also every Smartcat client since 2017),
 *   flat camelCase: `{created, url, reason, code, content, sourceIds}`;
 * - an older PascalCase shape, `{Id, Created, Expired, Url, FailResponse: {Reason, Code, Content}}`, which this
 *   node used to expect; no public source shows it, but it costs nothing to keep reading it.
 * A field of an unexpected type becomes null rather than failing the whole list.
 */
export const smartcatLastErrorSchema = z
	.object({
		created: text,
		url: text,
		reason: text,
		code: integer,
		content: text,
		sourceIds: z.array(z.string()).nullish().catch(null),
		Id: text,
		Created: text,
		Expired: text,
		Url: text,
		SourceIds: z.array(z.string()).nullish().catch(null),
		FailResponse: z
			.object({ Reason: text, Code: integer, Content: text })
			.passthrough()
			.nullish()
			.catch(null),
	})
	.passthrough();

export type SmartcatLastError = z.output<typeof smartcatLastErrorSchema>;

/**
 * A project (`ProjectModel`) or a document (`DocumentModel`) as the API answers it: kept whole; `id`, `name`,
 * `status`, `statusModificationDate` and a project's `documents` are read. Project statuses are
 * `created | inProgress | completed | canceled`, document statuses `created | inProgress | completed | updated |
 * targetUpdated` (the OpenAPI's enums; camelCase on the wire).
 */
export const smartcatEntitySchema = z
	.object({
		id: z.string().nullish(),
		name: z.string().nullish(),
		status: z.string().nullish(),
		statusModificationDate: z.string().nullish(),
	})
	.passthrough();

export type SmartcatEntity = z.output<typeof smartcatEntitySchema>;

export const smartcatProjectSchema = smartcatEntitySchema.extend({
	documents: z.array(smartcatEntitySchema).nullish(),
});

export type SmartcatProject = z.output<typeof smartcatProjectSchema>;

export const smartcatProjectListSchema = z.array(smartcatProjectSchema);

/**
 * `POST /document/export` answers `ExportDocumentTaskModel` `{id: uuid, documentIds}`. Smartcat's own Zapier
 * app shows `id` as a number in its sample, so a number is taken as its text.
 */
export const smartcatExportTaskSchema = z
	.object({
		id: z.union([z.string().min(1), z.number().transform(String)]),
		documentIds: z.array(z.string()).nullish(),
	})
	.passthrough();

export type SmartcatExportTask = z.output<typeof smartcatExportTaskSchema>;

/** The documents `POST /project/document` and `PUT /document/update` answer (OpenAPI DocumentModel[]). */
export const smartcatDocumentListSchema = z.array(smartcatEntitySchema);

/**
 * A directory (`GET /api/integration/v2/directory?type=language|vendor`): OpenAPI DirectoryModel
 * `{type, items: [{id, name}]}`. Entries without an id are dropped: nothing can be chosen by them.
 */
export const smartcatDirectorySchema = z
	.object({
		items: z
			.array(z.object({ id: z.string().nullish(), name: z.string().nullish() }).passthrough())
			.nullish(),
	})
	.passthrough()
	.transform(({ items }) =>
		(items ?? []).flatMap(({ id, name }) =>
			id && id.trim() ? [{ id: id.trim(), name: name?.trim() || id.trim() }] : [],
		),
	);

export type SmartcatDirectoryEntry = z.output<typeof smartcatDirectorySchema>[number];
