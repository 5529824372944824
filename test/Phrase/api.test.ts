import {
	bilingualFileRequest,
	contentDisposition,
	createJobs,
	createProject,
	createWebhook,
	deleteWebhook,
	findWebhooksByUrl,
	getAsyncRequest,
	getJob,
	getProject,
	getWebhook,
	listJobsPage,
	listProjectsPage,
	listWebhookCalls,
	memsourceHeader,
	originalFilePath,
	startTargetFileExport,
	targetFileDownloadPath,
} from '../../nodes/Phrase/api';
import type { ApiContext } from '../../nodes/common/http/httpClient';
import { scriptedContext, type ScriptedAnswer } from '../helpers/scriptedContext';

/** The Phrase TMS API calls against scripted answers: paths, queries, paging, and answers of another shape. */
const ROOT = 'https://cloud.memsource.com/web';

function context(answers: ScriptedAnswer[]) {
	const scripted = scriptedContext({ credentials: { region: 'eu' }, answers });
	return {
		ctx: scripted.ctx as ApiContext,
		calls: scripted.requests,
		paths: () => scripted.paths(ROOT),
	};
}

const ok = (body: unknown) => ({ statusCode: 200, body });
const webhook = (uid: string, url: string) => ({ uid, url, events: ['JOB_CREATED'] });

describe('webhooks', () => {
	it('creates one enabled with the documented fields; refuses an answer without a uid', async () => {
		const { ctx, calls, paths } = context([ok({ uid: 'w1' }), ok({ id: 5 })]);
		const fields = {
			name: 'n8n',
			url: 'https://n8n.example/x',
			events: ['JOB_CREATED'],
			secretToken: 's',
		};
		expect(await createWebhook(ctx, fields)).toEqual({ uid: 'w1' });
		expect(calls[0].body).toEqual({ ...fields, status: 'ENABLED' });
		await expect(createWebhook(ctx, fields)).rejects.toThrow(
			'Phrase TMS created the webhook but answered no uid',
		);
		expect(paths()).toEqual(['POST /api2/v2/webhooks', 'POST /api2/v2/webhooks']);
	});

	it('get: the webhook, or null when Phrase no longer has it or answers something else', async () => {
		const { ctx, paths } = context([
			ok(webhook('w1', 'https://a')),
			{ statusCode: 404, body: { errorCode: 'NotFound' } },
			ok({ no: 'uid' }),
		]);
		expect(await getWebhook(ctx, 'w1')).toMatchObject({ uid: 'w1', url: 'https://a' });
		expect(await getWebhook(ctx, 'w1')).toBeNull();
		expect(await getWebhook(ctx, 'w1')).toBeNull();
		expect(paths()).toEqual(Array(3).fill('GET /api2/v2/webhooks/w1'));
	});

	it('finds the webhooks of exactly one URL on every page, and stops at the last page', async () => {
		const url = 'https://n8n.example/webhook/x/phrase';
		const { ctx, calls } = context([
			ok({ content: [webhook('a', url), webhook('b', `${url}?other`), { bad: 1 }], totalPages: 2 }),
			ok({ content: [webhook('c', url)], totalPages: 2 }),
		]);
		expect((await findWebhooksByUrl(ctx, url)).map((w) => w.uid)).toEqual(['a', 'c']);
		expect(calls.map((c) => c.qs)).toEqual([
			{ url, pageNumber: 0, pageSize: 50 },
			{ url, pageNumber: 1, pageSize: 50 },
		]);
	});

	it('stops at an empty page even when Phrase says there are more; one page when it says nothing', async () => {
		const url = 'https://n8n.example/x';
		const empty = context([ok({ content: [], totalPages: 9 })]);
		expect(await findWebhooksByUrl(empty.ctx, url)).toEqual([]);
		expect(empty.calls).toHaveLength(1);
		const single = context([ok({ content: [webhook('a', url)] })]);
		expect(await findWebhooksByUrl(single.ctx, url)).toHaveLength(1);
		expect(single.calls).toHaveLength(1);
	});

	it('reads at most 50 pages (2,500 webhooks)', async () => {
		const { ctx, calls } = context(
			Array.from({ length: 60 }, () =>
				ok({ content: [{ uid: 'z', url: 'elsewhere' }], totalPages: 99 }),
			),
		);
		await findWebhooksByUrl(ctx, 'https://n8n.example/x');
		expect(calls).toHaveLength(50);
	});

	it('a page of another shape is an error naming the listing', async () => {
		const { ctx } = context([ok(['not a page'])]);
		await expect(findWebhooksByUrl(ctx, 'https://x')).rejects.toThrow(
			'Listing webhooks: Phrase TMS answered no page',
		);
	});

	it('delete: one that is gone already is no error', async () => {
		const { ctx, paths } = context([{ statusCode: 404, body: {} }]);
		await deleteWebhook(ctx, 'w1');
		expect(paths()).toEqual(['DELETE /api2/v2/webhooks/w1']);
	});

	it('webhook calls: the filters as Phrase repeats them, the readable calls and how many were not', async () => {
		const { ctx, calls } = context([
			ok({
				content: [{ uid: 'c1', triggerEvent: 'JOB_CREATED', statusCode: 500 }, { no: 'uid' }],
				totalPages: 3,
			}),
		]);
		const out = await listWebhookCalls(ctx, {
			pageNumber: 2,
			status: 'FAIL',
			events: ['JOB_CREATED', 'JOB_STATUS_CHANGED'],
		});
		expect(calls[0].url).toBe(
			`${ROOT}/api2/v1/webhooksCalls?pageNumber=2&pageSize=50&status=FAIL&events=JOB_CREATED&events=JOB_STATUS_CHANGED`,
		);
		expect([out.calls.map((c) => c.uid), out.unreadable, out.totalPages]).toEqual([['c1'], 1, 3]);
		const plain = context([ok({ content: [] })]);
		await listWebhookCalls(plain.ctx, { pageNumber: 0 });
		expect(plain.calls[0].url).toBe(`${ROOT}/api2/v1/webhooksCalls?pageNumber=0&pageSize=50`);
		await expect(listWebhookCalls(context([ok('x')]).ctx, { pageNumber: 0 })).rejects.toThrow(
			'Listing webhook calls: Phrase TMS answered no page',
		);
	});
});

