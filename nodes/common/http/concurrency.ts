/**
 * Maps over a list with at most `limit` calls in flight, keeping the order of the input. The first failure
 * rejects the whole (after the calls in flight settle), so no element is silently dropped.
 */
export async function mapWithConcurrency<T, R>(
	items: readonly T[],
	limit: number,
	fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	let failed: { error: unknown } | undefined;
	const worker = async () => {
		while (next < items.length && !failed) {
			const index = next++;
			try {
				results[index] = await fn(items[index], index);
			} catch (error) {
				failed ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
	if (failed) throw failed.error;
	return results;
}
