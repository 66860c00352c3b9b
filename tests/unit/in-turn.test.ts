import { describe, expect, it } from 'vitest';
import { inTurn, sharedTurns } from '../../src/lib/in-turn.ts';

/** Work whose answers the test releases by hand, recording what was started. */
function heldWork() {
  const started: number[] = [];
  const release = new Map<number, (value: string) => void>();
  const fail = new Map<number, (error: Error) => void>();
  let inFlight = 0;
  let mostInFlight = 0;
  const work = (item: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(item);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      release.set(item, (value) => {
        inFlight--;
        resolve(value);
      });
      fail.set(item, (error) => {
        inFlight--;
        reject(error);
      });
    });
  return { work, started, release, fail, mostInFlight: () => mostInFlight };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function collect<R>(answers: AsyncGenerator<R>): Promise<R[]> {
  const all: R[] = [];
  for await (const answer of answers) all.push(answer);
  return all;
}

describe('inTurn', () => {
  it('yields the answers in the items’ order, however they arrive, with at most `limit` started at once', async () => {
    const held = heldWork();
    const all = collect(inTurn([1, 2, 3, 4, 5], 2, () => true, held.work));
    await settle();
    expect(held.started).toEqual([1, 2]);
    held.release.get(2)!('two');
    await settle();
    // The second has answered, but the first holds its turn, and the lane it frees waits for it.
    expect(held.started).toEqual([1, 2]);
    held.release.get(1)!('one');
    await settle();
    expect(held.started).toEqual([1, 2, 3, 4]);
    held.release.get(4)!('#4');
    held.release.get(3)!('#3');
    await settle();
    expect(held.started).toEqual([1, 2, 3, 4, 5]);
    held.release.get(5)!('#5');
    await expect(all).resolves.toEqual(['one', 'two', '#3', '#4', '#5']);
    expect(held.mostInFlight()).toBe(2);
  });

  it('starts nothing more once the work is no longer wanted, and still yields what was started', async () => {
    const held = heldWork();
    let wanted = true;
    const all = collect(inTurn([1, 2, 3, 4], 2, () => wanted, held.work));
    await settle();
    wanted = false;
    held.release.get(1)!('one');
    held.release.get(2)!('two');
    await expect(all).resolves.toEqual(['one', 'two']);
    expect(held.started).toEqual([1, 2]);
  });

  it('starts nothing when the work is not wanted from the start', async () => {
    const held = heldWork();
    await expect(collect(inTurn([1, 2], 2, () => false, held.work))).resolves.toEqual([]);
    expect(held.started).toEqual([]);
  });

  it('throws a failed answer in its turn, after the answers before it', async () => {
    const held = heldWork();
    const seen: string[] = [];
    const run = (async () => {
      for await (const answer of inTurn([1, 2, 3], 3, () => true, held.work)) seen.push(answer);
    })();
    await settle();
    // The third fails first: no unhandled rejection, and the first two still come out.
    held.fail.get(3)!(new Error('third failed'));
    held.fail.get(2)!(new Error('second failed'));
    held.release.get(1)!('one');
    await expect(run).rejects.toThrow('second failed');
    expect(seen).toEqual(['one']);
  });
});

describe('sharedTurns', () => {
  /** A task the test finishes by hand, logging when it starts. */
  function heldTask(log: string[], name: string) {
    let finish!: () => void;
    let fail!: (error: Error) => void;
    const done = new Promise<string>((resolve, reject) => {
      finish = () => resolve(name);
      fail = reject;
    });
    return {
      task: () => {
        log.push(name);
        return done;
      },
      finish: () => finish(),
      fail: (error: Error) => fail(error),
    };
  }

  it('runs tasks side by side, a task alone only once those before it have settled, and those after it after it', async () => {
    const turn = sharedTurns();
    const log: string[] = [];
    const [da, lat, exact, after] = ['da', 'lat', 'đà exact', 'after'].map((name) => heldTask(log, name)) as [
      ReturnType<typeof heldTask>,
      ReturnType<typeof heldTask>,
      ReturnType<typeof heldTask>,
      ReturnType<typeof heldTask>,
    ];
    const answers = [turn(da.task), turn(lat.task), turn(exact.task, true), turn(after.task)];
    await settle();
    expect(log).toEqual(['da', 'lat']);
    da.finish();
    await settle();
    expect(log).toEqual(['da', 'lat']);
    lat.finish();
    await settle();
    expect(log).toEqual(['da', 'lat', 'đà exact']);
    exact.finish();
    await settle();
    expect(log).toEqual(['da', 'lat', 'đà exact', 'after']);
    after.finish();
    expect(await Promise.all(answers)).toEqual(['da', 'lat', 'đà exact', 'after']);
  });

  it('goes on after a failed task, which fails only its own answer', async () => {
    const turn = sharedTurns();
    const log: string[] = [];
    const broken = heldTask(log, 'broken');
    const exact = heldTask(log, 'exact');
    const failed = turn(broken.task);
    const alone = turn(exact.task, true);
    broken.fail(new Error('404'));
    await expect(failed).rejects.toThrow('404');
    await settle();
    exact.finish();
    expect(await alone).toBe('exact');
    expect(await turn(() => Promise.resolve('next'))).toBe('next');
  });
});
