import { jsonItems, type Operation } from '../../../common/actions/operations';
import { deleteCallbackSettings } from '../../api';

export const deleteOperation: Operation = {
	option: { name: 'Delete', value: 'delete', action: 'Delete callback setting' },
	properties: [
		{
			displayName:
				'The callback setting is account-wide: Delete stops callbacks for every integration of the account, including a Smartcat Trigger.',
			name: 'accountWideNotice',
			type: 'notice',
			default: '',
		},
	],
	async execute(ctx, i) {
		await deleteCallbackSettings(ctx);
		return jsonItems({ deleted: true }, i);
	},
};
