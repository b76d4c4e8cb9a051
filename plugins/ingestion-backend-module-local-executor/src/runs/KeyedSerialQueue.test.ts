import { KeyedSerialQueue } from './KeyedSerialQueue';

const tick = () => new Promise(resolve => setTimeout(resolve, 5));

describe('KeyedSerialQueue', () => {
  it('runs the tasks of one key one after another, even when one fails', async () => {
    const queue = new KeyedSerialQueue();
    const order: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        order.push(`${name} start`);
        await tick();
        order.push(`${name} end`);
        if (fail) {
          throw new Error(name);
        }
        return name;
      };
    const results = await Promise.allSettled([
      queue.run('r1', task('a')),
      queue.run('r1', task('b', true)),
      queue.run('r1', task('c')),
    ]);
    expect(order).toEqual([
      'a start',
      'a end',
      'b start',
      'b end',
      'c start',
      'c end',
    ]);
    expect(results.map(r => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
  });

  it('runs tasks of different keys concurrently', async () => {
    const queue = new KeyedSerialQueue();
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(`${name} start`);
      await tick();
      order.push(`${name} end`);
    };
    await Promise.all([queue.run('r1', task('a')), queue.run('r2', task('b'))]);
    expect(order.slice(0, 2)).toEqual(['a start', 'b start']);
  });
});
