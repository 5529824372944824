import type { Resource } from '../../common/actions/operations';
import { getBalance, getStats } from './account/get.operation';
import { downloadTargetFileOperation } from './job/downloadTargetFile.operation';
import { get as getJob } from './job/get.operation';
import { getComments } from './job/getComments.operation';
import { getFeedback } from './job/getFeedback.operation';
import { getMany } from './job/getMany.operation';
import { getRevision } from './job/getRevision.operation';
import { getRevisions } from './job/getRevisions.operation';
import { get as getOrder } from './order/get.operation';

/** The Gengo node's resources and operations (developers.gengo.com/v2/api_methods). */
export const GENGO_RESOURCES: Resource[] = [
	{
		name: 'Job',
		value: 'job',
		defaultOperation: 'get',
		operations: [
			getJob,
			getMany,
			getComments,
			getRevisions,
			getRevision,
			getFeedback,
			downloadTargetFileOperation,
		],
	},
	{ name: 'Order', value: 'order', operations: [getOrder] },
	{ name: 'Account', value: 'account', operations: [getBalance, getStats] },
];
