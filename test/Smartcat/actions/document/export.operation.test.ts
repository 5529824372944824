import type { IExecuteFunctions } from 'n8n-workflow';

import { exportOperation } from '../../../../nodes/Smartcat/actions/document/export.operation';
import exportTask from '../../../fixtures/public/smartcat/api-document-export-task-constructed.json';
import notReady from '../../../fixtures/public/smartcat/api-document-export-result-not-ready-204.json';
import { scriptedContext, type ScriptedAnswer } from '../../../helpers/scriptedContext';

/**
 * How often Document → Export asks Smartcat whether its export is ready, on a fake clock. Smartcat answers
 * `GET /document/export/{taskId}` with 204 "The task is not ready yet" until the file is there
 * (https://smartcat.com/api/methods/v1/swagger.json) and documents "a rate limit of 4 requests per second"
 * (https://developers.smartcat.com/api-guides): the node waits 1 s, then twice as long each time, at most 10 s.
 */
const TASK = exportTask.body.id;
const DOCUMENT = exportTask.body.documentIds[0];

/** Runs an export whose task Smartcat reports ready after `notReadyAnswers` 204s; the times of its polls. */
async function exportOnFakeClock(notReadyAnswers: number, timeoutSeconds: number) {
	const answers: ScriptedAnswer[] = [
		{ statusCode: exportTask.status, body: exportTask.body },
		...Array.from({ length: notReadyAnswers }, () => ({
			statusCode: notReady.status,
			body: notReady.body,
		})),
		{
			statusCode: 200,
			body: Buffer.from('<h1>Willkommen</h1>'),
			headers: { 'content-type': 'text/html' },
		},
	];
	const scripted = scriptedContext({
		credentials: {
			accountId: 'export-polling-account',
			apiKey: 'export-polling-key',
			server: 'custom',
			baseUrl: 'http://127.0.0.1:9',
		},
		answers,
	});
	const parameters: Record<string, unknown> = {
		documentIds: DOCUMENT,
		type: 'target',
		output: 'perDocument',
		options: { timeout: timeoutSeconds },
	};
	// an action node reads its parameters per item: (name, itemIndex, fallback)
	const ctx = {
		...(scripted.ctx as object),
		getNode: () => ({ name: 'Smartcat', type: 'smartcat', typeVersion: 1 }),
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			parameters[name] ?? fallback,
	} as unknown as IExecuteFunctions;
	const started = Date.now();
	const polls: number[] = [];
	const send = ctx.helpers.httpRequestWithAuthentication.bind(ctx);
	ctx.helpers.httpRequestWithAuthentication = (async (type, request) => {
		if (request.method === 'GET' && String(request.url).endsWith(`/document/export/${TASK}`))
			polls.push(Date.now() - started);
		return await send(type, request);
	}) as IExecuteFunctions['helpers']['httpRequestWithAuthentication'];
	let settled = false;
	const outcome = exportOperation.execute(ctx, 0).then(
		(items) => ({ items, error: undefined }),
		(error: Error) => ({ items: undefined, error }),
	);
	void outcome.finally(() => (settled = true));
	for (let waited = 0; !settled && waited < 2 * timeoutSeconds; waited++)
		await jest.advanceTimersByTimeAsync(1000);
	expect(settled).toBe(true);
	const gaps = polls.slice(1).map((at, i) => at - polls[i]);
	return { ...(await outcome), polls, gaps };
}

describe('Smartcat node: Document → Export polls less and less often', () => {
	beforeEach(() => jest.useFakeTimers({ now: new Date('2026-05-01T00:00:00Z') }));
	afterEach(() => jest.useRealTimers());

	it('waits 1 s, then twice as long after each 204, at most 10 s, until the file comes', async () => {
		const { items, error, polls, gaps } = await exportOnFakeClock(6, 300);
		expect(error).toBeUndefined();
		expect(items?.map((i) => i.json.documentId)).toEqual([DOCUMENT]);
		expect(polls).toHaveLength(7); // six 204s, then the file
		expect(gaps).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
	});

	it('an export never ready: 9 polls in a 60 s timeout, then an error before the time is up', async () => {
		const { error, polls, gaps } = await exportOnFakeClock(1_000, 60);
		expect(error?.message).toBe(
			`Smartcat export ${TASK} of document ${DOCUMENT} did not finish within 60 s`,
		);
		// 0, 1, 3, 7, 15, 25, 35, 45, 55 s: the next one would come after the timeout
		expect(gaps).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000]);
		expect(polls[polls.length - 1] - polls[0]).toBeLessThanOrEqual(60_000);
	});
});
