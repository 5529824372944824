import type { Resource } from '../../common/actions/operations';
import { deleteOperation } from './callback/delete.operation';
import { get as getCallback } from './callback/get.operation';
import { getLastErrorsOperation } from './callback/getLastErrors.operation';
import { set } from './callback/set.operation';
import { addToProject } from './document/addToProject.operation';
import { exportOperation } from './document/export.operation';
import { get as getDocument } from './document/get.operation';
import { update as updateDocument } from './document/update.operation';
import { create as createProject } from './project/create.operation';
import { get as getProject } from './project/get.operation';
import { getMany as getManyProjects } from './project/getMany.operation';

/** The Smartcat node's resources and operations (Smartcat API v1, /api/integration/v1). */
export const SMARTCAT_RESOURCES: Resource[] = [
	{
		name: 'Callback',
		value: 'callback',
		defaultOperation: 'get',
		operations: [getCallback, set, deleteOperation, getLastErrorsOperation],
	},
	{
		name: 'Document',
		value: 'document',
		operations: [getDocument, exportOperation, addToProject, updateDocument],
	},
	{
		name: 'Project',
		value: 'project',
		operations: [getProject, getManyProjects, createProject],
	},
];
