/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The public corpus of a vendor (test/fixtures/public/<vendor>/): real deliveries and API answers, each file
 * naming its `source`, when it was `retrieved` and what was `adapted`; `kind` says which of the two it is. Every
 * vendor's tests read it through here, in file-name order, each fixture with its `file` name.
 */
export interface PublicFixture {
	file: string;
	source: string;
	retrieved?: string;
	adapted?: string;
	kind: string;
}

export const corpusDir = (vendor: 'beebox' | 'gengo' | 'phrase' | 'smartcat') =>
	join(__dirname, '..', 'fixtures', 'public', vendor);

export function readCorpus<T extends PublicFixture>(
	vendor: 'beebox' | 'gengo' | 'phrase' | 'smartcat',
	filter: (file: string) => boolean = () => true,
): T[] {
	const dir = corpusDir(vendor);
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json') && filter(file))
		.sort()
		.map(
			(file) => ({ ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as object), file }) as T,
		);
}
