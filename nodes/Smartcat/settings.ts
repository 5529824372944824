/** Client-side checks that mirror Smartcat's 400 rules for a callback setting (help.smartcat.ai/hc/en-us/articles/360000048572, "Callback API methods"). */
export function validateCallbackSetting(
	url: string,
	headers: Array<{ name?: string; value?: string }>,
): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `"${url}" is not a valid URL`;
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
		return `"${url}" must be an http or https URL`;
	for (const header of headers) {
		if (!header.name || !/^[A-Za-z0-9-]+$/.test(header.name))
			return `"${header.name ?? ''}" is not a valid header name`;
		if (header.value === undefined || header.value === null || header.value.trim() === '')
			return `header "${header.name}" has an empty value: Smartcat refuses it`;
	}
	return undefined;
}