describe('jobs, projects and files', () => {
	it('the paths and queries of jobs and projects', async () => {
		const { ctx, calls, paths } = context([
			ok({ uid: 'j1' }),
			ok({ content: [], totalPages: 1 }),
			ok({ content: [], totalPages: 1 }),
			ok({ name: 'P' }),
			ok({ content: [], totalPages: 1 }),
			ok({ content: [], totalPages: 1 }),
			ok(null),
		]);
		await getJob(ctx, 'p1', 'j1');
		await listJobsPage(ctx, 'p1', {
			status: ['NEW', 'ACCEPTED'],
			targetLang: 'de',
			workflowLevel: 2,
		});
		await listJobsPage(ctx, 'p1', { pageNumber: 3, pageSize: 10, targetLang: '' });
		expect(await getProject(ctx, 'p1')).toEqual({ name: 'P' });
		await listProjectsPage(ctx, {
			pageNumber: 1,
			name: 'Relaunch',
			statuses: ['NEW', 'COMPLETED'],
		});
		await listProjectsPage(ctx, { pageNumber: 0, pageSize: 5 });
		expect(await getProject(ctx, 'p2')).toEqual({});
		expect(paths()).toEqual([
			'GET /api2/v1/projects/p1/jobs/j1',
			'GET /api2/v2/projects/p1/jobs?pageNumber=0&pageSize=50&workflowLevel=2&status=NEW&status=ACCEPTED&targetLang=de',
			'GET /api2/v2/projects/p1/jobs?pageNumber=3&pageSize=10',
			'GET /api2/v1/projects/p1',
			'GET /api2/v1/projects?pageNumber=1&pageSize=50&name=Relaunch&statuses=NEW&statuses=COMPLETED',
			'GET /api2/v1/projects?pageNumber=0&pageSize=5',
			'GET /api2/v1/projects/p2',
		]);
		expect(calls.every((c) => c.qs === undefined || Object.keys(c.qs).length === 0)).toBe(true);
	});

	it('a page of jobs or projects of another shape is an error naming the listing', async () => {
		await expect(listJobsPage(context([ok(5)]).ctx, 'p1', {})).rejects.toThrow(
			"Listing a project's jobs: Phrase TMS answered no page",
		);
		await expect(listProjectsPage(context([ok(5)]).ctx, { pageNumber: 0 })).rejects.toThrow(
			'Listing projects: Phrase TMS answered no page',
		);
	});

	it('the target file export: started, its state, refused answers', async () => {
		const { ctx, paths } = context([
			ok({ asyncRequest: { id: 'a1' } }),
			ok({ asyncResponse: null }),
			ok({ asyncResponse: { errorCode: 'E', errorDesc: 'failed' } }),
			ok({}),
			ok('x'),
		]);
		expect(await startTargetFileExport(ctx, 'p1', 'j1')).toBe('a1');
		expect(await getAsyncRequest(ctx, 'a1')).toBeNull();
		expect(await getAsyncRequest(ctx, 'a1')).toEqual({ errorCode: 'E', errorDesc: 'failed' });
		await expect(startTargetFileExport(ctx, 'p1', 'j1')).rejects.toThrow(
			'Phrase TMS accepted the target file export but answered no asyncRequest.id',
		);
		await expect(getAsyncRequest(ctx, 'a1')).rejects.toThrow(
			'Phrase TMS answered an unreadable asynchronous request',
		);
		expect(paths().slice(0, 2)).toEqual([
			'PUT /api2/v3/projects/p1/jobs/j1/targetFile',
			'GET /api2/v1/async/a1',
		]);
	});

	it('the download paths, ids checked', () => {
		expect(targetFileDownloadPath('p1', 'j1', 'a1')).toBe(
			'/api2/v2/projects/p1/jobs/j1/downloadTargetFile/a1?format=ORIGINAL',
		);
		expect(originalFilePath('p1', 'j1')).toBe('/api2/v1/projects/p1/jobs/j1/original');
		expect(bilingualFileRequest('p1', ' j1 ')).toEqual({
			path: '/api2/v1/projects/p1/jobs/bilingualFile?format=MXLF',
			body: { jobs: [{ uid: 'j1' }] },
		});
		expect(() => targetFileDownloadPath('p1', 'j1', '../x')).toThrow(
			'"../x" is not a valid Phrase asynchronous request ID',
		);
		expect(() => originalFilePath('a/b', 'j1')).toThrow('"a/b" is not a valid Phrase project UID');
		expect(() => bilingualFileRequest('p1', 'j/1')).toThrow('"j/1" is not a valid Phrase job UID');
		expect(() => originalFilePath('p1', '')).toThrow('"" is not a valid Phrase job UID');
	});
});

