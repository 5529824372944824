import type { Resource } from '../../common/actions/operations';
import { getBalance, getStats } from './account/get.operation';
import { addComment } from './job/addComment.operation';
import { approve } from './job/approve.operation';
import { downloadTargetFileOperation } from './job/downloadTargetFile.operation';
import { get as getJob } from './job/get.operation';
import { getComments } from './job/getComments.operation';
import { getFeedback } from './job/getFeedback.operation';
import { getMany } from './job/getMany.operation';
import { getRevision } from './job/getRevision.operation';
import { getRevisions } from './job/getRevisions.operation';
import { reject } from './job/reject.operation';
import { requestRevision } from './job/requestRevision.operation';
import { cancel } from './order/cancel.operation';
import { create } from './order/create.operation';
import { get as getOrder } from './order/get.operation';
import { quote } from './order/quote.operation';

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
			approve,
			requestRevision,
			reject,
			addComment,
		],
	},
	{
		name: 'Order',
		value: 'order',
		defaultOperation: 'get',
		operations: [getOrder, create, quote, cancel],
	},
	{ name: 'Account', value: 'account', operations: [getBalance, getStats] },
];
