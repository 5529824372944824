import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeApiError,
} from 'n8n-workflow';

/**
 * An action node's execute(): runs one operation per input item, in order. A failure becomes the vendor's
 * NodeApiError (via `toError`); with "Continue On Fail" the item carries `error` (and `description`) instead
 * and the next item runs.
 */
export async function executePerItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<INodeExecutionData[]>,
	toError: (error: unknown, itemIndex: number) => NodeApiError,
): Promise<INodeExecutionData[][]> {
	const out: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		try {
			out.push(...(await run(i)));
		} catch (error) {
			const nodeError = error instanceof NodeOperationError ? error : toError(error, i);
			if (!ctx.continueOnFail()) throw nodeError;
			out.push({
				json: { error: nodeError.message, description: nodeError.description ?? null },
				pairedItem: { item: i },
			});
		}
	}
	return [out];
}
