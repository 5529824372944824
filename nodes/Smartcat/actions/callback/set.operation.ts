import { NodeOperationError } from 'n8n-workflow';

import { jsonItems, type Operation } from '../../../common/actions/operations';
import { setCallbackSettings } from '../../api';
import { validateCallbackSetting } from '../../settings';

export const set: Operation = {
	option: {
		name: 'Set',
		value: 'set',
		action: 'Set callback setting',
		description: 'Creates or replaces the account-wide setting',
	},
	properties: [
		{
			displayName:
				'The callback setting is account-wide: Set and Delete change where Smartcat sends callbacks for every integration of the account, including a Smartcat Trigger.',
			name: 'accountWideNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://n8n.example.com/webhook/WEBHOOK-ID/smartcat',
			description:
				'Smartcat appends /project/status, /document/status or /document/translationImportCompleted to it',
		},
		{
			displayName: 'Additional Headers',
			name: 'additionalHeaders',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Header',
			default: {},
			description: 'Headers Smartcat sends with every callback, e.g. a secret the receiver checks',
			options: [
				{
					name: 'header',
					displayName: 'Header',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							typeOptions: { password: true },
							default: '',
						},
					],
				},
			],
		},
	],
	async execute(ctx, i) {
		const url = String(ctx.getNodeParameter('url', i)).trim();
		const headers = (
			(
				ctx.getNodeParameter('additionalHeaders', i, {}) as {
					header?: Array<{ name?: string; value?: string }>;
				}
			).header ?? []
		).map((h) => ({ name: (h.name ?? '').trim(), value: h.value ?? '' }));
		const problem = validateCallbackSetting(url, headers);
		if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex: i });
		await setCallbackSettings(ctx, url, headers);
		return jsonItems(
			{ isSet: true, url, additionalHeaders: headers.map((h) => ({ name: h.name })) },
			i,
		);
	},
};
