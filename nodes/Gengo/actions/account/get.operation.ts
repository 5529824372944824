import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { getAccount } from '../../api';

export const getBalance: Operation = {
	option: { name: 'Get Balance', value: 'getBalance', action: 'Get account balance' },
	properties: [],
	async execute(ctx, i) {
		return jsonItems(await getAccount(ctx, 'balance'), i);
	},
};

export const getStats: Operation = {
	option: { name: 'Get Stats', value: 'getStats', action: 'Get account statistics' },
	properties: [],
	async execute(ctx, i) {
		return jsonItems(await getAccount(ctx, 'stats'), i);
	},
};
