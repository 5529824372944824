import { NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';

import {
	jsonItems,
	listParameter,
	refuseRetryOnFail,
	type Operation,
} from '../../../common/actions/operations';
import { userDateParameter } from '../../../common/delivery/dates';
import { createProject } from '../../api';
import { checkedLanguages } from '../../directories';
import {
	binaryFieldNames,
	binaryFieldsProperty,
	DEFAULT_MAX_UPLOAD_MB,
	documentSettingsOptions,
	filesOf,
	maxUploadSizeOption,
	uploadTimeoutOption,
} from '../../uploads';

/**
 * Smartcat's workflow stages (OpenAPI StageType of CreateProjectModel.workflowStages,
 * https://smartcat.com/api/methods/v1/swagger.json), in the order a project usually runs them.
 */
const STAGES: Array<[string, string]> = [
	['Source Review', 'sourceReview'],
	['Translation', 'translation'],
	['Transcreation', 'transcreation'],
	['Post-Editing', 'postediting'],
	['Editing', 'editing'],
	['Proofreading', 'proofreading'],
	['LQA Review', 'lQAReview'],
	['Preliminary Page Proof', 'preliminaryPageProof'],
	['Final Page Proof', 'finalPageProof'],
	['Subtitle Review', 'subtitleReview'],
	['Voice-Over Review', 'voiceOverReview'],
	['Certified Translation', 'certifiedTranslation'],
	['Notarization', 'notarization'],
	['Legalization', 'legalization'],
];

export const VENDOR_COST_NOTICE =
	'Costs money: Smartcat assigns the project to the vendor, who starts paid work on it. Run this node only once per project: if Smartcat does not answer, the node does not send the project again (it may exist already) and says how to check.';

const properties: INodeProperties[] = [
	{
		displayName: 'Project Name',
		name: 'projectName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Website: pricing page',
	},
	{
		displayName: 'Source Language Name or ID',
		name: 'sourceLanguage',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLanguages' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: "The documents' language: a code of Smartcat's language directory (e.g. en), checked before anything is sent",
	},
	{
		displayName: 'Target Language Names or IDs',
		name: 'targetLanguages',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLanguages' },
		required: true,
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: "The languages to translate into: codes of Smartcat's language directory (e.g. de, pt-BR, zh-Hans; in an expression a list, or text separated by commas), checked before anything is sent",
	},
	binaryFieldsProperty(
		'The files to translate: one binary field of the input item, or several separated by commas (each becomes a document). Leave empty for a project without documents (add them later with Document → Add to Project).',
		false,
	),
	{
		displayName: 'Workflow Stages',
		name: 'workflowStages',
		type: 'multiOptions',
		options: STAGES.map(([name, value]) => ({ name, value })),
		default: ['translation'],
		description: "The project's stages, in the order given",
	},
	{
		displayName: 'Assign to Vendor',
		name: 'assignToVendor',
		type: 'boolean',
		default: false,
		description:
			'Whether Smartcat assigns the project to a vendor (a translation company of your account), who starts paid work on it',
	},
	{
		displayName: VENDOR_COST_NOTICE,
		name: 'vendorCostNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { assignToVendor: [true] } },
	},
	{
		displayName: 'Vendor Name or ID',
		name: 'vendorId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getVendors' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The vendor who does the work, and bills it',
		displayOptions: { show: { assignToVendor: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'string',
				default: '',
				description: 'The Smartcat client the project is for',
			},
			{
				displayName: 'Deadline',
				name: 'deadline',
				type: 'dateTime',
				default: '',
				description: 'When the translation is due (without a time zone: UTC)',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
			},
			...documentSettingsOptions,
			{
				displayName: 'External Tag',
				name: 'externalTag',
				type: 'string',
				default: '',
				description:
					"A tag of your system, e.g. to find the project again (Project → Get Many's filter)",
			},
			maxUploadSizeOption,
			{
				displayName: 'Pretranslate',
				name: 'pretranslate',
				type: 'boolean',
				default: false,
				description:
					"Whether Smartcat pretranslates the documents from the project's translation memory (and machine translation, when on)",
			},
			uploadTimeoutOption,
			{
				displayName: 'Use Machine Translation',
				name: 'useMT',
				type: 'boolean',
				default: false,
				description: 'Whether the project uses machine translation',
			},
		],
	},
];

interface CreateOptions {
	clientId?: string;
	deadline?: unknown;
	description?: string;
	externalId?: string;
	metaInfo?: string;
	externalTag?: string;
	maxFileSize?: number;
	pretranslate?: boolean;
	timeout?: number;
	useMT?: boolean;
}

/**
 * Project → Create: `POST /project/create` with the project model and the item's files as documents (Smartcat
 * API v1, https://smartcat.com/api/methods/v1/swagger.json). Every input is checked before anything is sent; the
 * request itself is sent once only (Smartcat has no idempotency key).
 */
export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create project',
		description:
			'Create a project with documents from binary data. With a vendor assigned it costs money: the vendor starts paid work.',
	},
	properties,
	async execute(ctx, i) {
		const node = ctx.getNode();
		refuseRetryOnFail(ctx, i, 'a Smartcat project');
		const name = String(ctx.getNodeParameter('projectName', i) ?? '').trim();
		if (!name)
			throw new NodeOperationError(node, 'Project Name is empty', {
				itemIndex: i,
				description: 'Give the project a name, e.g. from the content: {{ $json.title }}',
			});
		const sourceCodes = listParameter(ctx.getNodeParameter('sourceLanguage', i));
		if (sourceCodes.length !== 1)
			throw new NodeOperationError(
				node,
				sourceCodes.length ? 'Source Language: give one language' : 'Source Language is empty',
				{ itemIndex: i, description: 'Choose the language of the documents, e.g. en.' },
			);
		const targetCodes = listParameter(ctx.getNodeParameter('targetLanguages', i));
		if (!targetCodes.length)
			throw new NodeOperationError(node, 'Target Languages is empty', {
				itemIndex: i,
				description: 'Choose at least one language to translate into, e.g. de.',
			});
		const [sourceLanguage] = await checkedLanguages(ctx, i, 'Source Language', sourceCodes);
		const targetLanguages = await checkedLanguages(ctx, i, 'Target Languages', targetCodes);
		if (targetLanguages.includes(sourceLanguage))
			throw new NodeOperationError(
				node,
				`Target Languages: ${sourceLanguage} is the source language`,
				{ itemIndex: i, description: 'A project translates into languages other than its source.' },
			);

		const assignToVendor = ctx.getNodeParameter('assignToVendor', i, false) as boolean;
		const vendorId = assignToVendor
			? String(ctx.getNodeParameter('vendorId', i, '') ?? '').trim()
			: '';
		if (assignToVendor && !vendorId)
			throw new NodeOperationError(node, 'Vendor: no vendor chosen', {
				itemIndex: i,
				description: 'Choose the vendor to assign the project to, or turn "Assign to Vendor" off.',
			});
		const stages = listParameter(ctx.getNodeParameter('workflowStages', i, ['translation'])).map(
			(stage) => {
				const known = STAGES.find(([, value]) => value.toLowerCase() === stage.toLowerCase());
				if (known) return known[1];
				throw new NodeOperationError(
					node,
					`Workflow Stages: "${stage.slice(0, 40)}" is not a stage Smartcat has`,
					{
						itemIndex: i,
						description: `Smartcat's stages: ${STAGES.map(([, value]) => value).join(', ')}.`,
					},
				);
			},
		);
		const options = ctx.getNodeParameter('options', i, {}) as CreateOptions;
		const deadline = userDateParameter(ctx, options.deadline, 'Deadline', i);

		const files = await filesOf(
			ctx,
			i,
			binaryFieldNames(ctx.getNodeParameter('binaryPropertyName', i, '')),
			options.maxFileSize ?? DEFAULT_MAX_UPLOAD_MB,
		);
		const documentProperties: IDataObject = {};
		if (options.externalId?.trim()) documentProperties.externalId = options.externalId.trim();
		if (options.metaInfo?.trim()) documentProperties.metaInfo = options.metaInfo.trim();

		// CreateProjectModel (OpenAPI): assignToVendor is required (Smartcat's help, "Smartcat integration 101")
		const model: IDataObject = {
			name,
			sourceLanguage,
			targetLanguages,
			assignToVendor,
			...(assignToVendor ? { vendorAccountIds: [vendorId] } : {}),
			...(stages.length ? { workflowStages: stages } : {}),
			...(deadline !== undefined ? { deadline: new Date(deadline).toISOString() } : {}),
			...(options.description?.trim() ? { description: options.description.trim() } : {}),
			...(options.externalTag?.trim() ? { externalTag: options.externalTag.trim() } : {}),
			...(options.clientId?.trim() ? { clientId: options.clientId.trim() } : {}),
			...(options.useMT ? { useMT: true } : {}),
			...(options.pretranslate ? { pretranslate: true } : {}),
			...(files.length && Object.keys(documentProperties).length
				? { documentProperties: files.map(() => documentProperties) }
				: {}),
		};
		const project = await createProject(ctx, model, files, {
			checkHint: `Before running the node again, look in Smartcat for a project named "${name}" created just now (Smartcat's project list, or this node's Project → Get Many with the Project Name filter): if it is there, it was created and must not be created again.`,
			timeoutMs: options.timeout ? options.timeout * 1000 : undefined,
		});
		return jsonItems(project as IDataObject, i);
	},
};
