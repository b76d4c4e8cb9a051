import { hourLabel, sliceWindow } from './sliceTime';

const local = (hours: number, minutes: number, day = 27) =>
  new Date(2026, 10, day, hours, minutes).toISOString();

describe('sliceTime', () => {
  it('writes a slice as its window', () => {
    expect(sliceWindow(local(14, 15), 15)).toBe('14:15–14:30');
    expect(sliceWindow(local(23, 45), 15)).toBe('23:45–00:00');
  });

  it('labels every third hour, and the day at midnight', () => {
    expect(hourLabel(local(3, 0))).toBe('03:00');
    expect(hourLabel(local(3, 15))).toBeUndefined();
    expect(hourLabel(local(4, 0))).toBeUndefined();
    expect(hourLabel(local(0, 0, 28))).toBe('Sat 28');
  });
});
