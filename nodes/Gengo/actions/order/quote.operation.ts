import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { quoteJob } from '../../ordering';
import { contentProperties, jobOptions, readItemJob } from './shared';

const properties: INodeProperties[] = [...contentProperties, jobOptions()];

export const quote: Operation = {
	option: {
		name: 'Get Quote',
		value: 'quote',
		action: 'Get order quote',
		description:
			'Price (credits), word count and estimated time of a text or file before ordering; orders nothing',
	},
	properties,
	async execute(ctx, i) {
		const options = ctx.getNodeParameter('options', i, {}) as { slug?: string; fileName?: string };
		const job = await readItemJob(ctx, i, options);
		return jsonItems(
			await quoteJob(ctx, job.content, {
				lcSrc: job.pair.lcSrc,
				lcTgt: job.pair.lcTgt,
				tier: job.pair.tier,
				slug: job.slug,
			}),
			i,
		);
	},
};
