import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	downloadTranslatedFile,
	getEventDetails,
	getProjectInformation,
	isReady,
	listTranslatedFiles,
	translatedFilesPage,
} from '../../nodes/Beebox/api';
import {
	BeeboxBudgetSpent,
	type BeeboxCall,
	type BeeboxRequest,
} from '../../nodes/Beebox/transport';
import { scriptedContext } from '../helpers/scriptedContext';

/** Beebox API calls against scripted answers: the paths, the paging, and what a wrong shape is. */
function scripted(answers: Array<{ status: number; body: unknown } | Error>) {
	const requests: BeeboxRequest[] = [];
	const http: BeeboxCall = async (request) => {
		requests.push(request);
		const next = answers.shift();
		if (!next) throw new Error('no answer left');
		if (next instanceof Error) throw next;
		return next;
	};
	return { http, requests };
}

const credentials = (projectKey?: string) => ({
	serverUrl: 'https://b.example',
	projectKey,
	login: 'u',
	password: 'pw',
});

const page = (n: number, from = 0) =>
	Array.from({ length: n }, (_, i) => ({ file: `f${from + i}.txt`, locale: 'fr', status: 1 }));

describe('getEventDetails', () => {
	it("asks the project's events with a project key, the server's without; full details", async () => {
		const { http, requests } = scripted([
			{ status: 200, body: { id: 12 } },
			{ status: 200, body: { id: '12' } },
		]);
		await getEventDetails(http, 't', credentials('p'), '12');
		await getEventDetails(http, 't', credentials(), '12');
		expect(requests).toEqual([
			{
				method: 'GET',
				path: '/api/actions/action',
				qs: { token: 't', id: '12', fulldetails: true },
			},
			{
				method: 'GET',
				path: '/api/server/actions/action',
				qs: { token: 't', id: '12', fulldetails: true },
			},
		]);
	});

	it('an answer of another shape is an error saying so', async () => {
		const { http } = scripted([{ status: 200, body: ['not', 'an', 'event'] }]);
		await expect(getEventDetails(http, 't', credentials('p'), '12')).rejects.toThrow(
			'Beebox answered event 12 with an unexpected shape',
		);
	});
});

describe('the translation status', () => {
	it('sends the filter in the body; refuses an answer without a files list', async () => {
		const { http, requests } = scripted([
			{ status: 200, body: { files: [] } },
			{ status: 200, body: { records: [] } },
		]);
		await translatedFilesPage(http, 't', { targetLocale: 'fr', pathPattern: '\\.docx$' }, 200);
		expect(requests[0].body).toEqual({
			token: 't',
			filter: { targetLocale: 'fr', patterns: { fpath: '\\.docx$' } },
			skip: 200,
			count: 100,
		});
		await expect(translatedFilesPage(http, 't', {}, 0)).rejects.toThrow(
			'Beebox answered the translation status with an unexpected shape (no "files" list)',
		);
		expect(requests[1].body).toEqual({ token: 't', filter: undefined, skip: 0, count: 100 });
	});

	it('pages until a short page (complete), or until maxPages (not complete)', async () => {
		const all = scripted([
			{ status: 200, body: { files: page(100) } },
			{ status: 200, body: { files: page(3, 100) } },
		]);
		expect(await listTranslatedFiles(all.http, 't', {}, { maxPages: 5 })).toMatchObject({
			complete: true,
		});
		expect(all.requests.map((r) => (r.body as IDataObject).skip)).toEqual([0, 100]);

		const capped = scripted([
			{ status: 200, body: { files: page(100) } },
			{ status: 200, body: { files: page(100, 100) } },
			{ status: 200, body: { files: page(1, 200) } },
		]);
		const out = await listTranslatedFiles(capped.http, 't', {}, { maxPages: 2 });
		expect([out.records.length, out.complete, capped.requests.length]).toEqual([200, false, 2]);
	});

	it('stops when the caller has enough, or its work budget is spent: not complete, what was read kept', async () => {
		const enough = scripted([
			{ status: 200, body: { files: page(100) } },
			{ status: 200, body: { files: page(100, 100) } },
		]);
		const out = await listTranslatedFiles(
			enough.http,
			't',
			{},
			{
				maxPages: 5,
				enough: (records) => records.length >= 100,
			},
		);
		expect([out.records.length, out.complete, enough.requests.length]).toEqual([100, false, 1]);

		const spent = scripted([
			{ status: 200, body: { files: page(100) } },
			new BeeboxBudgetSpent('stopped', 503),
		]);
		const partial = await listTranslatedFiles(spent.http, 't', {}, { maxPages: 5 });
		expect([partial.records.length, partial.complete]).toEqual([100, false]);

		const failing = scripted([new Error('HTTP 500')]);
		await expect(listTranslatedFiles(failing.http, 't', {}, { maxPages: 5 })).rejects.toThrow(
			'HTTP 500',
		);
	});

	it('isReady: up to date, or status 1 (also as text)', () => {
		expect(
			[
				{ uptodate: true, status: 2 },
				{ status: 1 },
				{ status: '1' },
				{ uptodate: false, status: 2 },
				{},
			].map((record) => isReady(record as never)),
		).toEqual([true, true, true, false, false]);
	});
});

describe('getProjectInformation', () => {
	it('refuses an answer of another shape', async () => {
		const { http } = scripted([{ status: 200, body: { targetLocales: 'fr' } }]);
		await expect(getProjectInformation(http, 't')).rejects.toThrow(
			'Beebox answered the project details with an unexpected shape',
		);
	});
});

describe('downloadTranslatedFile', () => {
	const context = (answer: { statusCode: number; body: unknown }) =>
		scriptedContext({ credentials: { serverUrl: 'https://b.example' }, answers: [answer] })
			.ctx as IExecuteFunctions;

	it('a file Beebox does not have is an error naming it, with what to check', async () => {
		const error = await downloadTranslatedFile(
			context({ statusCode: 400, body: { id: 'FILE', message: 'File not found' } }),
			't',
			'fr',
			'docs/a.txt',
		).catch((e: unknown) => e as IDataObject);
		expect(error).toMatchObject({
			message:
				'Beebox has no fr translation of "docs\\a.txt": Beebox GET /api/files/file: HTTP 400: File not found',
			httpStatus: 400,
			vendorCode: 'FILE',
		});
		expect(String(error.hint)).toMatch(/^The file may not be translated yet/);
	});

	it('an unavailable Beebox stays that error (it is not a missing file)', async () => {
		const error = await downloadTranslatedFile(
			context({ statusCode: 503, body: 'down' }),
			't',
			'fr',
			'a.txt',
		).catch((e: unknown) => e as IDataObject);
		expect(error.message).toBe('Beebox GET /api/files/file: HTTP 503: down');
	});
});
