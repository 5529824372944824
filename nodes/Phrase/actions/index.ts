import type { Resource } from '../../common/actions/operations';
import { create as createJob } from './job/create.operation';
import { downloadBilingualFile } from './job/downloadBilingualFile.operation';
import { downloadOriginalFile } from './job/downloadOriginalFile.operation';
import { downloadTargetFile } from './job/downloadTargetFile.operation';
import { get as getJob } from './job/get.operation';
import { getMany as getManyJobs } from './job/getMany.operation';
import { setStatus } from './job/setStatus.operation';
import { updateSource } from './job/updateSource.operation';
import { create as createProject } from './project/create.operation';
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
			createJob,
			updateSource,
			setStatus,
		],
	},
	{
		name: 'Project',
		value: 'project',
		defaultOperation: 'get',
		operations: [getProject, getManyProjects, createProject],
	},
];
