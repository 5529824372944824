import { baseNameOf, checkedRelativePath, relativeTargetPath } from '../../nodes/Beebox/files';
import { VendorApiError } from '../../nodes/common/vendorError';

const HINT =
	'Give the path relative to the project, as the translation status lists it, e.g. folder\\page.html. It is usually taken from the previous item with an expression.';

describe('checkedRelativePath: a file path that stays inside the project', () => {
	it.each([
		['folder/page.html', 'folder\\page.html'],
		['  a\\b c.txt ', 'a\\b c.txt'],
		['x'.repeat(1000), 'x'.repeat(1000)],
		['..a\\b..', '..a\\b..'],
	])('%j → %j', (value, path) => {
		expect(checkedRelativePath(value)).toBe(path);
	});

	it.each([
		['', 'it is empty'],
		['   ', 'it is empty'],
		['x'.repeat(1001), 'it is longer than 1000 characters'],
		['C:\\beebox\\x.txt', 'it contains a drive, a control character or one of < > : " | ? *'],
		['a\u0000b', 'it contains a drive, a control character or one of < > : " | ? *'],
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
