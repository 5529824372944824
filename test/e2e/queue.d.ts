// Types of test/e2e/queue.js for the TypeScript tests.
import type { N8n } from './n8n';

export declare class QueueMode {
	constructor(
		label: string,
		options?: { env?: Record<string, string>; log?: (line: string) => void },
	);
	readonly label: string;
	readonly database: string;
	readonly workers: N8n[];
	main: N8n;
	webhook: N8n;
	env: Record<string, string>;
	start(): Promise<this>;
	startWorker(): Promise<N8n>;
	readonly output: string;
	stop(): Promise<void>;
}
