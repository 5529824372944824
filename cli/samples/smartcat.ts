/** Real-looking Smartcat callbacks (help.smartcat.ai/hc/en-us/articles/360000048572): the path appended to the account's URL and a JSON array of ids. */
export const SMARTCAT_SAMPLE_IDS: Record<string, string[]> = {
	'project.status': ['1e2d703f-9def-4d27-ab4d-350cbbe8c44b'],
	'document.status': ['189_25', '310_25'],
	'document.translationImportCompleted': ['60606_25'],
};

export const SMARTCAT_SAMPLE_PATHS: Record<string, string> = {
	'project.status': 'project/status',
	'document.status': 'document/status',
	'document.translationImportCompleted': 'document/translationImportCompleted',
};

/** The request Smartcat makes: POST `<callback url>/<path>` with `Content-Type: application/json`. */
export function smartcatCallbackRequest(
	baseUrl: string,
	event: string,
	ids?: string[],
): { url: string; contentType: string; body: string } {
	const path = SMARTCAT_SAMPLE_PATHS[event];
	if (!path)
		throw new Error(
			`unknown Smartcat event "${event}": ${Object.keys(SMARTCAT_SAMPLE_PATHS).join(', ')}`,
		);
	return {
		url: `${baseUrl.replace(/\/+$/, '')}/${path}`,
		contentType: 'application/json',
		body: JSON.stringify(ids ?? SMARTCAT_SAMPLE_IDS[event]),
	};
}