describe('sending work: the headers of a file, answers after Phrase did the work', () => {
	it('the Memsource header is JSON in ASCII: every other character a \\u escape, the same JSON parsed back', () => {
		const metadata = { targetLangs: ['de'], path: 'Blog/Über uns — 日本', due: 'x\u007fy' };
		const header = memsourceHeader(metadata);
		expect(header).toMatch(/^[\x20-\x7e]+$/);
		expect(header).toContain('"Blog/\\u00dcber uns \\u2014 \\u65e5\\u672c"');
		expect(JSON.parse(header)).toEqual(metadata);
	});

	it("the file name as Phrase's Content-Disposition pattern takes it: filename*=UTF-8'' and RFC 5987 encoding", () => {
		expect(contentDisposition("Über (v2) it's *new*!.html")).toBe(
			"filename*=UTF-8''%C3%9Cber%20%28v2%29%20it%27s%20%2Anew%2A%21.html",
		);
		const value = contentDisposition('a"b\r\nc;d.txt');
		expect(value).toMatch(/^filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
		expect(decodeURIComponent(value.replace("filename*=UTF-8''", ''))).toBe('a"b\r\nc;d.txt');
	});

	it('a created project or job list Phrase answers unreadably: an error saying Phrase has it, with where to look', async () => {
		const { ctx } = context([
			{ statusCode: 201, body: { name: 'no uid' } },
			{ statusCode: 201, body: 'not json' },
		]);
		const project = await createProject(ctx, { name: 'P' }, 'Look for P.').catch((e: unknown) => e);
		expect(project).toMatchObject({
			message: 'Phrase TMS created the project but its answer has no readable project uid',
			hint: 'Look for P.',
		});
		const file = {
			open: async () => Buffer.from('x'),
			size: 1,
			fileName: 'a.txt',
			mimeType: 'text/plain',
		};
		const jobs = await createJobs(
			ctx,
			'p1',
			file,
			{ targetLangs: ['de'] },
			'Look for a.txt.',
		).catch((e: unknown) => e);
		expect(jobs).toMatchObject({
			message: 'Phrase TMS took the file but its answer lists no readable jobs',
			hint: 'Look for a.txt.',
		});
	});
});
