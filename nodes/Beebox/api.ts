import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { downloadBinary, type DownloadLimits } from '../common/http/binaryDownload';
import { VendorApiError } from '../common/http/vendorError';
import { checkedEventId, checkedLocale, checkedRelativePath, baseNameOf } from './files';
import {
	beeboxEventDetailsSchema,
	beeboxHotFoldersSchema,
	beeboxProjectInformationSchema,
	beeboxTranslationStatusSchema,
	type BeeboxEventDetails,
	type BeeboxHotFolder,
	type BeeboxProjectInformation,
	type BeeboxTranslatedFile,
} from './schemas';
import {
	BEEBOX_API,
	BeeboxApiError,
	beeboxApiError,
	BeeboxBudgetSpent,
	type BeeboxCall,
	type BeeboxCredentials,
	type BeeboxRequest,
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
): Promise<BeeboxProjectInformation> {
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

/**
 * Puts one file into the project (help.wordbee.com/beebox/api-send-source-content): `PUT /api/files/file?token=
 * &locale=&filename=` with the file's bytes as the body, streamed ("Do not use multi-part MIME contents";
 * "Set content type to \"Stream\""); 204 "indicates success". `locale` is the project's source language (the
 * file goes to `in\<file>`, which is what starts Beebox's work on it); `file` the path relative to that folder
 * with `\` separators ("Sub-directories are created if these do not yet exist"). Never sent twice
 * (`createsWork`): once the file may have reached Beebox, a lost answer is an error saying how to check.
 */
export async function putFile(
	http: BeeboxCall,
	token: string,
	request: {
		locale: string;
		file: string;
		upload: NonNullable<BeeboxRequest['upload']>;
		checkHint: string;
	},
): Promise<void> {
	const locale = checkedLocale(request.locale);
	const filename = checkedRelativePath(request.file);
	const response = await http({
		method: 'PUT',
		path: '/api/files/file',
		qs: { token, locale, filename },
		upload: {
			...request.upload,
			headers: { ...request.upload.headers, 'content-type': 'Stream' },
		},
		createsWork: { checkHint: request.checkHint },
	});
	if (response.status !== 204 && response.status !== 200)
		throw beeboxApiError(`upload of "${filename}"`, response.status, response.body);
}

/** A file's instructions (help.wordbee.com/beebox/instruction-format): the languages and the deadline wanted. */
export interface BeeboxInstructions {
	/** "If not specified, the system assumes that the file requires translation into ALL the project target languages" */
	locales?: string[];
	/** ISO 8601 with a zone, e.g. "2015-11-08T23:00:00.0000000Z" */
	deadline?: string;
}

/**
 * Sends a source file's instructions (help.wordbee.com/beebox/api-send-instructions): the same `PUT
 * /api/files/file` with the source language, the file named `<file>.beebox` and the instructions as UTF-8 JSON
 * in the body. Sent before the source file, which Beebox reads them with; sending them again only overwrites
 * them, so this is no `createsWork`.
 */
export async function putInstructions(
	http: BeeboxCall,
	token: string,
	locale: string,
	file: string,
	instructions: BeeboxInstructions,
): Promise<void> {
	const filename = checkedRelativePath(`${file}.beebox`);
	const response = await http({
		method: 'PUT',
		path: '/api/files/file',
		qs: { token, locale: checkedLocale(locale), filename },
		body: { ...instructions },
	});
	if (response.status !== 204 && response.status !== 200) {
		const error = beeboxApiError(
			`upload of the instructions "${filename}"`,
			response.status,
			response.body,
		);
		throw new BeeboxApiError(`${error.message}; "${file}" itself was not sent`, error.httpStatus, {
			vendorCode: error.vendorCode,
			hint: error.hint,
		});
	}
}

/**
 * Deletes one file (help.wordbee.com/beebox/api-delete-translated-content): `DELETE /api/files/file?token=
 * &locale=&filename=`, "source files, instructions files and translated files": the source language for the `in`
 * folder, a target language for `out\<locale>`. 204 on success, "If the file does not exist, the method returns
 * HTTP 400": then false when `missingIsFine`, else Beebox's error.
 */
export async function deleteFile(
	http: BeeboxCall,
	token: string,
	locale: string,
	file: string,
	missingIsFine = false,
): Promise<boolean> {
	const filename = checkedRelativePath(file);
	const response = await http({
		method: 'DELETE',
		path: '/api/files/file',
		qs: { token, locale: checkedLocale(locale), filename },
	});
	if (response.status === 204 || response.status === 200) return true;
	const error = beeboxApiError(`deletion of "${filename}"`, response.status, response.body);
	// a session error (LOGGEDOUT, BUSY) carries an id; a missing file is a plain 400
	if (response.status !== 400 || error.vendorCode) throw error;
	if (missingIsFine) return false;
	throw new BeeboxApiError(error.message, 400, {
		hint: `Beebox has no such file for language ${locale}, or refused to delete it. The path is relative to the project's input folder, as "List Translated Files" shows it, e.g. folder\\page.html.`,
	});
}

/** The project's folders and their languages (help.wordbee.com/beebox/api-hotfolders): `GET /api/hotfolders`. */
export async function getHotFolders(http: BeeboxCall, token: string): Promise<BeeboxHotFolder[]> {
	const response = await http({ method: 'GET', path: '/api/hotfolders', qs: { token } });
	if (response.status !== 200) throw beeboxApiError('folder list', response.status, response.body);
	const parsed = beeboxHotFoldersSchema.safeParse(response.body);
	if (!parsed.success)
		throw new BeeboxApiError(
			'Beebox answered the folder list with an unexpected shape (no "items" list)',
			response.status,
		);
	return parsed.data.items;
}

/**
 * Asks Beebox to look for new source files now: `PUT /api/files/operations/scan?token=`, which the public CMS
 * connectors call after sending files (github.com/AmazeeLabs/wordbee_beebox inc/API_calls.class.php `scanFiles`,
 * github.com/CodersCare/localizer_beebox Classes/Api/ApiCalls.php). Wordbee's help pages do not describe it:
 * without it Beebox finds the file at its next automatic run.
 */
export async function requestScan(http: BeeboxCall, token: string): Promise<void> {
	const response = await http({ method: 'PUT', path: '/api/files/operations/scan', qs: { token } });
	if (response.status !== 204 && response.status !== 200)
		throw beeboxApiError('scan request', response.status, response.body);
}
