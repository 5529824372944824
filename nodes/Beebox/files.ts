import { checkedId } from '../common/httpClient';
import { VendorApiError } from '../common/vendorError';

/**
 * Beebox file names and locales, as its API writes them (help.wordbee.com/beebox/api-get-translated-content):
 * a file is named by its path relative to the project's `in` folder, "folder1\folder2\myfile.xml" ("Note the use
 * of backslash separators"), and a language by its code ("en", "fr", "en-GB"). The translation of `in\<file>` into
 * `fr` is `out\fr\<file>` on the Beebox server.
 */

/** A language code as Beebox uses them: "en", "fr", "en-GB", "zh-Hans-CN". */
const BEEBOX_LOCALE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/;

/** An event id (`bbid`): "an alphanumeric ID", a GUID in Wordbee's examples, a number in older ones. */
const BEEBOX_EVENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** An event id, checked before it goes into a request (and before a session is opened for it). */
export function checkedEventId(value: string): string {
	return checkedId(value, BEEBOX_EVENT_ID, 'Beebox event ID (bbid)');
}

/** A locale, checked before it goes into a request. */
export function checkedLocale(value: string): string {
	return checkedId(value, BEEBOX_LOCALE, 'Beebox locale (e.g. "fr" or "en-GB")');
}

// Characters Windows does not allow in a file name, and control characters.
const FORBIDDEN_IN_PATH = /[\p{Cc}<>:"|?*]/u;

/**
 * A relative file path for the API: `/` becomes `\` (people type both), and it must stay inside the project's
 * folder: no drive, no leading separator, no `.` or `..` segment, no empty segment, nothing Windows forbids in a
 * name. Throws a 400 VendorApiError naming the problem.
 */
export function checkedRelativePath(value: string): string {
	const path = value.trim().replace(/\//g, '\\');
	const refuse = (why: string): never => {
		throw new VendorApiError(`"${path.slice(0, 120)}" is not a Beebox file path: ${why}`, 400, {
			hint: 'Give the path relative to the project, as the translation status lists it, e.g. folder\\page.html. It is usually taken from the previous item with an expression.',
		});
	};
	if (!path) refuse('it is empty');
	if (path.length > 1000) refuse('it is longer than 1000 characters');
	if (FORBIDDEN_IN_PATH.test(path))
		refuse('it contains a drive, a control character or one of < > : " | ? *');
	if (path.startsWith('\\')) refuse('it must be relative to the project, not start with \\');
	const segments = path.split('\\');
	if (segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
		refuse('it has an empty, "." or ".." segment');
	return path;
}

/** The last segment of a relative path: the file's name. */
export function baseNameOf(path: string): string {
	return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The path relative to the project of a target file the event details name by its absolute server path
 * (help.wordbee.com/beebox/event-details-created-translated-files: `c:\beebox\testproject\out\fr\page.json` for
 * `page.json` in `fr`): what follows the first `\out\<locale>\`. Null when the path has no such part.
 */
export function relativeTargetPath(targetPath: string, locale: string): string | null {
	const path = targetPath.replace(/\//g, '\\');
	const marker = `\\out\\${locale}\\`.toLowerCase();
	const at = path.toLowerCase().indexOf(marker);
	if (at < 0) return null;
	const rest = path.slice(at + marker.length);
	return rest || null;
}
