import { corpusDir, readCorpus, type PublicFixture } from '../helpers/publicCorpus';

/**
 * The public Beebox corpus (test/fixtures/public/beebox/, each file naming its source) and the item the Wordbee
 * Beebox Trigger must make of each documented callback, written out field by field: the unit tests send them to
 * webhook(), the e2e suite through a real n8n.
 */
export const CORPUS = corpusDir('beebox');

export interface CorpusDelivery extends PublicFixture {
	event: string;
	request: { method: string; query: string };
}

export interface CorpusAnswer extends PublicFixture {
	endpoint: string;
	status: number;
	body: unknown;
}

function read<T extends PublicFixture>(prefix: string): T[] {
	return readCorpus<T>('beebox', (file) => file.startsWith(prefix));
}

export const deliveries = (): CorpusDelivery[] => read<CorpusDelivery>('delivery-');
export const answers = (): CorpusAnswer[] => read<CorpusAnswer>('api-');

const PROJECT = 'dddac1e2-32fa-4f29-ab92-78128a94809e';
const admin = (bbid: string, bbevent: string, eventGroup: string) => ({
	vendor: 'beebox',
	event: bbevent,
	eventKey: `beebox:${bbid}`,
	projectId: PROJECT,
	eventGroup,
	bbid,
	bbevent,
	bbproject: PROJECT,
});
const connector = (bbid: string) => ({
	vendor: 'beebox',
	event: 'CreatedTranslatedFiles',
	eventKey: `beebox:${bbid}`,
	occurredAt: '2023-06-20T06:56:35.000Z',
	projectId: PROJECT,
	eventGroup: 'File',
	sender: null,
	bbid,
	bbevent: 'CreatedTranslatedFiles',
	bbproject: PROJECT,
	bbdate: '2023-06-20 06:56:35Z',
});

/**
 * The item of each corpus callback (without `receivedAt`): every field, so a field added, lost or changed shows.
 * Dates as the pages write them: `2007-04-05T14:30Z`, `2007-04-05T12:30-02:00` (the same instant) and the connector
 * page's `2023-06-20 06:56:35Z`; `bbok` true/false and yes/no; an empty `bberror` left out.
 */
export const EXPECTED_ITEMS: Record<string, Record<string, unknown>> = {
	'delivery-admin-autorun-fatal-error.json': {
		...admin('00000000-0000-0000-0000-00000000000b', 'AutorunFatalError', 'Administration'),
		occurredAt: '2007-04-05T14:30:00.000Z',
		ok: false,
		error: 'Autorun failed',
		sender: 'Autorun',
		bbsender: 'Autorun',
		bbdate: '2007-04-05T14:30Z',
		bbok: 'false',
		bberror: 'Autorun failed',
	},
	'delivery-admin-created-preliminary-files.json': {
		...admin('00000000-0000-0000-0000-000000000007', 'CreatedPreliminaryFiles', 'File'),
		occurredAt: '2007-04-05T14:30:00.000Z',
		ok: true,
		sender: 'Autorun',
		bbsender: 'Autorun',
		bbdate: '2007-04-05T12:30-02:00',
		bbok: 'true',
	},
	'delivery-admin-created-translated-files.json': {
		...admin('22fde108-a8bd-4609-8c7e-5c101b519eed', 'CreatedTranslatedFiles', 'File'),
		occurredAt: '2007-04-05T14:30:00.000Z',
		ok: true,
		sender: 'Admin',
		bbsender: 'Admin',
		bbdate: '2007-04-05T14:30Z',
		bbok: 'true',
	},
	'delivery-admin-package-completed.json': {
		...admin('00000000-0000-0000-0000-000000000009', 'PackageCompleted', 'Job'),
		occurredAt: '2007-04-05T14:30:00.000Z',
		ok: true,
		sender: 'Autorun',
		bbsender: 'Autorun',
		bbdate: '2007-04-05T14:30Z',
		bbok: 'true',
	},
	'delivery-admin-project-update.json': {
		...admin('00000000-0000-0000-0000-00000000000a', 'ProjectUpdate', 'Project'),
		occurredAt: '2007-04-05T14:30:00.000Z',
		ok: true,
		sender: 'Admin',
		bbsender: 'Admin',
		bbdate: '2007-04-05T12:30-02:00',
		bbok: 'true',
	},
	'delivery-admin-source-file-change.json': {
		...admin('1002', 'SourceFileChange', 'File'),
		occurredAt: '2007-04-05T14:30:00.000Z',
		ok: true,
		sender: 'Plugin',
		bbsender: 'Plugin',
		bbdate: '2007-04-05T12:30-02:00',
		bbok: 'true',
	},
	'delivery-admin-source-file-parse-failed.json': {
		...admin('00000000-0000-0000-0000-000000000005', 'SourceFileParse', 'File'),
		occurredAt: '2007-04-05T14:30:00.000Z',
		ok: false,
		error: 'The file is corrupt and WBT was not able to extract text content.',
		sender: 'Autorun',
		bbsender: 'Autorun',
		bbdate: '2007-04-05T14:30Z',
		bbok: 'false',
		bberror: 'The file is corrupt and WBT was not able to extract text content.',
	},
	'delivery-admin-source-file-parse-plugin-ext.json': {
		...admin('00000000-0000-0000-0000-000000000006', 'SourceFileParse', 'File'),
		occurredAt: '2007-04-05T14:30:00.000Z',
		ok: true,
		sender: 'Plugin Ext',
		bbsender: 'Plugin Ext',
		bbdate: '2007-04-05T14:30Z',
		bbok: 'true',
	},
	'delivery-connector-created-translated-files-encoded.json': {
		...connector('b0227cc0-fb64-45df-b0dd-fa25770390cd'),
		ok: true,
		bbok: 'yes',
	},
	'delivery-connector-created-translated-files-failed.json': {
		...connector('00000000-0000-0000-0000-000000000008'),
		ok: false,
		error: 'Delivery failed',
		bbok: 'no',
		bberror: 'Delivery failed',
	},
	'delivery-connector-created-translated-files.json': {
		...connector('b0227cc0-fb64-45df-b0dd-fa25770390cd'),
		ok: true,
		bbok: 'yes',
	},
};

/**
 * A corpus callback's query as it travels on the wire: the connector page prints `bbdate=2023-06-20 06:56:35Z`
 * with a raw space, which no request line can carry; an HTTP client sends it as `%20`.
 */
export function wireQuery(delivery: CorpusDelivery): string {
	return delivery.request.query.replace(/ /g, '%20');
}
