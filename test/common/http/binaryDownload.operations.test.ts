/**
 * Every download operation of every vendor node offers "Max File Size (MB)" and keeps to it: run against each
 * vendor's simulator on 127.0.0.1 (the file endpoints of help.wordbee.com/beebox/api-get-translated-content,
 * developers.gengo.com/v2/api_methods/job/, developers.phrase.com/en/api/tms/latest/, smartcat.com/api/methods/v1),
 * a file larger than the limit is an error naming the limit and the parameter, and no file is output; within the
 * limit the same file comes through.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Beebox } from '../../../nodes/Beebox/Beebox.node';
import { Gengo } from '../../../nodes/Gengo/Gengo.node';
import { Phrase } from '../../../nodes/Phrase/Phrase.node';
import { Smartcat } from '../../../nodes/Smartcat/Smartcat.node';
import { fakeExecuteContext } from '../../helpers/fakeContext';
import { BeeboxSimulator } from '../../simulators/beebox';
import { GengoSimulator } from '../../simulators/gengo';
import { PhraseSimulator } from '../../simulators/phrase';
import { SmartcatSimulator } from '../../simulators/smartcat';

/** 4 KB of a translated page: larger than a limit of 0.001 MB (1,048 bytes), well within 1 MB. */
const FILE = Buffer.from(`<p>${'Übersetzung '.repeat(300)}</p>\n`);
const TINY_MB = 0.001;

let beebox: BeeboxSimulator;
let gengo: GengoSimulator;
let phrase: PhraseSimulator;
let smartcat: SmartcatSimulator;

beforeAll(async () => {
	beebox = await new BeeboxSimulator({
		login: 'connector',
		password: 'connector-password',
		projectKey: 'p1',
		files: [],
	}).start();
	gengo = await new GengoSimulator({
		publicKey: 'limits-public',
		privateKey: 'limits-private',
		jobs: [
			{
				job_id: '384986',
				status: 'approved',
				ctime: 1767312000,
				file: { name: 'page.html', content: FILE, contentType: 'text/html' },
			},
		],
	}).start();
	phrase = await new PhraseSimulator({
		userName: 'pm',
		password: 'pw',
		asyncPolls: 0,
		projects: {
			prjLimits: [
				{
					uid: 'jobDe1',
					status: 'COMPLETED',
					targetLang: 'de',
					// the bilingual file lists this name: long enough to pass the small limit
					filename: `${'page-'.repeat(250)}.html`,
					target: FILE,
					original: FILE,
				},
			],
		},
	}).start();
	smartcat = await new SmartcatSimulator({
		accountId: 'limits-account',
		apiKey: 'limits-api-key',
		exportPollsBeforeReady: 0,
		documents: [
			{
				id: '189_25',
				name: 'Page',
				fileName: 'page.html',
				mimeType: 'text/html',
				content: FILE,
				status: 'completed',
				projectId: '4d908357-34a2-4503-88c8-ce857b46fc75',
			},
		],
	}).start();
});
afterAll(async () => {
	await Promise.all([beebox.stop(), gengo.stop(), phrase.stop(), smartcat.stop()]);
});

