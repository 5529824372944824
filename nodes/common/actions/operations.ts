import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import {
	DEFAULT_MAX_FILE_SIZE_MB,
	downloadLimitsFor,
	type DownloadLimits,
} from '../http/binaryDownload';
import { executePerItem } from './execute';
import { toNodeApiError } from '../http/vendorError';

/**
 * One operation of an action node, in the style of n8n's versioned nodes (Airtable v2): the file
 * `nodes/<Vendor>/actions/<resource>/<operation>.operation.ts` holds its option, its parameters and its
 * execute(). The node file only lists resources; a node that grows gains files, not length.
 */
export interface Operation {
	/** the entry in the Operation list: name, value, action ("Get a job"), optional description */
	option: INodePropertyOptions & { action: string };
	/** the operation's own parameters; the router shows them for this resource and operation only */
	properties: INodeProperties[];
	/** the output items for one input item (pairedItem is set by the router when missing) */
	execute(ctx: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

export interface Resource {
	name: string;
	value: string;
	operations: Operation[];
	/** the operation preselected for this resource (default: the first) */
	defaultOperation?: string;
}

function showFor(property: INodeProperties, resource: string, operation: string): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { resource: [resource], operation: [operation], ...show },
		},
	};
}

/** The node's properties: Resource, one Operation list per resource, then every operation's parameters. */
export function actionProperties(resources: Resource[]): INodeProperties[] {
	const firstResource = resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value }) => ({ name, value })),
			default: firstResource,
		},
	];
	for (const resource of resources) {
		const firstOperation = resource.defaultOperation ?? String(resource.operations[0].option.value);
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations
				.map(({ option }) => option)
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: firstOperation,
		});
	}
	for (const resource of resources) {
		for (const operation of resource.operations) {
			for (const property of operation.properties) {
				properties.push(showFor(property, resource.value, String(operation.option.value)));
			}
		}
	}
	return properties;
}

/**
 * An action node's execute(): for each input item, the chosen operation; a failure becomes the vendor's
 * NodeApiError, and with "Continue On Fail" the item carries `error` instead (executePerItem).
 */
export async function executeActions(
	ctx: IExecuteFunctions,
	resources: Resource[],
): Promise<INodeExecutionData[][]> {
	return await executePerItem(
		ctx,
		async (itemIndex) => {
			const resource = ctx.getNodeParameter('resource', itemIndex) as string;
			const operation = ctx.getNodeParameter('operation', itemIndex) as string;
			const found = resources
				.find((r) => r.value === resource)
				?.operations.find((o) => o.option.value === operation);
			if (!found)
				throw new NodeOperationError(ctx.getNode(), `Unknown operation ${resource}: ${operation}`, {
					itemIndex,
				});
			const items = await found.execute(ctx, itemIndex);
			return items.map((item) => ({ ...item, pairedItem: item.pairedItem ?? { item: itemIndex } }));
		},
		(error, itemIndex) => toNodeApiError(ctx, error, itemIndex),
	);
}

/** Output items from JSON objects, paired with the input item. */
export function jsonItems(
	json: INodeExecutionData['json'] | Array<INodeExecutionData['json']>,
	itemIndex: number,
): INodeExecutionData[] {
	return (Array.isArray(json) ? json : [json]).map((entry) => ({
		json: entry,
		pairedItem: { item: itemIndex },
	}));
}

/**
 * "Max File Size (MB)", the one size limit of every download operation: a file larger than it is refused as it
 * arrives (counted unpacked, so a compressed bomb cannot pass), and the download is stopped before it fills n8n's
 * disk or memory. The same limit sets the download's overall deadline (binaryDownload.ts, downloadLimitsFor).
 */
export const maxFileSizeProperty: INodeProperties = {
	displayName: 'Max File Size (MB)',
	name: 'maxFileSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10240 },
	default: DEFAULT_MAX_FILE_SIZE_MB,
	description:
		'The largest file to accept, counted unpacked as it arrives. A larger file stops the download with an error and no file is output. The download must also finish within 5 minutes (2 seconds per MB when that is longer).',
};

/** The download limits of an item: its "Max File Size (MB)" (default 100 MB) and the deadline that goes with it. */
export function downloadLimits(ctx: IExecuteFunctions, itemIndex: number): DownloadLimits {
	const value = Number(
		ctx.getNodeParameter(maxFileSizeProperty.name, itemIndex, DEFAULT_MAX_FILE_SIZE_MB),
	);
	return downloadLimitsFor(value, maxFileSizeProperty.displayName);
}

/**
 * n8n's "Retry On Fail" (the node's Settings) runs a failed node again. An operation that creates something at the
 * vendor (an order, a project, a new source version) is sent once only: a second run after a failure the vendor
 * may have received would create it twice. Such an operation refuses to run with it on, before anything is sent.
 */
export function refuseRetryOnFail(ctx: IExecuteFunctions, itemIndex: number, what: string): void {
	if (!ctx.getNode().retryOnFail) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`"Retry On Fail" is on, and ${what} must be sent once only`,
		{
			itemIndex,
			description:
				'n8n would run the node again after a failure the vendor may have received, and create it twice. Turn "Retry On Fail" off in the node\'s Settings: a failure says whether the vendor may have created it and where to look.',
		},
	);
}
