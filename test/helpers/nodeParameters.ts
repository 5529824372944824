import {
	NodeHelpers,
	Workflow,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type NodeParameterValueType,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
} from 'n8n-workflow';

/**
 * How n8n reads a node's parameters, for the fake contexts: when a workflow is loaded n8n completes the saved
 * parameters with the defaults of the node's description, honouring displayOptions (`@version` included) and
 * dropping what is not displayed (Workflow's constructor: NodeHelpers.getNodeParameters(properties, parameters,
 * true, false, node)); getNodeParameter(name, fallback) then reads a path of that (lodash `get`, so "options.x"
 * works), uses the fallback only when the path is absent, and throws "Could not get parameter" when neither is
 * there. A test therefore sees the defaults a freshly added node really has, not the fallback the code passes.
 */

/** A node class, an instance, or its description: what the fake contexts take as `nodeType`. */
export type NodeTypeLike = INodeType | INodeTypeDescription;

export function descriptionOf(nodeType: NodeTypeLike): INodeTypeDescription {
	return 'description' in nodeType && typeof nodeType.description === 'object'
		? (nodeType as INodeType).description
		: (nodeType as INodeTypeDescription);
}

/**
 * The `typeVersion` of a node of this type as n8n adds it from the nodes panel (`defaultVersion`, else the
 * highest); 1 without a type. Every node of this package has one version, so this is that version.
 */
export function freshVersion(nodeType: NodeTypeLike | undefined): number {
	if (!nodeType) return 1;
	const { defaultVersion, version } = descriptionOf(nodeType);
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

/** The parameters n8n holds for a node of this type saved with `parameters`. */
export function resolveNodeParameters(
	nodeType: NodeTypeLike,
	parameters: INodeParameters,
): INodeParameters {
	const description = descriptionOf(nodeType);
	return (
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			{ typeVersion: freshVersion(nodeType) },
			description,
		) ?? {}
	);
}

/** The defaults of a credential's displayed properties (n8n applies them when it decrypts a credential). */
export function credentialDefaults(
	properties: INodeProperties[],
	stored: INodeParameters,
): INodeParameters {
	return NodeHelpers.getNodeParameters(properties, stored, true, false, null, null) ?? {};
}

/** lodash `get`, as n8n's getNodeParameter reads a parameter path ("options.timeout", "filters.status"). */
function getPath(object: unknown, path: string): unknown {
	let value = object;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/**
 * A getNodeParameter for one item: with a node type, n8n's semantics (see above), expressions ("={{ $json.x }}",
 * the defaults of the action nodes' ID fields) resolved against the item of `input` they are read for, as n8n
 * does; without a node type, the test's own parameters by name and else the fallback (for tests of code that is
 * not a node's).
 */
export function parameterReader(
	parameters: Record<string, unknown>,
	nodeType: NodeTypeLike | undefined,
	input: INodeExecutionData[] = [],
	itemIndex = 0,
): (name: string, fallback?: unknown) => unknown {
	if (!nodeType) return (name, fallback) => (name in parameters ? parameters[name] : fallback);
	const resolved = resolveNodeParameters(nodeType, parameters as INodeParameters);
	return (name, fallback) => {
		const found = getPath(resolved, name);
		const value = found === undefined ? fallback : found;
		if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
		// n8n hands out a resolved copy: code that changes what it got does not change the node
		return expressionWorkflow.expression.getParameterValue(
			structuredClone(value) as NodeParameterValueType,
			null,
			0,
			itemIndex,
			expressionNode.name,
			input,
			'manual',
			{},
		);
	};
}

const nodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};

const expressionNode: INode = {
	id: 'expression-node',
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const expressionWorkflow = new Workflow({
	nodes: [expressionNode],
	connections: {},
	active: false,
	nodeTypes,
});

/**
 * An expression of a credential's generic `authenticate` ("={{ $credentials.apiKey }}"), resolved the way n8n's
 * CredentialsHelper does (getSimpleParameterValue with $credentials; an empty result becomes ''); a plain
 * string stays as it is.
 */
export function resolveCredentialExpression(value: unknown, credentials: object): string {
	if (typeof value !== 'string' || !value.startsWith('=')) return String(value);
	const resolved = expressionWorkflow.expression.getSimpleParameterValue(
		expressionNode,
		value,
		'internal',
		{ $credentials: credentials } as never,
		undefined,
		'',
	);
	return resolved ? String(resolved as string) : '';
}

/**
 * What n8n 2.41's getCredentials throws for a credential the node has none of (n8n-core node-execution-context
 * _getCredentials): for a required one "Node does not have any credentials set" (for "<type>" when the node
 * has others), for an optional one "Node does not require credentials". Without a node type, a plain message.
 */
export function missingCredential(
	type: string,
	nodeType: NodeTypeLike | undefined,
	chosen: Record<string, unknown> | undefined,
): Error {
	if (!nodeType) return new Error(`no credentials of type ${type}`);
	const declared = descriptionOf(nodeType).credentials?.find((c) => c.name === type);
	if (!declared)
		return new Error(`Node type does not have any credentials of type "${type}" defined`);
	if (declared.required !== true) return new Error('Node does not require credentials');
	return new Error(
		chosen && Object.keys(chosen).length > 0
			? `Node does not have any credentials set for "${type}"`
			: 'Node does not have any credentials set',
	);
}

/** The node's `type` as a workflow names it (`<package>.<name>`), or "test" without a node type. */
export function workflowNodeType(nodeType: NodeTypeLike | undefined): string {
	return nodeType ? `n8n-nodes-translation-events.${descriptionOf(nodeType).name}` : 'test';
}
