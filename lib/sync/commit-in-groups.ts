import PQueue from "p-queue";

/**
 * Runs `work` on each item, `concurrency` at a time, and commits the results `groupSize` at a
 * time while the rest go on: waiting for each commit between waves of requests left the network
 * idle. After the first error (from the work or a commit) nothing new starts; what finished is
 * still committed, and the error is thrown once every commit has settled. Returns when all
 * commits are done, so a caller's next query never races one of them.
 */
export async function commitInGroups<T, R>(
  items: readonly T[],
  options: { concurrency: number; groupSize: number; work: (item: T) => Promise<R>; commit: (group: R[]) => Promise<void> },
): Promise<void> {
  let finished: R[] = [];
  let failure: unknown = null;
  const fail = (err: unknown) => void (failure ??= err);
  const commits: Promise<void>[] = [];
  const commitFinished = () => {
    const group = finished;
    finished = [];
    // Handled at once: a rejection left for the end would count as unhandled.
    commits.push(options.commit(group).catch(fail));
  };
  const queue = new PQueue({ concurrency: options.concurrency });
  for (const item of items) {
    queue
      .add(async () => {
        if (failure) return;
        // Not `finished.push(await …)`: that pushes into the array as it was before the wait, which a commit may have taken.
        const result = await options.work(item);
        finished.push(result);
        if (finished.length >= options.groupSize) commitFinished();
      })
      .catch(fail);
  }
  await queue.onIdle();
  if (finished.length) commitFinished();
  await Promise.all(commits);
  if (failure) throw failure;
}
