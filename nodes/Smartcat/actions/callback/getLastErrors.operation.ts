import { jsonItems, type Operation } from '../../../common/actions/operations';
import { getLastErrors, SMARTCAT_PAGE_LIMIT } from '../../api';
import { lastErrorItem } from '../../output';

export const getLastErrorsOperation: Operation = {
	option: {
		name: 'Get Last Errors',
		value: 'getLastErrors',
		action: 'Get last callback delivery errors',
		description:
			'One item per failed delivery: when, the URL, the event, the reason and the answer, the IDs',
	},
	properties: [
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: SMARTCAT_PAGE_LIMIT },
			default: 50,
			description: 'Max number of results to return',
			hint: 'At most 100: Smartcat refuses a larger limit',
		},
	],
	async execute(ctx, i) {
		const limit = ctx.getNodeParameter('limit', i, 50) as number;
		return jsonItems((await getLastErrors(ctx, limit)).map(lastErrorItem), i);
	},
};
