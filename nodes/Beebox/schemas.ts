import { z } from 'zod/v4';

import { parseBooleanWord, parseTimestamp } from './delivery';

/** The query (or form) parameters of a Beebox callback, as Wordbee documents them. */
export const BEEBOX_CALLBACK_PARAMETERS = [
	'bbid',
	'bbevent',
	'bbsender',
	'bbproject',
	'bbdate',
	'bbok',
	'bberror',
] as const;

// No Beebox sends control characters in these values; refusing them keeps junk out of items and logs.
const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

const optionalText = (name: string, max: number) =>
	z
		.string()
		.max(max, `${name} is longer than ${max} characters`)
		.optional()
		.transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

/**
 * A Beebox callback. Wordbee's pages disagree with each other on value formats, and a real Beebox sends what the
 * pages show (help.wordbee.com/beebox/callbacks-configure):
 * - `bbdate`: `2007-04-05T14:30Z`, `2007-04-05T12:30-02:00` (callbacks-parameters page) and `2023-06-20 06:56:35Z` (connector page);
 * - `bbok`: `true`/`false` (callbacks-parameters page) and `yes`/`no` (connector page);
 * - `bberror`: present but empty when the operation succeeded.
 * Only what no Beebox sends is refused: no `bbid` or `bbevent`, a `bbdate` that is no date, a `bbok` that is no
 * boolean word.
 */
export const beeboxCallbackSchema = z.object({
	bbid: z
		.string({ error: 'bbid is missing: this is not a Beebox callback' })
		.trim()
		.min(1, 'bbid is empty')
		.max(200, 'bbid is longer than 200 characters')
		.regex(NO_CONTROL_CHARACTERS, 'bbid contains control characters'),
	bbevent: z
		.string({ error: 'bbevent is missing: this is not a Beebox callback' })
		.trim()
		.min(1, 'bbevent is empty')
		.max(100, 'bbevent is longer than 100 characters')
		.regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'bbevent is not a Beebox event code'),
	bbsender: optionalText('bbsender', 100),
	bbproject: optionalText('bbproject', 200),
	bbdate: optionalText('bbdate', 100).transform((value, ctx) => {
		if (value === undefined) return { raw: undefined, date: null };
		const date = parseTimestamp(value);
		if (!date) {
			ctx.addIssue({
				code: 'custom',
				message: `bbdate "${value}" is not an ISO 8601 date and time`,
			});
			return z.NEVER;
		}
		return { raw: value, date };
	}),
	bbok: optionalText('bbok', 20).transform((value, ctx) => {
		if (value === undefined) return { raw: undefined, ok: null };
		const ok = parseBooleanWord(value);
		if (ok === undefined) {
			ctx.addIssue({
				code: 'custom',
				message: `bbok "${value}" is not one of true, false, yes, no`,
			});
			return z.NEVER;
		}
		return { raw: value, ok };
	}),
	bberror: optionalText('bberror', 10_000),
});

export type BeeboxCallback = z.output<typeof beeboxCallbackSchema>;

/**
 * One file of an event's details (help.wordbee.com/beebox/api-full-event-details): `type` is `S` (source) or
 * `T` (target), `spath`/`tpath` the source and target paths on the Beebox server.
 */
export const beeboxEventFileSchema = z
	.object({
		date: z.string().nullish(),
		type: z.string().nullish(),
		locale: z.string().nullish(),
		spath: z.string().nullish(),
		tpath: z.string().nullish(),
		err: z.string().nullish(),
		errex: z.string().nullish(),
	})
	.passthrough();

/** The full details of one event, as `GET /api/actions/action?id=` answers (same page). */
export const beeboxEventDetailsSchema = z
	.object({
		id: z.union([z.string(), z.number()]),
		date: z.string().nullish(),
		projectkey: z.string().nullish(),
		projectname: z.string().nullish(),
		action: z.string().nullish(),
		actioncode: z.string().nullish(),
		info: z.string().nullish(),
		sender: z.string().nullish(),
		success: z.boolean().nullish(),
		error: z.string().nullish(),
		details: z
			.object({ files: z.array(beeboxEventFileSchema).nullish() })
			.passthrough()
			.nullish(),
	})
	.passthrough();

export type BeeboxEventDetails = z.output<typeof beeboxEventDetailsSchema>;

/** An error answer of the Beebox API (help.wordbee.com/beebox/error-handling): HTTP 400 with this JSON. */
export const beeboxApiErrorSchema = z
	.object({
		message: z.string().optional(),
		id: z.string().optional(),
		type: z.string().optional(),
		failed: z.boolean().optional(),
	})
	.passthrough();

/**
 * One record of the translation status (help.wordbee.com/beebox/api-get-translation-status): one per file and
 * target language. `file` is the original file's path relative to the project (backslash-separated), `uptodate`
 * "True if the file is translated and ready for download", `status` 1 Uptodate, 4 New, 5 Submitting, 6
 * InProgress, 7 Done ("not yet downloadable"), 8 Error, 10 Cancelled, with its name in `statusc` (`statust` in an
 * older revision of the page), `tfdate` the deliverable's date. Wordbee publishes no example answer: every field
 * but `file` and `locale` is optional here, and the others pass through as Beebox sends them.
 */
export const beeboxTranslatedFileSchema = z
	.object({
		file: z.string().min(1),
		locale: z.string().min(1),
		localename: z.string().nullish(),
		uptodate: z.boolean().nullish(),
		status: z.union([z.number(), z.string()]).nullish(),
		statusc: z.string().nullish(),
		statust: z.string().nullish(),
		tfdate: z.string().nullish(),
		sfdate: z.string().nullish(),
	})
	.passthrough();

export type BeeboxTranslatedFile = z.output<typeof beeboxTranslatedFileSchema>;

/**
 * The translation status answer: `{ files: [...] }` (the public connectors read `$workprogress['files']`:
 * github.com/AmazeeLabs/wordbee_beebox tmgmt_wordbee.plugin.inc, github.com/CodersCare/localizer
 * StatusRequester.php). Paging is by the request's `skip` and `count` only; no total is documented.
 */
export const beeboxTranslationStatusSchema = z
	.object({ files: z.array(beeboxTranslatedFileSchema) })
	.passthrough();

/**
 * The project's languages (help.wordbee.com/beebox/api-get-project-information): what the credential's Test
 * button reports.
 */
export const beeboxProjectInformationSchema = z
	.object({
		sourceLocale: z.string().nullish(),
		targetLocales: z.array(z.string()).nullish(),
		/** each target language with its name: `{v: "fr", t: "French (fr)"}` */
		targetLocaleItems: z
			.array(z.object({ v: z.string(), t: z.string().nullish() }).passthrough())
			.nullish(),
	})
	.passthrough();

export type BeeboxProjectInformation = z.output<typeof beeboxProjectInformationSchema>;

/**
 * The project's folders (help.wordbee.com/beebox/api-hotfolders): each a directory of the input folder (`''` is
 * the folder itself) and the languages a file put there is translated into (null: every project language).
 */
export const beeboxHotFoldersSchema = z
	.object({
		items: z.array(
			z
				.object({
					directory: z.string().nullish(),
					depth: z.number().nullish(),
					translate: z.boolean().nullish(),
					targetLocales: z.array(z.string()).nullish(),
				})
				.passthrough(),
		),
	})
	.passthrough();

export type BeeboxHotFolder = z.output<typeof beeboxHotFoldersSchema>['items'][number];
