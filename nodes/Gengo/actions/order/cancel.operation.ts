import type { Operation } from '../../../common/actions/operations';
import { jsonItems, refuseRetryOnFail } from '../../../common/actions/operations';
import { cancelOrder } from '../../ordering';
import { orderIdProperty } from './get.operation';

export const cancel: Operation = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel order',
		description:
			'Cancels the jobs of an order that are still available (no translator started them); the others go on',
	},
	properties: [orderIdProperty],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'cancelling a Gengo order');
		return jsonItems(await cancelOrder(ctx, String(ctx.getNodeParameter('orderId', i)).trim()), i);
	},
};
