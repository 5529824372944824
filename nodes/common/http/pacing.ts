import { sleep } from 'n8n-workflow';

/**
 * Keeps the calls to one vendor account under the vendor's documented rate (Smartcat: 4 requests per second,
 * https://developers.smartcat.com/api-guides): each call takes the next free slot of its key (the account),
 * `1000 / perSecond` ms after the previous one, and waits for it. The slots are kept per n8n process, so the
 * deliveries, polls and executions of one n8n share them; several processes (queue mode) each keep their own,
 * and the vendor's 429 (handled by the client) covers the rest.
 */
export class RequestPacer {
	private readonly next = new Map<string, number>();

	constructor(
		readonly perSecond: number,
		private readonly clock: {
			now(): number;
			sleep(ms: number): Promise<void>;
		} = { now: () => Date.now(), sleep },
	) {}

	/**
	 * Waits for the next slot of `key`. With a `deadline` (ms since the epoch), a slot later than it is not taken:
	 * false at once, and the slot stays free for others.
	 */
	async slot(key: string, deadline?: number): Promise<boolean> {
		const now = this.clock.now();
		const at = Math.max(now, this.next.get(key) ?? 0);
		if (deadline !== undefined && at > deadline) return false;
		this.next.set(key, at + 1000 / this.perSecond);
		// forget keys whose slots lie in the past (an account not called for a while)
		if (this.next.size > 100)
			for (const [k, t] of this.next) if (t < now && k !== key) this.next.delete(k);
		if (at > now) await this.clock.sleep(at - now);
		return true;
	}
}
