import { assignLentCapacity } from './lentCapacityAssignment';

describe('assigning lent capacity', () => {
  it('goes in priority order and lets a smaller run past one that does not fit', () => {
    const ordered = [
      { id: 'first', cores: 2, memoryMiB: 2048 },
      { id: 'too-big', cores: 4, memoryMiB: 2048 },
      { id: 'small', cores: 1, memoryMiB: 1024 },
      { id: 'no-room-left', cores: 1, memoryMiB: 1024 },
    ];
    expect(
      assignLentCapacity({ cores: 3, memoryMiB: 8192 }, ordered).map(r => r.id),
    ).toEqual(['first', 'small']);
  });

  it('lends nothing when nothing is lendable', () => {
    expect(
      assignLentCapacity({ cores: 0, memoryMiB: 0 }, [
        { cores: 1, memoryMiB: 1 },
      ]),
    ).toEqual([]);
  });
});
