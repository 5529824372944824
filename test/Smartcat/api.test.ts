import type { IDataObject } from 'n8n-workflow';

import {
	exportResult,
	getCallbackSettings,
	getDocument,
	getLastErrors,
	getProject,
	listProjects,
	requestExport,
} from '../../nodes/Smartcat/api';
import type { ApiContext } from '../../nodes/common/http/httpClient';
import { scriptedContext, type ScriptedAnswer } from '../helpers/scriptedContext';

/**
 * The Smartcat API calls against scripted answers: the query each sends, and an answer of a shape the client
 * does not know is an error naming the call (not an item full of undefined). Each context is its own account, so
 * the per-account pacing (4 calls a second) never waits here.
 */
let accounts = 0;
function context(answers: ScriptedAnswer[]) {
	const scripted = scriptedContext({
		credentials: () => ({
			accountId: `api-test-${++accounts}`,
			apiKey: 'k',
			server: 'custom',
			baseUrl: 'https://smartcat.example',
		}),
		answers,
	});
	return { ctx: scripted.ctx as ApiContext, calls: scripted.requests };
}

describe('Smartcat answers of an unknown shape', () => {
	const odd = { statusCode: 200, body: 'surprise' };
	it.each([
		['the callback setting', (ctx: ApiContext) => getCallbackSettings(ctx)],
		['the project', (ctx: ApiContext) => getProject(ctx, 'p-1')],
		['the document', (ctx: ApiContext) => getDocument(ctx, '189_25')],
		['the project list', (ctx: ApiContext) => listProjects(ctx, {}, 0, 100)],
		[
			'the export request',
			(ctx: ApiContext) => requestExport(ctx, { documentIds: ['189_25'], type: 'target' }),
		],
	])('%s', async (what, call) => {
		await expect(call(context([odd]).ctx)).rejects.toThrow(
			`Smartcat answered ${what} in an unknown shape`,
		);
	});

	it('the last errors: a list is expected', async () => {
		await expect(
			getLastErrors(context([{ statusCode: 200, body: { errors: [] } }]).ctx, 10),
		).rejects.toThrow('Smartcat answered the last errors in an unknown shape');
	});
});

describe('listProjects: the query', () => {
	it('documents included unless asked otherwise; text filters trimmed, empty ones left out; ids checked', async () => {
		const { ctx, calls } = context([
			{ statusCode: 200, body: [] },
			{ statusCode: 200, body: [] },
		]);
		await listProjects(
			ctx,
			{
				projectName: '  relaunch ',
				externalTag: ' ',
				createdByUserId: ' u-1 ',
				assignedToUserId: '',
				clientIds: ['c-1', 'c-2'],
			},
			200,
			500,
		);
		await listProjects(ctx, { includeDocuments: false }, 0, 0);
		expect(calls.map((c) => c.qs)).toEqual([
			{
				offset: 200,
				limit: 100,
				includeDocuments: true,
				projectName: 'relaunch',
				createdByUserId: 'u-1',
				clientIds: 'c-1,c-2',
			},
			{ offset: 0, limit: 1, includeDocuments: false },
		]);
	});

	it.each([
		[{ createdByUserId: 'a/b' }, '"a/b" is not a valid Smartcat user ID'],
		[{ assignedToUserId: '../x' }, '"../x" is not a valid Smartcat user ID'],
		[{ clientIds: ['c?1'] }, '"c?1" is not a valid Smartcat client ID'],
	])('refuses %j before sending anything', async (filters, message) => {
		const { ctx, calls } = context([]);
		await expect(listProjects(ctx, filters as IDataObject, 0, 10)).rejects.toThrow(message);
		expect(calls).toHaveLength(0);
	});
});

describe('the export calls refuse ids before they go into the request', () => {
	it('a document ID and a task ID of the wrong form', async () => {
		const { ctx, calls } = context([]);
		await expect(requestExport(ctx, { documentIds: ['189'], type: 'target' })).rejects.toThrow(
			'"189" is not a valid Smartcat document ID',
		);
		await expect(exportResult(ctx, 'a/b')).rejects.toThrow(
			'"a/b" is not a valid Smartcat export task ID',
		);
		expect(calls).toHaveLength(0);
	});
});
