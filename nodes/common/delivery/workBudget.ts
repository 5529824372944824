/**
 * The most work one delivery may cause inside a trigger's webhook() (README "Security", "Bounded work"). That
 * work runs before n8n's concurrency limits and queue apply, and a vendor that gets no answer in time sends the
 * delivery again: so every lookup a trigger makes for a delivery draws on one budget of API calls and time.
 */
export const DELIVERY_LIMITS = {
	/** API calls one delivery may make (a lookup per id, the pages of a project's jobs...) */
	calls: 50,
	/** time one delivery may spend on lookups before it answers */
	ms: 20_000,
} as const;

export class WorkBudget {
	private used = 0;

	private readonly deadline: number;

	constructor(
		readonly limits: { calls: number; ms: number } = DELIVERY_LIMITS,
		now = Date.now(),
	) {
		this.deadline = now + limits.ms;
	}

	/** Takes one call from the budget: false when the calls or the time are used up (nothing is taken then). */
	take(now = Date.now()): boolean {
		if (this.used >= this.limits.calls || now >= this.deadline) return false;
		this.used++;
		return true;
	}

	get callsUsed(): number {
		return this.used;
	}

	/** Milliseconds left before the deadline (0 when past it). */
	remainingMs(now = Date.now()): number {
		return Math.max(0, this.deadline - now);
	}
}
