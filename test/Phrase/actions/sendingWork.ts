import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { Phrase } from '../../../nodes/Phrase/Phrase.node';
import { fakeExecuteContext, type FakeBinary } from '../../helpers/fakeContext';
import { PhraseSimulator } from '../../simulators/phrase';

/**
 * What the tests of the Phrase TMS node's operations that send work share (Project → Create, Job → Create, Update
 * Source, Set Status): a Phrase account in the simulator with a project of two workflow steps and a template, the
 * node run through the fake execute context with a file as the item's binary data, and its failures.
 */
export const node = new Phrase();

/** A source file that breaks careless handling: UTF-8 beyond Latin-1, CRLF, bytes that are no UTF-8, 300 KB. */
export const SOURCE = Buffer.concat([
	Buffer.from('<h1>Produktübersicht — ✓ 日本語</h1>\r\n', 'utf8'),
	Buffer.from([0x00, 0xff, 0xfe]),
	Buffer.alloc(300_000, 0x61),
]);

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A resource locator value chosen from the list. */
export const list = (value: string) => ({ __rl: true, mode: 'list', value });

export async function startPhrase(): Promise<PhraseSimulator> {
	return await new PhraseSimulator({
		userName: 'pm',
		password: 'pw',
		projects: {
			prjSite: [
				{ uid: 'jobDe', status: 'NEW', targetLang: 'de', filename: 'page.html' },
				{ uid: 'jobFr', status: 'NEW', targetLang: 'fr', filename: 'page.html' },
				{ uid: 'jobDe2', status: 'NEW', targetLang: 'de', workflowLevel: 2 },
				{ uid: 'jobDone', status: 'COMPLETED', targetLang: 'fr' },
			],
		},
		projectInfo: {
			prjSite: {
				name: 'Website 2026',
				sourceLang: 'en',
				targetLangs: ['de', 'fr', 'pt_br'],
				workflowLevels: 2,
			},
		},
		templates: [
			{
				uid: 'tplWebsite00000000000a',
				templateName: 'Website',
				sourceLang: 'en',
				targetLangs: ['de', 'fr'],
				workflowLevels: 2,
			},
		],
		unsupportedExtensions: ['.exe'],
	}).start();
}

export interface RunOptions {
	input?: IDataObject[];
	binary?: Array<Record<string, FakeBinary> | undefined>;
	continueOnFail?: boolean;
	/** the node's "Retry On Fail" setting */
	retryOnFail?: boolean;
	/** the stored credential (n8n keeps the session token in it between executions) */
	credentials?: ReturnType<ReturnType<typeof nodeRunner>['credentials']>;
}

/** Runs the node against the simulator `phrase()` gives (a fresh one per test). */
export function nodeRunner(phrase: () => PhraseSimulator) {
	const credentials = () => ({
		phraseApi: {
			region: 'custom',
			baseUrl: phrase().baseUrl,
			authType: 'password',
			userName: 'pm',
			password: 'pw',
		},
	});
	const run = async (parameters: Record<string, unknown>, options: RunOptions = {}) => {
		const fake = fakeExecuteContext({
			nodeType: node,
			parameters,
			input: options.input,
			binaryInput: options.binary ?? [
				{ data: { data: SOURCE, fileName: 'Produktübersicht (v2).html' } },
			],
			credentials: options.credentials ?? credentials(),
			continueOnFail: options.continueOnFail,
		});
		if (options.retryOnFail) {
			const getNode = fake.ctx.getNode.bind(fake.ctx);
			fake.ctx.getNode = () => ({ ...getNode(), retryOnFail: true });
		}
		const [items] = await fake.execute();
		return { items, ...fake };
	};
	/** The error the node fails with (a test fails if it does not). */
	const failure = async (parameters: Record<string, unknown>, options: RunOptions = {}) => {
		const error = await run(parameters, options).then(
			() => undefined,
			(e: unknown) => e as Error & { description?: string; httpCode?: string },
		);
		if (!error) throw new Error('expected the node to fail');
		return error;
	};
	return { run, failure, credentials };
}