/** An action node: its description and execute(). */
interface ActionNode {
	description: { displayName: string; properties: INodeProperties[] };
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

interface Case {
	node: ActionNode;
	credentials: () => Record<string, IDataObject>;
	parameters: IDataObject;
	before?: () => void;
}

const CASES: Record<string, Case> = {
	'Beebox File → Download': {
		node: new Beebox(),
		credentials: () => ({
			beeboxApi: {
				serverUrl: beebox.url,
				projectKey: 'p1',
				login: 'connector',
				password: 'connector-password',
			},
		}),
		parameters: { resource: 'file', operation: 'download', locale: 'fr', file: 'page.html' },
		before: () => beebox.deliverFiles([{ file: 'page.html', locale: 'fr', content: FILE }]),
	},
	'Gengo Job → Download Target File': {
		node: new Gengo(),
		credentials: () => ({
			gengoApi: {
				environment: 'custom',
				baseUrl: gengo.baseUrl,
				publicKey: 'limits-public',
				privateKey: 'limits-private',
			},
		}),
		parameters: { resource: 'job', operation: 'downloadTargetFile', jobId: '384986', fileUrl: '' },
	},
	...Object.fromEntries(
		['downloadOriginalFile', 'downloadTargetFile', 'downloadBilingualFile'].map((operation) => [
			`Phrase TMS Job → ${operation}`,
			{
				node: new Phrase(),
				credentials: () => ({
					phraseApi: {
						region: 'custom',
						baseUrl: phrase.baseUrl,
						authType: 'password',
						userName: 'pm',
						password: 'pw',
					},
				}),
				parameters: { resource: 'job', operation, projectUid: 'prjLimits', jobUid: 'jobDe1' },
			},
		]),
	),
	'Smartcat Document → Export': {
		node: new Smartcat(),
		credentials: () => ({
			smartcatApi: {
				accountId: 'limits-account',
				apiKey: 'limits-api-key',
				server: 'custom',
				baseUrl: smartcat.url,
			},
		}),
		parameters: {
			resource: 'document',
			operation: 'export',
			documentIds: '189_25',
			type: 'target',
			output: 'perDocument',
		},
	},
};

async function run(name: string, maxFileSize: number) {
	const { node, credentials, parameters, before } = CASES[name];
	before?.();
	const fake = fakeExecuteContext({
		credentials: credentials(),
		parameters: {
			binaryPropertyName: 'data',
			options: { timeout: 30 },
			...parameters,
			maxFileSize,
		},
	});
	const outcome = await node.execute.call(fake.ctx).then(
		([items]) => ({ items, error: undefined }),
		(error: Error) => ({ items: undefined, error }),
	);
	return { ...outcome, binaries: fake.binaries };
}

describe('every download operation keeps to its "Max File Size (MB)"', () => {
	it.each(Object.keys(CASES))(
		'%s: a file above the limit is an error naming it, and no file is output',
		async (name) => {
			const { items, error, binaries } = await run(name, TINY_MB);
			expect(items).toBeUndefined();
			expect(error?.message).toMatch(
				/ is larger than 1048 bytes, the node's "Max File Size \(MB\)": the download was stopped and no file is output$/,
			);
			expect(binaries).toEqual([]);
		},
		30_000,
	);

	it.each(Object.keys(CASES))(
		'%s: within the limit the file comes through',
		async (name) => {
			const { items, error, binaries } = await run(name, 1);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(binaries).toHaveLength(1);
			expect(binaries[0].buffer.length).toBeGreaterThan(1048);
		},
		30_000,
	);
});

describe('the parameter in the node descriptions', () => {
	it('is shown for each download operation, and only for those, with a default of 100 MB', () => {
		const shown: string[] = [];
		for (const node of [new Beebox(), new Gengo(), new Phrase(), new Smartcat()]) {
			const { properties, displayName } = node.description;
			const operations = properties
				.filter((p) => p.name === 'operation')
				.flatMap((p) =>
					(p.options as Array<{ value: string }>).map((o) => ({
						resource: p.displayOptions?.show?.resource?.[0],
						operation: o.value,
					})),
				);
			for (const { resource, operation } of operations) {
				const limit = properties.find(
					(p) =>
						p.name === 'maxFileSize' &&
						p.displayOptions?.show?.resource?.includes(resource as string) &&
						p.displayOptions?.show?.operation?.includes(operation),
				);
				if (limit) {
					expect(limit).toMatchObject({ type: 'number', default: 100 });
					shown.push(`${displayName} ${String(resource)}:${operation}`);
				}
				// an operation that downloads a file is named so: it must have the limit
				if (/^download|^export$/.test(operation)) expect(limit).toBeDefined();
			}
		}
		expect(shown).toEqual([
			'Wordbee Beebox file:download',
			'Gengo job:downloadTargetFile',
			'Phrase TMS job:downloadBilingualFile',
			'Phrase TMS job:downloadOriginalFile',
			'Phrase TMS job:downloadTargetFile',
			'Smartcat document:export',
		]);
	});
});
