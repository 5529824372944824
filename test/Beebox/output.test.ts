import { beeboxCallbackSchema } from '../../nodes/Beebox/schemas';
import { buildBeeboxItems, filesOf, translatedFileKey } from '../../nodes/Beebox/output';

/** The shapes of the Beebox items: the files of an event's details, and when a callback is one item per file. */
const callback = beeboxCallbackSchema.parse({ bbid: '42', bbevent: 'CreatedTranslatedFiles' });
const at = new Date('2026-01-01T00:00:00Z');

describe('translatedFileKey', () => {
	it('keeps a date it cannot read as sent (trimmed); says undated without one', () => {
		expect(translatedFileKey('FR', 'Dir/Page.html', ' last tuesday ')).toBe(
			'beebox:file:fr:dir\\page.html:last tuesday',
		);
		expect(translatedFileKey('fr', 'a.html', null)).toBe('beebox:file:fr:a.html:undated');
	});
});

describe('filesOf', () => {
	const details = {
		id: 42,
		details: {
			files: [
				{
					type: 'T',
					locale: 'fr',
					spath: 'c:\\p\\in\\a.txt',
					tpath: 'c:\\p\\out\\fr\\a.txt',
					date: '2026-01-01T00:00:00Z',
					err: 'locked',
				},
				{ type: 'S', locale: 'en', spath: 'c:\\p\\in\\a.txt' },
				{ type: 'X' },
				{},
			],
		},
	};

	it('names S and T as source and target, keeps other types, and says null for what is missing', () => {
		const missing = { locale: null, sourcePath: null, targetPath: null, date: null, error: null };
		expect(filesOf(details as never)).toEqual([
			{
				type: 'target',
				locale: 'fr',
				sourcePath: 'c:\\p\\in\\a.txt',
				targetPath: 'c:\\p\\out\\fr\\a.txt',
				date: '2026-01-01T00:00:00Z',
				error: 'locked',
				file: 'a.txt',
			},
			{
				type: 'source',
				locale: 'en',
				sourcePath: 'c:\\p\\in\\a.txt',
				targetPath: null,
				date: null,
				error: null,
				file: null,
			},
			{ type: 'X', ...missing, file: null },
			{ type: null, ...missing, file: null },
		]);
	});

	it('adds the path relative to the project; no files is an empty list', () => {
		expect(filesOf(details as never).map((f) => f.file)).toEqual(['a.txt', null, null, null]);
		expect(filesOf({ id: 1 } as never)).toEqual([]);
	});
});

describe('buildBeeboxItems, one item per file', () => {
	const options = { perFile: true };
	const enrichment = (files: object[]) => ({ details: { id: 42, details: { files } } as never });

	it('one item per target file with a locale and a target path; sources and incomplete targets make none', () => {
		const items = buildBeeboxItems(
			callback,
			at,
			{
				...enrichment([
					{ type: 'T', locale: 'fr', tpath: 'c:\\p\\out\\fr\\a.txt', date: '2026-01-01T00:00:00Z' },
					{ type: 'T', locale: 'de', tpath: 'c:\\p\\out\\de\\A.TXT', date: '2026-01-01T00:00:00Z' },
					{ type: 'S', locale: 'en', tpath: 'c:\\p\\out\\en\\a.txt' },
					{ type: 'T', tpath: 'c:\\p\\out\\it\\a.txt' },
					{ type: 'T', locale: 'es' },
				]),
				deliverables: [
					{ file: 'a.txt', locale: 'fr', tfdate: '2025-12-31T23:59:59.9Z' },
					{ file: 'a.txt', locale: 'DE', tfdate: '2025-12-31T23:59:58Z' },
				],
			},
			options,
		);
		// the key comes from the translation status record (tfdate), the path and locale as Beebox compares them
		expect(items.map((item) => item.eventKey)).toEqual([
			'beebox:file:fr:a.txt:2025-12-31T23:59:59Z',
			'beebox:file:de:a.txt:2025-12-31T23:59:58Z',
		]);
	});

	it('a file the status does not date is keyed by the callback, never like a catch-up item', () => {
		const files = [
			{ type: 'T', locale: 'fr', tpath: 'c:\\p\\out\\fr\\a.txt', date: '2026-01-01T00:00:00Z' },
		];
		for (const deliverables of [undefined, [], [{ file: 'a.txt', locale: 'fr', tfdate: null }]]) {
			const [item] = buildBeeboxItems(
				callback,
				at,
				{ ...enrichment(files), deliverables },
				options,
			);
			expect(item).toMatchObject({
				eventKey: `beebox:${callback.bbid}:file:fr:a.txt`,
				translationStatus: null,
				translationStatusError: 'the translation status shows no date for fr "a.txt"',
			});
		}
	});

	it('details without a usable target file: one item for the callback', () => {
		for (const files of [[], [{ type: 'S', locale: 'en', tpath: 'x' }]]) {
			const items = buildBeeboxItems(callback, at, enrichment(files), options);
			expect(items.map((item) => item.eventKey)).toEqual(['beebox:42']);
		}
		const none = buildBeeboxItems(callback, at, { details: { id: 42 } as never }, options);
		expect(none.map((item) => item.eventKey)).toEqual(['beebox:42']);
	});
});
