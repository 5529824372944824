import { checkedId } from '../common/http/httpClient';
import { VendorApiError } from '../common/http/vendorError';

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

// Characters Windows does not allow in a file name (a `:` also names a drive or an NTFS stream).
const FORBIDDEN_IN_NAME = /[<>:"|?*]/u;
// Control characters, and the bidirectional controls that show a name in another order than it has (U+202E).
const CONTROL = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/**
 * Separators that are not `\` or `/` even in NFKC (division slash U+2215, fraction slash U+2044, big solidi, reverse
 * solidus operator, set minus), which a Windows server's "best fit" conversion to its code page may still turn
 * into a separator.
 */
const LOOKALIKE_SEPARATOR = /[\u2215\u2044\u29f5\u29f8\u29f9\u2216]/u;
// Names Windows reserves for devices, with or without an extension: CON, PRN, AUX, NUL, COM0-9, LPT0-9 (Microsoft,
// "Naming Files, Paths, and Namespaces"; COM¹ and LPT² are folded to digits by NFKC first).
const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\.|$)/i;

const codePoint = (char: string) =>
	`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A relative file path for the API: `/` becomes `\` (people type both), and it must stay inside the project's
 * folder. The checks read the path in NFKC (a fullwidth `＼` or `．．` is what a Windows server may make of it) and
 * each refusal names its rule: no control or bidirectional character, no look-alike separator, no drive, no
 * leading separator, no empty, `.` or `..` segment, no segment ending in a dot or a space (Windows drops them:
 * `.. ` and `...` would act as `..`), no reserved device name, nothing Windows forbids in a name. Throws a 400
 * VendorApiError; the path is sent as given (only `/` turned into `\`).
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
	const control = CONTROL.exec(path);
	if (control)
		refuse(`it contains a control or bidirectional character (${codePoint(control[0])})`);
	for (const char of path) {
		const folded = char.normalize('NFKC');
		if (LOOKALIKE_SEPARATOR.test(char) || (folded !== char && /[\\/]/.test(folded)))
			refuse(`it contains "${char}" (${codePoint(char)}), a look-alike of a path separator`);
	}
	const normal = path.normalize('NFKC').replace(/\//g, '\\');
	const forbidden = FORBIDDEN_IN_NAME.exec(normal);
	if (forbidden)
		refuse(
			`it contains a drive or a character Windows does not allow in a name ("${forbidden[0]}"${normal === path ? '' : ' once normalised, NFKC'}; one of < > : " | ? *)`,
		);
	if (normal.startsWith('\\')) refuse('it must be relative to the project, not start with \\');
	for (const segment of normal.split('\\')) {
		if (segment === '' || segment === '.' || segment === '..')
			refuse('it has an empty, "." or ".." segment');
		if (/[. ]$/.test(segment))
			refuse(
				`its segment "${segment.slice(0, 40)}" ends with a dot or a space, which Windows drops (".. " and "..." would act as "..")`,
			);
		if (RESERVED_NAME.test(segment))
			refuse(`its segment "${segment.slice(0, 40)}" is a name Windows reserves for a device`);
	}
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

/**
 * A file name for the project's `in` folder, checked before anything is sent: one name, no folder in it (the
 * folder is its own parameter), and a name checkedRelativePath accepts (no control character, nothing Windows
 * refuses). Returns why not, or undefined when it is fine.
 */
export function fileNameProblem(name: string): string | undefined {
	if (!name.trim()) return 'it is empty';
	if (/[\\/]/.test(name) || /[\\/]/.test(name.normalize('NFKC')))
		return 'it contains a path separator (/ or \\): give the folder as Folder';
	try {
		checkedRelativePath(name);
		return undefined;
	} catch (error) {
		const message = (error as Error).message;
		const marker = ' is not a Beebox file path: ';
		return message.includes(marker)
			? message.slice(message.indexOf(marker) + marker.length)
			: message;
	}
}
