import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Parameters the Phrase TMS node's operations share. The ids default to the Phrase TMS Trigger's item
 * (`projectId`, `jobId`), so the node needs no typing after the trigger.
 */
export const projectUidProperty: INodeProperties = {
	displayName: 'Project UID',
	name: 'projectUid',
	type: 'string',
	required: true,
	default: '={{ $json.projectId }}',
	description:
		"The project's UID; by default the projectId of the incoming item (e.g. a Phrase TMS Trigger item)",
};

export const jobUidProperty: INodeProperties = {
	displayName: 'Job UID',
	name: 'jobUid',
	type: 'string',
	required: true,
	default: '={{ $json.jobId }}',
	description:
		"The job's UID; by default the jobId of the incoming item (e.g. a Phrase TMS Trigger item)",
};

export const text = (ctx: IExecuteFunctions, name: string, i: number) =>
	String(ctx.getNodeParameter(name, i) ?? '').trim();

/** Pages of 50 (Phrase's largest) until `limit` items or the last page. */
export async function collectPages<T>(
	readPage: (pageNumber: number) => Promise<{ content: T[]; totalPages: number }>,
	limit: number | undefined,
): Promise<T[]> {
	const out: T[] = [];
	for (let pageNumber = 0; ; pageNumber++) {
		const { content, totalPages } = await readPage(pageNumber);
		out.push(...content);
		if (limit !== undefined && out.length >= limit) return out.slice(0, limit);
		if (content.length === 0 || pageNumber + 1 >= totalPages) return out;
	}
}

/** `limit` for "Return All" off, undefined for on. */
export function limitOf(ctx: IExecuteFunctions, i: number): number | undefined {
	return ctx.getNodeParameter('returnAll', i, false)
		? undefined
		: (ctx.getNodeParameter('limit', i, 50) as number);
}
