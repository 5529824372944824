import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { downloadBinary, type DownloadLimits } from '../common/http/binaryDownload';
import { VendorApiError } from '../common/http/vendorError';
import { checkedEventId, checkedLocale, checkedRelativePath, baseNameOf } from './files';
import {
	beeboxEventDetailsSchema,
	beeboxProjectInformationSchema,
	beeboxTranslationStatusSchema,
	type BeeboxEventDetails,
	type BeeboxTranslatedFile,
} from './schemas';
import {
	BEEBOX_API,
	BeeboxApiError,
	beeboxApiError,
	BeeboxBudgetSpent,
	type BeeboxCall,
	type BeeboxCredentials,
} from './transport';

/** The Beebox API methods the nodes call, each within a session (transport.ts). */

/**
 * The full details of one event (help.wordbee.com/beebox/api-full-event-details): `GET /api/actions/action` for
 * the project the session is for, `GET /api/server/actions/action` with admin credentials and no project.
 * `fulldetails=true` fills `details` (e.g. the delivered files); the page does not say what it defaults to.
 */
export async function getEventDetails(
	http: BeeboxCall,
	token: string,
	credentials: BeeboxCredentials,
	eventId: string,
): Promise<BeeboxEventDetails> {
	const id = checkedEventId(eventId);
	const path = credentials.projectKey ? '/api/actions/action' : '/api/server/actions/action';
	const response = await http({ method: 'GET', path, qs: { token, id, fulldetails: true } });
	if (response.status !== 200)
		throw beeboxApiError(`event ${id} lookup`, response.status, response.body);
	const details = beeboxEventDetailsSchema.safeParse(response.body);
	if (!details.success)
		throw new BeeboxApiError(
			`Beebox answered event ${id} with an unexpected shape`,
			response.status,
		);
	return details.data;
}

/** The translation status filter the nodes offer (help.wordbee.com/beebox/api-get-translation-status). */
export interface TranslatedFilesFilter {
	/** one target language, e.g. "es" */
	targetLocale?: string;
	/** a regular expression on the file path, e.g. `\.docx?$` or `^marketing\\` */
	pathPattern?: string;
}

/** Records per page: the method's documented default `count`. */
export const TRANSLATION_STATUS_PAGE_SIZE = 100;

function filterBody(filter: TranslatedFilesFilter): IDataObject | undefined {
	const body: IDataObject = {};
	if (filter.targetLocale) body.targetLocale = checkedLocale(filter.targetLocale);
	if (filter.pathPattern) body.patterns = { fpath: filter.pathPattern };
	return Object.keys(body).length ? body : undefined;
}

/**
 * One page of the translation status: `POST /api/workprogress/translatedfiles` with `{token, filter, skip,
 * count}` (the page's variant "if your filter contains a lot of conditions", also what the public connectors
 * use; it keeps the filter out of the URL).
 */
export async function translatedFilesPage(
	http: BeeboxCall,
	token: string,
	filter: TranslatedFilesFilter,
	skip: number,
	count = TRANSLATION_STATUS_PAGE_SIZE,
): Promise<BeeboxTranslatedFile[]> {
	const response = await http({
		method: 'POST',
		path: '/api/workprogress/translatedfiles',
		body: { token, filter: filterBody(filter), skip, count },
	});
	if (response.status !== 200)
		throw beeboxApiError('translation status', response.status, response.body);
	const parsed = beeboxTranslationStatusSchema.safeParse(response.body);
	if (!parsed.success)
		throw new BeeboxApiError(
			'Beebox answered the translation status with an unexpected shape (no "files" list)',
			response.status,
		);
	return parsed.data.files;
}

/**
 * The translation status page by page (`skip`/`count`; Wordbee documents no total, so a page shorter than asked
 * is the last). At most `maxPages` pages; `enough` stops earlier. `complete` is false when the list was not read
 * to its end: the page limit, or the caller's work budget (BeeboxBudgetSpent), came first.
 */
export async function listTranslatedFiles(
	http: BeeboxCall,
	token: string,
	filter: TranslatedFilesFilter,
	options: { maxPages: number; enough?: (records: BeeboxTranslatedFile[]) => boolean },
): Promise<{ records: BeeboxTranslatedFile[]; complete: boolean }> {
	const records: BeeboxTranslatedFile[] = [];
	for (let page = 0; page < options.maxPages; page++) {
		const files = await translatedFilesPage(
			http,
			token,
			filter,
			page * TRANSLATION_STATUS_PAGE_SIZE,
		).catch((error: unknown) => {
			if (error instanceof BeeboxBudgetSpent) return undefined;
			throw error;
		});
		if (!files) return { records, complete: false };
		records.push(...files);
		if (files.length < TRANSLATION_STATUS_PAGE_SIZE) return { records, complete: true };
		if (options.enough?.(records)) return { records, complete: false };
	}
	return { records, complete: false };
}

/** Whether a translation status record is ready to download: `uptodate`, or status 1 ("Uptodate"). */
export function isReady(record: BeeboxTranslatedFile): boolean {
	return record.uptodate === true || Number(record.status) === 1;
}

/**
 * A translated file as n8n binary data (help.wordbee.com/beebox/api-get-translated-content): `GET
 * /api/files/file?token=&locale=&filename=`, the file "as a binary stream" from `out\<locale>\<filename>`. Wordbee
 * documents no Content-Type or Content-Disposition: without them the name is the file's own, the type n8n's guess
 * from it. A file not (yet) translated is an error answer.
 */
export async function downloadTranslatedFile(
	ctx: IExecuteFunctions,
	token: string,
	locale: string,
	file: string,
	limits?: DownloadLimits,
): Promise<IBinaryData> {
	const targetLocale = checkedLocale(locale);
	const filename = checkedRelativePath(file);
	return await downloadBinary(
		ctx,
		BEEBOX_API,
		{ method: 'GET', path: '/api/files/file', qs: { token, locale: targetLocale, filename } },
		baseNameOf(filename),
		limits,
	).catch((error: unknown) => {
		// a refusal of ours (413: larger than Max File Size) or the network failing is no missing translation
		if (!(error instanceof VendorApiError) || error.isUnavailable || error.httpStatus === 413)
			throw error;
		throw new BeeboxApiError(
			`Beebox has no ${targetLocale} translation of "${filename}": ${error.message}`,
			error.httpStatus,
			{
				vendorCode: error.vendorCode,
				hint: 'The file may not be translated yet: "List Translated Files" shows its status (1 Uptodate: ready to download). The path is relative to the project, e.g. folder\\page.html.',
			},
		);
	});
}

/** The project's languages (help.wordbee.com/beebox/api-get-project-information): `GET /api/details?token=`. */
export async function getProjectInformation(
	http: BeeboxCall,
	token: string,
): Promise<{ sourceLocale?: string | null; targetLocales?: string[] | null }> {
	const response = await http({ method: 'GET', path: '/api/details', qs: { token } });
	if (response.status !== 200)
		throw beeboxApiError('project details', response.status, response.body);
	const parsed = beeboxProjectInformationSchema.safeParse(response.body);
	if (!parsed.success)
		throw new BeeboxApiError(
			'Beebox answered the project details with an unexpected shape',
			response.status,
		);
	return parsed.data;
}
