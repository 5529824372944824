import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { getOrder } from '../../api';

/** The Order ID, by default the orderId of the incoming item (Order → Create's output, a trigger's item). */
export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '={{ $json.orderId ?? $json.order_id }}',
	description: 'The Gengo order ID; by default the orderId of the incoming item',
};

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get order',
		description: 'Its jobs grouped by status',
	},
	properties: [orderIdProperty],
	async execute(ctx, i) {
		return jsonItems(await getOrder(ctx, String(ctx.getNodeParameter('orderId', i)).trim()), i);
	},
};
