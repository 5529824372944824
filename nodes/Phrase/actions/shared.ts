import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { resourceLocatorProperty, type LocatorSpec } from '../../common/actions/resourceLocator';
import { inputBinaryProperty, maxUploadSizeProperty } from '../../common/actions/properties';
import { userDateParameter } from '../../common/delivery/dates';
import { uploadFromBinary, type UploadFile } from '../../common/http/upload';
import type { JobsAnswer } from '../api';
import { PHRASE_ID } from '../schemas';

/**
 * Parameters the Phrase TMS node's operations share. The ids default to the Phrase TMS Trigger's item
 * (`projectId`, `jobId`), so the node needs no typing after the trigger.
 */
export const projectUidProperty: INodeProperties = {
	displayName: 'Project UID',
	name: 'projectUid',
	type: 'string',
	required: true,
	default: '={{ $json.projectId }}',
	description:
		"The project's UID; by default the projectId of the incoming item (e.g. a Phrase TMS Trigger item)",
};

export const jobUidProperty: INodeProperties = {
	displayName: 'Job UID',
	name: 'jobUid',
	type: 'string',
	required: true,
	default: '={{ $json.jobId }}',
	description:
		"The job's UID; by default the jobId of the incoming item (e.g. a Phrase TMS Trigger item)",
};

export const text = (ctx: IExecuteFunctions, name: string, i: number) =>
	String(ctx.getNodeParameter(name, i) ?? '').trim();

/** Pages of 50 (Phrase's largest) until `limit` items or the last page. */
export async function collectPages<T>(
	readPage: (pageNumber: number) => Promise<{ content: T[]; totalPages: number }>,
	limit: number | undefined,
): Promise<T[]> {
	const out: T[] = [];
	for (let pageNumber = 0; ; pageNumber++) {
		const { content, totalPages } = await readPage(pageNumber);
		out.push(...content);
		if (limit !== undefined && out.length >= limit) return out.slice(0, limit);
		if (content.length === 0 || pageNumber + 1 >= totalPages) return out;
	}
}

/** `limit` for "Return All" off, undefined for on. */
export function limitOf(ctx: IExecuteFunctions, i: number): number | undefined {
	return ctx.getNodeParameter('returnAll', i, false)
		? undefined
		: (ctx.getNodeParameter('limit', i, 50) as number);
}

/**
 * The pick lists of the operations that send work (resource locators, nodes/common/resourceLocator.ts). Phrase's
 * web app shows a project at `<server>/web/project2/show/<uid>` and a job at `<server>/web/job/<uid>/translate`:
 * both are accepted "By URL".
 */
const PHRASE_UID_REGEX = '^[A-Za-z0-9_-]{1,100}$';

export const PROJECT_LOCATOR = {
	displayName: 'Project',
	name: 'project',
	searchListMethod: 'searchProjects',
	id: {
		placeholder: 'e.g. E0EX18x72NIcwQKC3MgMDd',
		regex: PHRASE_UID_REGEX,
		errorMessage: 'Not a Phrase project UID (letters and digits)',
	},
	url: {
		placeholder: 'e.g. https://cloud.memsource.com/web/project2/show/E0EX18x72NIcwQKC3MgMDd',
		regex: 'https?://[^/]+/(?:[^/?#]+/)*project2/show/([A-Za-z0-9_-]+)',
	},
} satisfies LocatorSpec;

export const JOB_LOCATOR = {
	displayName: 'Job',
	name: 'job',
	searchListMethod: 'searchJobs',
	id: {
		placeholder: 'e.g. bzm2LviS3nWAeRGjcEI281',
		regex: PHRASE_UID_REGEX,
		errorMessage: 'Not a Phrase job UID (letters and digits)',
	},
	url: {
		placeholder: 'e.g. https://cloud.memsource.com/web/job/bzm2LviS3nWAeRGjcEI281/translate',
		regex: 'https?://[^/]+/(?:[^/?#]+/)*job/([A-Za-z0-9_-]+)',
	},
} satisfies LocatorSpec;

/** Phrase's web app has no address for a template that names its UID: From list or By ID only. */
export const TEMPLATE_LOCATOR = {
	displayName: 'Project Template',
	name: 'template',
	searchListMethod: 'searchTemplates',
	id: {
		placeholder: 'e.g. kSaHSjYf3GGVbdzRNPPNe2',
		regex: PHRASE_UID_REGEX,
		errorMessage: 'Not a Phrase project template UID (letters and digits)',
	},
} satisfies LocatorSpec;

