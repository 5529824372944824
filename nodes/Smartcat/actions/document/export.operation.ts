import { NodeOperationError, type INodeExecutionData } from 'n8n-workflow';

import {
	downloadLimits,
	listParameter,
	maxFileSizeProperty,
	type Operation,
} from '../../../common/actions/operations';
import { binaryFromAnswer, waitForVendorJob } from '../../../common/http/binaryDownload';
import type { ApiAnswer } from '../../../common/http/httpClient';
import { exportResult, requestExport } from '../../api';
import { SmartcatApiError } from '../../transport';

/** The document ids of the parameter: a list, or text with ids separated by commas, spaces or new lines. */
export const documentIdsOf = listParameter;

const EXTENSIONS: Record<string, string> = { xliff: '.xlf', multilangCsv: '.csv' };

/**
 * Document → Export: asks Smartcat for an export (`POST /document/export`), polls `GET /document/export/{id}`
 * (204 "The task is not ready yet") until the file comes, within the Timeout, and outputs it as binary data with
 * Smartcat's file name and type (Smartcat API v1, https://smartcat.com/api/methods/v1/swagger.json). Several
 * documents: one export each (one file per document), or one export for all, which Smartcat answers with one
 * ZIP archive.
 */
export const exportOperation: Operation = {
	option: {
		name: 'Export',
		value: 'export',
		action: 'Export documents',
		description: 'Download translated documents (or XLIFF) as binary data',
	},
	properties: [
		{
			displayName: 'Document IDs',
			name: 'documentIds',
			type: 'string',
			required: true,
			default: '={{ $json.documentId }}',
			description:
				'One or more document IDs with the language part (e.g. 189_25), separated by commas; by default the documentId of the incoming item, as the Smartcat Trigger emits it',
		},
		{
			displayName: 'File Type',
			name: 'type',
			type: 'options',
			default: 'target',
			options: [
				{
					name: 'Translation',
					value: 'target',
					description: 'The translated document in its original format',
				},
				{
					name: 'Bilingual XLIFF',
					value: 'xliff',
					description: 'Source and translation as XLIFF',
				},
				{ name: 'Source', value: 'source', description: 'The original document' },
				{
					name: 'Multilingual CSV',
					value: 'multilangCsv',
					description: 'Segments of every language as CSV',
				},
			],
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'perDocument',
			options: [
				{
					name: 'One File per Document',
					value: 'perDocument',
					description: 'One item per document, each with its file',
				},
				{
					name: 'One Archive',
					value: 'archive',
					description: 'One item with the ZIP archive Smartcat makes of several documents',
				},
			],
		},
		maxFileSizeProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Put Output File in Field',
					name: 'binaryPropertyName',
					type: 'string',
					default: 'data',
					hint: 'The name of the output binary field to put the file in',
				},
				{
					displayName: 'Segments',
					name: 'mode',
					type: 'options',
					default: 'current',
					options: [
						{
							name: 'Current',
							value: 'current',
							description: 'The translation as it is now',
						},
						{
							name: 'Confirmed',
							value: 'confirmed',
							description: 'Segments confirmed at the stage below (or at any stage)',
						},
						{
							name: 'Complete',
							value: 'complete',
							description: 'Only segments that passed every stage',
						},
					],
				},
				{
					displayName: 'Stage Number',
					name: 'stageNumber',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
					description: 'The workflow stage whose result to export (an intermediate result)',
				},
				{
					displayName: 'Timeout (Seconds)',
					name: 'timeout',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 300,
					description:
						'How long to wait for Smartcat to prepare the file; a larger document needs longer',
				},
			],
		},
	],
	async execute(ctx, i) {
		const ids = documentIdsOf(ctx.getNodeParameter('documentIds', i));
		if (ids.length === 0)
			throw new NodeOperationError(ctx.getNode(), 'No document ID to export', {
				itemIndex: i,
				description:
					'Give one or more document IDs, e.g. 189_25 (documentId of a Smartcat Trigger item)',
			});
		const type = ctx.getNodeParameter('type', i, 'target') as string;
		const options = ctx.getNodeParameter('options', i, {}) as {
			binaryPropertyName?: string;
			mode?: string;
			stageNumber?: number;
			timeout?: number;
		};
		const field = options.binaryPropertyName?.trim() || 'data';
		const timeoutMs = (options.timeout ?? 300) * 1000;
		const archive = ctx.getNodeParameter('output', i, 'perDocument') === 'archive';
		const groups = archive ? [ids] : ids.map((id) => [id]);

		const items: INodeExecutionData[] = [];
		for (const group of groups) {
			const task = await requestExport(ctx, {
				documentIds: group,
				type,
				mode: options.mode,
				stageNumber: options.stageNumber,
			});
			const what = `Smartcat export ${task.id} of ${group.length === 1 ? `document ${group[0]}` : `${group.length} documents`}`;
			const answer = await waitForVendorJob<ApiAnswer>(
				what,
				async () => {
					const result = await exportResult(ctx, task.id).catch(async (error: Error) => {
						const status = error instanceof SmartcatApiError ? error.httpStatus : 0;
						return await Promise.reject(
							new SmartcatApiError(`${what} failed: ${error.message}`, status, {
								hint:
									status === 422
										? 'Smartcat could not export the document: check it in Smartcat (e.g. a file it cannot rebuild), or export XLIFF.'
										: undefined,
							}),
						);
					});
					if (result.status !== 204) return { done: true, value: result };
					(result.body as { destroy?(): void } | undefined)?.destroy?.();
					return { done: false };
				},
				{ timeoutMs },
			);
			const fallbackName =
				group.length === 1
					? `${group[0]}${EXTENSIONS[type] ?? ''}`
					: `smartcat-export-${task.id}.zip`;
			const binary = await binaryFromAnswer(ctx, answer, fallbackName, downloadLimits(ctx, i));
			items.push({
				json: {
					...(group.length === 1 ? { documentId: group[0] } : {}),
					documentIds: group,
					exportTaskId: task.id,
					type,
					fileName: binary.fileName ?? fallbackName,
					mimeType: binary.mimeType,
				},
				binary: { [field]: binary },
				pairedItem: { item: i },
			});
		}
		return items;
	},
};
