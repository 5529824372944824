import { baseNameOf, checkedRelativePath, relativeTargetPath } from '../../nodes/Beebox/files';
import { VendorApiError } from '../../nodes/common/http/vendorError';

const HINT =
	'Give the path relative to the project, as the translation status lists it, e.g. folder\\page.html. It is usually taken from the previous item with an expression.';

describe('checkedRelativePath: a file path that stays inside the project', () => {
	it.each([
		['folder/page.html', 'folder\\page.html'],
		['  a\\b c.txt ', 'a\\b c.txt'],
		['x'.repeat(1000), 'x'.repeat(1000)],
		['..a\\b..c', '..a\\b..c'],
		// NFKC changes these, but they are no separator, dot segment or forbidden character: sent as given
		['ﬁle\\Ｒｅｐｏｒｔ １.txt', 'ﬁle\\Ｒｅｐｏｒｔ １.txt'],
		['CONSOLE\\com10.txt', 'CONSOLE\\com10.txt'],
		['a\\.hidden', 'a\\.hidden'],
	])('%j → %j', (value, path) => {
		expect(checkedRelativePath(value)).toBe(path);
	});

	it.each([
		['', 'it is empty'],
		['   ', 'it is empty'],
		['x'.repeat(1001), 'it is longer than 1000 characters'],
		[
			'C:\\beebox\\x.txt',
			'it contains a drive or a character Windows does not allow in a name (":"; one of < > : " | ? *)',
		],
		['a\u0000b', 'it contains a control or bidirectional character (U+0000)'],
		['a\r\nb', 'it contains a control or bidirectional character (U+000D)'],
		['invoice\u202Efdp.exe', 'it contains a control or bidirectional character (U+202E)'],
		// look-alike separators: a fullwidth reverse solidus (NFKC: \), a division slash (no NFKC form)
		[
			'a\uFF3C..\uFF3C..\uFF3Csecret.txt',
			'it contains "\uFF3C" (U+FF3C), a look-alike of a path separator',
		],
		[
			'..\u2215..\u2215secret.txt',
			'it contains "\u2215" (U+2215), a look-alike of a path separator',
		],
		['a\uFF0Fb', 'it contains "\uFF0F" (U+FF0F), a look-alike of a path separator'],
		// NFKC first: a fullwidth colon is a drive or a stream once normalised, fullwidth dots are ".."
		[
			'C\uFF1A\\x.txt',
			'it contains a drive or a character Windows does not allow in a name (":" once normalised, NFKC; one of < > : " | ? *)',
		],
		['a\\\uFF0E\uFF0E\\b.txt', 'it has an empty, "." or ".." segment'],
		// Windows drops a segment's trailing dots and spaces: ".. " and "..." would act as ".."
		[
			'a\\.. \\secret.txt',
			'its segment ".. " ends with a dot or a space, which Windows drops (".. " and "..." would act as "..")',
		],
		[
			'a\\...\\secret.txt',
			'its segment "..." ends with a dot or a space, which Windows drops (".. " and "..." would act as "..")',
		],
		[
			'report.\\x.txt',
			'its segment "report." ends with a dot or a space, which Windows drops (".. " and "..." would act as "..")',
		],
		// reserved device names, with an extension, in any case, COM¹ folded by NFKC
		['CON', 'its segment "CON" is a name Windows reserves for a device'],
		['a\\nul.txt', 'its segment "nul.txt" is a name Windows reserves for a device'],
		['Com1.tar.gz', 'its segment "Com1.tar.gz" is a name Windows reserves for a device'],
		['LPT9\\x', 'its segment "LPT9" is a name Windows reserves for a device'],
		['COM\u00B9.txt', 'its segment "COM1.txt" is a name Windows reserves for a device'],
		['aux\\x', 'its segment "aux" is a name Windows reserves for a device'],
		['\\out\\x.txt', 'it must be relative to the project, not start with \\'],
		['/etc/passwd', 'it must be relative to the project, not start with \\'],
		['a\\..\\..\\secret.txt', 'it has an empty, "." or ".." segment'],
		['a/../b', 'it has an empty, "." or ".." segment'],
		['..', 'it has an empty, "." or ".." segment'],
		['.\\a.txt', 'it has an empty, "." or ".." segment'],
		['a\\\\b.txt', 'it has an empty, "." or ".." segment'],
		['folder\\', 'it has an empty, "." or ".." segment'],
	])('refuses %j: %s', (value, why) => {
		let error: unknown;
		try {
			checkedRelativePath(value);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(VendorApiError);
		const path = value.trim().replace(/\//g, '\\');
		expect((error as VendorApiError).message).toBe(
			`"${path.slice(0, 120)}" is not a Beebox file path: ${why}`,
		);
		expect((error as VendorApiError).httpStatus).toBe(400);
		expect((error as VendorApiError).hint).toBe(HINT);
	});

	it('quotes at most 120 characters of a refused path', () => {
		expect(() => checkedRelativePath(`${'a'.repeat(200)}\\..`)).toThrow(
			`"${'a'.repeat(120)}" is not a Beebox file path`,
		);
	});
});

describe('relativeTargetPath: the project-relative path of a target file the event details name', () => {
	it.each([
		['c:\\beebox\\testproject\\out\\fr\\page.json', 'fr', 'page.json'],
		['c:/beebox/testproject/out/fr/sub/page.json', 'fr', 'sub\\page.json'],
		['C:\\BEEBOX\\P\\OUT\\FR-ca\\page.json', 'fr-CA', 'page.json'],
		['\\out\\de\\x.txt', 'de', 'x.txt'],
		['c:\\beebox\\p\\out\\de\\', 'de', null],
		['c:\\beebox\\p\\in\\de\\x.txt', 'de', null],
		['c:\\beebox\\p\\out\\fr\\x.txt', 'de', null],
	])('%j in %s → %j', (targetPath, locale, path) => {
		expect(relativeTargetPath(targetPath, locale)).toBe(path);
	});

	it('baseNameOf: the last segment, whichever separator', () => {
		expect(baseNameOf('a\\b/c.txt')).toBe('c.txt');
		expect(baseNameOf('c.txt')).toBe('c.txt');
	});
});