export const SOURCE_LANGUAGE_LOCATOR = {
	displayName: 'Source Language',
	name: 'sourceLang',
	searchListMethod: 'searchLanguages',
	id: {
		placeholder: "e.g. en, or en_us (Phrase's language code)",
		regex: '^[A-Za-z]{2,3}([_-][A-Za-z0-9]{1,8})*$',
		errorMessage: 'Not a language code (e.g. en, de, pt_br)',
	},
} satisfies LocatorSpec;

/** The project and job of an operation on an existing job: by default the incoming item's (e.g. a trigger's). */
export const projectOfItemProperty = resourceLocatorProperty({
	...PROJECT_LOCATOR,
	default: { mode: 'id', value: '={{ $json.projectId }}' },
	description: "By default the projectId of the incoming item (e.g. a Phrase TMS Trigger's item)",
});

export const jobOfItemProperty = resourceLocatorProperty({
	...JOB_LOCATOR,
	default: { mode: 'id', value: '={{ $json.jobId }}' },
	description:
		"By default the jobId of the incoming item (e.g. a Phrase TMS Trigger's item); the list shows the project's jobs of the first workflow step",
});

/** Where the file to send comes from (n8n's Input Binary Field, default `data`). */
export const fileProperty = inputBinaryProperty({
	hint: 'The name of the input binary field holding the file to send',
});

/**
 * Phrase imports at most 1 GB per request (support.phrase.com/hc/en-us/articles/5784117234972-Phrase-TMS-Limits,
 * "Maximum import size: 1 GB (for a file or a batch of files imported in one request)").
 */
const PHRASE_MAX_IMPORT_MB = 1024;

/** Options → Max File Size (MB): by default Phrase's own import limit. */
export const maxFileSizeOption = maxUploadSizeProperty(
	PHRASE_MAX_IMPORT_MB,
	'The largest file to send. A larger file fails the item before anything is sent. Phrase TMS imports at most 1 GB (1024 MB) per request.',
);

/**
 * The item's file to send (its Input Binary Field), within the node's Max File Size and Phrase's import limit,
 * under `fileName` if given.
 */
export async function fileToSend(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: { fileName?: string; maxFileSize?: number },
): Promise<UploadFile> {
	const chosen = Number(options.maxFileSize ?? PHRASE_MAX_IMPORT_MB);
	const megabytes = Math.min(chosen, PHRASE_MAX_IMPORT_MB);
	return await uploadFromBinary(
		ctx,
		itemIndex,
		String(ctx.getNodeParameter(fileProperty.name, itemIndex)),
		{
			maxBytes: megabytes * 1024 * 1024,
			vendorLimitText:
				megabytes < PHRASE_MAX_IMPORT_MB
					? `${megabytes} MB, the node's Max File Size (Phrase TMS itself imports up to 1 GB per request).`
					: 'Phrase TMS imports at most 1 GB per request (Phrase TMS Limits, support.phrase.com).',
			fileName: options.fileName?.trim() || undefined,
		},
	);
}

/** A date parameter as the ISO 8601 instant Phrase takes (`due`, `dateDue`), or undefined when empty. */
export function phraseDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	parameter: string,
): string | undefined {
	const ms = userDateParameter(ctx, value, parameter, itemIndex);
	return ms === undefined ? undefined : new Date(ms).toISOString();
}

/**
 * The jobs Phrase created or updated, one item each: Phrase's job as answered, with `projectId` and `jobId` (the
 * names the Phrase TMS Trigger's items use, so the node's other operations read them by default) and the
 * asynchronous request importing the file.
 */
export function jobItems(
	answer: JobsAnswer,
	projectUid: string,
	itemIndex: number,
): INodeExecutionData[] {
	return answer.jobs.map((job) => ({
		json: {
			projectId: projectUid,
			jobId: typeof job.uid === 'string' && PHRASE_ID.test(job.uid) ? job.uid : null,
			asyncRequestId: answer.asyncRequestId,
			...job,
			...(answer.unsupportedFiles.length ? { unsupportedFiles: answer.unsupportedFiles } : {}),
		},
		pairedItem: { item: itemIndex },
	}));
}
