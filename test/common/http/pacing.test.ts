import { RequestPacer } from '../../../nodes/common/http/pacing';

/** A clock that only moves when the pacer sleeps, so the schedule is exact. */
function fakeClock(start = 1_000_000) {
	const clock = {
		time: start,
		slept: [] as number[],
		now: () => clock.time,
		sleep: async (ms: number) => {
			clock.slept.push(ms);
			clock.time += ms;
		},
	};
	return clock;
}

describe('RequestPacer', () => {
	it('gives one key at most perSecond slots a second, in order', async () => {
		const clock = fakeClock();
		const pacer = new RequestPacer(4, clock);
		const starts: number[] = [];
		for (let i = 0; i < 9; i++) {
			await pacer.slot('account');
			starts.push(clock.time - 1_000_000);
		}
		expect(starts).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
	});

	it('keeps keys apart, and lets time that passed count', async () => {
		const clock = fakeClock();
		const pacer = new RequestPacer(4, clock);
		await pacer.slot('a');
		await pacer.slot('b');
		expect(clock.slept).toEqual([]);
		clock.time += 5_000;
		await pacer.slot('a');
		expect(clock.slept).toEqual([]);
	});

	it('does not take a slot after the deadline, and leaves it free', async () => {
		const clock = fakeClock();
		const pacer = new RequestPacer(4, clock);
		const deadline = clock.time + 600;
		const taken: boolean[] = [];
		for (let i = 0; i < 5; i++) taken.push(await pacer.slot('a', deadline));
		expect(taken).toEqual([true, true, true, false, false]);
		// the next caller without a deadline gets the first slot not taken (750 ms after the start)
		await pacer.slot('a');
		expect(clock.time - 1_000_000).toBe(750);
	});

	it('takes a slot that falls exactly on the deadline', async () => {
		const clock = fakeClock();
		const pacer = new RequestPacer(4, clock);
		expect(await pacer.slot('a', clock.time + 250)).toBe(true);
		expect(await pacer.slot('a', clock.time + 250)).toBe(true);
		expect(clock.time - 1_000_000).toBe(250);
	});

	it('forgets the accounts whose slots lie in the past once it holds more than 100', async () => {
		const clock = fakeClock();
		const pacer = new RequestPacer(4, clock);
		const held = () => (pacer as unknown as { next: Map<string, number> }).next.size;
		for (let i = 0; i < 101; i++) await pacer.slot(`account-${i}`);
		expect(held()).toBe(101);
		// the 102nd account while the others' next slots are still ahead: nothing is forgotten
		await pacer.slot('account-101');
		expect(held()).toBe(102);
		clock.time += 1000;
		await pacer.slot('account-0');
		expect(held()).toBe(1);
		// and the remembered account keeps its pace
		await pacer.slot('account-0');
		expect(clock.slept.at(-1)).toBe(250);
	});
});
