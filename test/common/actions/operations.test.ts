import { NodeOperationError } from 'n8n-workflow';

import { executeActions, type Resource } from '../../../nodes/common/actions/operations';
import { fakeExecuteContext } from '../../helpers/fakeContext';

describe('executeActions', () => {
	const resources: Resource[] = [
		{
			name: 'Job',
			value: 'job',
			operations: [
				{
					option: { name: 'Get', value: 'get', action: 'Get a job' },
					properties: [],
					execute: async (_ctx, itemIndex) => [
						{ json: { itemIndex } },
						{ json: { own: true }, pairedItem: { item: 7 } },
					],
				},
			],
		},
	];

	it('pairs each output with its input item unless the operation paired it itself', async () => {
		const { ctx } = fakeExecuteContext({
			parameters: { resource: 'job', operation: 'get' },
			input: [{}, {}],
		});
		const [out] = await executeActions(ctx, resources);
		expect(out.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 7 },
			{ item: 1 },
			{ item: 7 },
		]);
	});

	it('an operation it does not know is an error naming it', async () => {
		for (const parameters of [
			{ resource: 'job', operation: 'delete' },
			{ resource: 'order', operation: 'get' },
		]) {
			const { ctx } = fakeExecuteContext({ parameters, input: [{}] });
			const error = await executeActions(ctx, resources).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toBe(
				`Unknown operation ${parameters.resource}: ${parameters.operation}`,
			);
		}
	});
});
