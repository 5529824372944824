import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { getOrder } from '../../api';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get order',
		description: 'Its jobs grouped by status',
	},
	properties: [
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			required: true,
			default: '={{ $json.orderId ?? $json.order_id }}',
			description: 'The Gengo order ID; by default the orderId of the incoming item',
		},
	],
	async execute(ctx, i) {
		return jsonItems(await getOrder(ctx, String(ctx.getNodeParameter('orderId', i)).trim()), i);
	},
};
