import type { Resource } from '../../common/actions/operations';
import { downloadBilingualFile } from './job/downloadBilingualFile.operation';
import { downloadOriginalFile } from './job/downloadOriginalFile.operation';
import { downloadTargetFile } from './job/downloadTargetFile.operation';
import { get as getJob } from './job/get.operation';
import { getMany as getManyJobs } from './job/getMany.operation';
import { get as getProject } from './project/get.operation';
import { getMany as getManyProjects } from './project/getMany.operation';

/** The Phrase TMS node's resources and operations (developers.phrase.com/en/api/tms/latest). */
export const PHRASE_RESOURCES: Resource[] = [
	{
		name: 'Job',
		value: 'job',
		defaultOperation: 'get',
		operations: [
			getJob,
			getManyJobs,
			downloadTargetFile,
			downloadOriginalFile,
			downloadBilingualFile,
		],
	},
	{ name: 'Project', value: 'project', operations: [getProject, getManyProjects] },
];
