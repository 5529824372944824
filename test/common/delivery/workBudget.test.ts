import { sleep } from 'n8n-workflow';

import { mapWithConcurrency } from '../../../nodes/common/http/concurrency';
import { WorkBudget } from '../../../nodes/common/delivery/workBudget';

describe('WorkBudget', () => {
	it('counts calls up to the limit, and none from the deadline on', () => {
		const budget = new WorkBudget({ calls: 2, ms: 1000 }, 5000);
		expect(budget.remainingMs(5400)).toBe(600);
		expect(budget.take(5000)).toBe(true);
		expect(budget.take(5999)).toBe(true);
		expect(budget.take(5999)).toBe(false);
		expect(budget.callsUsed).toBe(2);
		const timed = new WorkBudget({ calls: 10, ms: 1000 }, 5000);
		expect(timed.take(6000)).toBe(false);
		expect(timed.callsUsed).toBe(0);
		expect(timed.remainingMs(7000)).toBe(0);
	});
});

describe('mapWithConcurrency', () => {
	it('keeps at most `limit` calls in flight (at least one), in the order of the input', async () => {
		for (const [limit, expected] of [
			[2, 2],
			[0, 1],
			[10, 5],
		]) {
			let inFlight = 0;
			let most = 0;
			const out = await mapWithConcurrency([1, 2, 3, 4, 5], limit, async (n) => {
				most = Math.max(most, ++inFlight);
				await sleep(5);
				inFlight--;
				return n * 10;
			});
			expect([out, most]).toEqual([[10, 20, 30, 40, 50], expected]);
		}
	});
});
