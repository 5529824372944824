import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { executePerItem } from '../common/execute';
import { toNodeApiError } from '../common/http';
import {
	deleteCallbackSettings,
	getCallbackSettings,
	getDocument,
	getLastErrors,
	getProject,
	setCallbackSettings,
} from './callbackApi';
import { validateCallbackSetting } from './settings';

/** Reads and changes the Smartcat account's callback setting, and looks projects and documents up. */
export class Smartcat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartcat',
		name: 'smartcat',
		icon: { light: 'file:smartcat.svg', dark: 'file:smartcat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			"Manage the Smartcat account's callback setting, read delivery errors, get projects and documents",
		defaults: { name: 'Smartcat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartcatApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Callback', value: 'callback' },
					{ name: 'Document', value: 'document' },
					{ name: 'Project', value: 'project' },
				],
				default: 'callback',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['callback'] } },
				options: [
					{ name: 'Delete', value: 'delete', action: 'Delete the callback setting' },
					{
						name: 'Get',
						value: 'get',
						action: 'Get the callback setting',
						description: 'No callback set: one item with "isSet": false',
					},
					{
						name: 'Get Last Errors',
						value: 'getLastErrors',
						action: 'Get the last callback delivery errors',
						description: 'One item per failed delivery',
					},
					{
						name: 'Set',
						value: 'set',
						action: 'Set the callback setting',
						description: 'Creates or replaces the account-wide setting',
					},
				],
				default: 'get',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['project', 'document'] } },
				options: [{ name: 'Get', value: 'get', action: 'Get a project or document' }],
				default: 'get',
			},
			{
				displayName:
					'The callback setting is account-wide: Set and Delete change where Smartcat sends callbacks for every integration of the account, including a Smartcat Trigger.',
				name: 'accountWideNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { resource: ['callback'], operation: ['set', 'delete'] } },
			},
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'https://n8n.example.com/webhook/WEBHOOK-ID/smartcat',
				displayOptions: { show: { resource: ['callback'], operation: ['set'] } },
				description:
					'Smartcat appends /project/status, /document/status or /document/translationImportCompleted to it',
			},
			{
				displayName: 'Additional Headers',
				name: 'additionalHeaders',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Header',
				default: {},
				displayOptions: { show: { resource: ['callback'], operation: ['set'] } },
				description:
					'Headers Smartcat sends with every callback, e.g. a secret the receiver checks',
				options: [
					{
						name: 'header',
						displayName: 'Header',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								typeOptions: { password: true },
								default: '',
							},
						],
					},
				],
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				displayOptions: { show: { resource: ['callback'], operation: ['getLastErrors'] } },
				description: 'Max number of results to return',
			},
			{
				displayName: 'Project ID',
				name: 'projectId',
				type: 'string',
				required: true,
				default: '',
				placeholder: '={{ $json.projectId }}',
				displayOptions: { show: { resource: ['project'] } },
			},
			{
				displayName: 'Document ID',
				name: 'documentId',
				type: 'string',
				required: true,
				default: '',
				placeholder: '={{ $json.documentId }}',
				displayOptions: { show: { resource: ['document'] } },
				description: 'With the language part, e.g. 189_25, as Smartcat Trigger items carry it',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executePerItem(
			this,
			async (i) => (await runOperation(this, i)).map((json) => ({ json, pairedItem: { item: i } })),
			(error, i) => toNodeApiError(this, error, i),
		);
	}
}

async function runOperation(ctx: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const resource = ctx.getNodeParameter('resource', i) as string;
	const operation = ctx.getNodeParameter('operation', i) as string;
	if (resource === 'project')
		return [
			(await getProject(ctx, String(ctx.getNodeParameter('projectId', i)).trim())) as IDataObject,
		];
	if (resource === 'document')
		return [
			(await getDocument(ctx, String(ctx.getNodeParameter('documentId', i)).trim())) as IDataObject,
		];

	switch (operation) {
		case 'get': {
			// Smartcat answers 404 when no callback is set: an item that says so, not an error.
			const settings = await getCallbackSettings(ctx);
			return [
				settings
					? {
							isSet: true,
							url: settings.url ?? null,
							additionalHeaders: (settings.additionalHeaders ?? []) as IDataObject[],
						}
					: { isSet: false, url: null, additionalHeaders: [] },
			];
		}
		case 'set': {
			const url = String(ctx.getNodeParameter('url', i)).trim();
			const headers = (
				(
					ctx.getNodeParameter('additionalHeaders', i, {}) as {
						header?: Array<{ name?: string; value?: string }>;
					}
				).header ?? []
			).map((h) => ({
				name: (h.name ?? '').trim(),
				value: h.value ?? '',
			}));
			const problem = validateCallbackSetting(url, headers);
			if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex: i });
			await setCallbackSettings(ctx, url, headers);
			return [{ isSet: true, url, additionalHeaders: headers.map((h) => ({ name: h.name })) }];
		}
		case 'delete':
			await deleteCallbackSettings(ctx);
			return [{ deleted: true }];
		case 'getLastErrors':
			return await getLastErrors(ctx, ctx.getNodeParameter('limit', i, 50) as number);
		default:
			throw new NodeOperationError(ctx.getNode(), `Unknown operation ${operation}`, {
				itemIndex: i,
			});
	}
}
