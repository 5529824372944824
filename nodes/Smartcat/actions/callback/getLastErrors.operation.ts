import { jsonItems, type Operation } from '../../../common/actions';
import { getLastErrors } from '../../api';

export const getLastErrorsOperation: Operation = {
	option: {
		name: 'Get Last Errors',
		value: 'getLastErrors',
		action: 'Get last callback delivery errors',
		description: 'One item per failed delivery',
	},
	properties: [
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 50,
			description: 'Max number of results to return',
			hint: 'Smartcat returns at most 100',
		},
	],
	async execute(ctx, i) {
		const limit = Math.min(100, ctx.getNodeParameter('limit', i, 50) as number);
		return jsonItems(await getLastErrors(ctx, limit), i);
	},
};
