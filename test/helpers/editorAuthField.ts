import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

/**
 * The parameter n8n's editor (2.41, editor-ui utils/nodeTypesUtils getMainAuthField) takes for a node's
 * authentication selector: it hides that parameter from the node's settings and shows it in the credential
 * dialog instead, where choosing a credential sets it. Candidates are the node's parameters named in a
 * credential's `displayOptions.show`; one named `authentication` wins, else the first options parameter whose
 * every option value is in some credential's `show` for it; either way only a required parameter counts
 * (n8n's isNodeParameterRequired: no displayOptions, or shown whatever the other parameters hold; simplified
 * here to "no displayOptions", which is what every candidate of this package has).
 */
export function editorAuthField(description: INodeTypeDescription): INodeProperties | undefined {
	const shownFor: Record<string, string[]> = {};
	for (const credential of description.credentials ?? []) {
		for (const [name, values] of Object.entries(credential.displayOptions?.show ?? {})) {
			shownFor[name] = [
				...(shownFor[name] ?? []),
				...(values ?? []).map((value) => (value ? String(value) : '')),
			];
		}
	}
	const candidates = description.properties.filter((property) => property.name in shownFor);
	const named = candidates.find(
		(property) =>
			property.name === 'authentication' &&
			!property.options?.some((option) => 'value' in option && option.value === 'none'),
	);
	const alternative = candidates.find(
		(property) =>
			!!property.options?.length &&
			property.options.every(
				(option) =>
					!('value' in option) ||
					typeof option.value !== 'string' ||
					shownFor[property.name].includes(option.value),
			),
	);
	const field = named ?? alternative;
	return field && field.displayOptions === undefined ? field : undefined;
}
