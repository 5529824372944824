/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
// Types of test/e2e/n8n.js for the TypeScript tests (the script itself stays plain CommonJS for `npm run dev`).
import type { ChildProcess } from 'node:child_process';

export interface RuntimePaths {
	n8nVersion: string;
	nodeBinDir: string;
	node: string;
	n8nHome: string;
	n8nBin: string;
}

export interface ExecutionRecord {
	id: number;
	workflowId: string;
	status: string;
	mode: string;
	/** the execution's error message, if it failed */
	error: string | null;
	/** the JSON of the items each node output, by node name */
	items: Record<string, Array<Record<string, unknown>>>;
	/** the input of nodes that had not run yet (an execution left new, or cut off), by node name */
	pending: Record<string, Array<Record<string, unknown>>>;
	/** the binary fields of those items (file name, MIME type, size), by node name */
	binaries: Record<
		string,
		Array<Record<string, { fileName?: string; mimeType?: string; fileSize?: string }>>
	>;
}

export declare class N8n {
	constructor(options?: {
		userFolder?: string;
		port?: number;
		env?: Record<string, string>;
		log?: (line: string) => void;
		background?: boolean;
		linkRepo?: boolean;
		command?: 'start' | 'webhook' | 'worker';
		online?: boolean;
		extraPackages?: string[];
		n8nVersion?: string;
		nodeVersion?: string;
	});
	paths: RuntimePaths;
	/** n8n's major version (1 or 2) */
	major: number;
	userFolder: string;
	port: number;
	output: string;
	child: ChildProcess | undefined;
	readonly baseUrl: string;
	readonly databaseFile: string;
	webhookUrl(webhookPath: string): string;
	env(): NodeJS.ProcessEnv;
	start(options?: { timeoutMs?: number }): Promise<this>;
	isReady(): Promise<boolean>;
	/** `audit: false` skips the search for credential values (restart() does) */
	stop(options?: { graceMs?: number; audit?: boolean; keepUserFolder?: boolean }): Promise<void>;
	/** the credential values the audit in stop() must not find (importCredentials() adds each secret field's) */
	secretValues: Set<string>;
	/** processes sharing this one's database (queue mode), audited with it */
	siblings: N8n[];
	/** adds a value the audit in stop() must not find anywhere */
	watchSecret(value: string): void;
	/** where the watched values appear (n8n's output, stored executions, static data): lengths and places only */
	findLeaks(): Promise<string[]>;
	queryStoredText(): Promise<string>;
	cli(args: string[]): Promise<string>;
	importWorkflows(workflows: object[]): Promise<void>;
	/** the id n8n holds a credential under, by the id given to importCredentials() (n8n chooses it over REST) */
	credentialId(id: string): string;
	importCredentials(
		credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>,
	): Promise<void>;
	publish(id: string): Promise<void>;
	unpublish(id: string): Promise<void>;
	unpublishAll(): Promise<void>;
	/** the owner's session cookie (sets the owner up on the first call) */
	session(): Promise<string>;
	rest(method: string, route: string, body?: unknown): Promise<{ status: number; body: unknown }>;
	runCli(args: string[]): Promise<string>;
	setActive(id: string, active: boolean): Promise<void>;
	waitForWebhook(url: string, options?: { timeoutMs?: number }): Promise<void>;
	restart(whileStopped?: () => Promise<void> | void): Promise<this>;
	/** the last restart(): when n8n was told to stop, had exited, was ready again (ms since the epoch) */
	lastRestart: { stopping: number; stopped: number; ready: number } | undefined;
	executions(filter?: { workflowId?: string; finished?: boolean }): Promise<ExecutionRecord[]>;
	countExecutions(filter?: { workflowId?: string; finished?: boolean }): Promise<number>;
	queryExecutions(query: {
		workflowId?: string;
		finished?: boolean;
		count: boolean;
	}): Promise<string>;
	waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs?: number,
	): Promise<ExecutionRecord[]>;
}

/** Makes the migrated user-folder template of an n8n install once (resolves true when it made it now). */
export declare function ensureUserFolderTemplate(versions?: {
	n8nVersion?: string;
	nodeVersion?: string;
}): Promise<boolean>;
export declare function ensureInstalled(versions?: {
	n8nVersion?: string;
	nodeVersion?: string;
}): RuntimePaths;
export declare function offlineEnv(n8nVersion: string): Record<string, string>;
export declare function n8nServicesReachable(): Promise<boolean>;
/** a free port below the kernel's ephemeral range (no outgoing connection can take it before n8n listens) */
export declare function freePort(): Promise<number>;
export declare function portIsFree(port: number): Promise<boolean>;
export declare function linkPackage(userFolder: string): void;
export declare const repoRoot: string;
export declare function delay(ms: number): Promise<void>;
/** asks `check` until it is true or `timeoutMs` passed (200 ms between looks at first, growing to 2 s); whether it was */
export declare function pollUntil(
	check: () => boolean | Promise<boolean>,
	timeoutMs: number,
): Promise<boolean>;
export declare function withWebhookIds<T extends object>(workflow: T): T;
/** The version n8n adds one of this package's nodes at, by full type, read from the built dist/. */
export declare function packageNodeVersion(type: string): number;
