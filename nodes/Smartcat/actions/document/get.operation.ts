import type { IDataObject } from 'n8n-workflow';

import { jsonItems, type Operation } from '../../../common/actions/operations';
import { getDocument } from '../../api';

export const get: Operation = {
	option: { name: 'Get', value: 'get', action: 'Get document' },
	properties: [
		{
			displayName: 'Document ID',
			name: 'documentId',
			type: 'string',
			required: true,
			default: '={{ $json.documentId }}',
			description:
				'With the language part, e.g. 189_25, as Smartcat Trigger items carry it; by default the documentId of the incoming item',
		},
	],
	async execute(ctx, i) {
		const document = await getDocument(ctx, String(ctx.getNodeParameter('documentId', i)));
		return jsonItems(document as IDataObject, i);
	},
};
