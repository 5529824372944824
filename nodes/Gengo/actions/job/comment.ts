import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { MAX_COMMENT_CHARACTERS } from '../../ordering';

/** A comment parameter (required, several lines). */
export function commentProperty(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: `${description} (up to ${MAX_COMMENT_CHARACTERS.toLocaleString('en-US')} characters)`,
	};
}

/** The item's comment: refused, naming the field, when it is empty or longer than Gengo accepts. */
export function readComment(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
): string {
	const value = ctx.getNodeParameter('comment', itemIndex, '');
	const comment = typeof value === 'string' ? value : value === null ? '' : String(value);
	const fail = (message: string, description: string): never => {
		throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
	};
	if (!comment.trim())
		fail(`${displayName} is empty`, `Gengo needs a ${displayName.toLowerCase()} here.`);
	if (comment.length > MAX_COMMENT_CHARACTERS)
		fail(
			`${displayName} has ${comment.length} characters`,
			`Gengo accepts up to ${MAX_COMMENT_CHARACTERS} characters.`,
		);
	return comment;
}
