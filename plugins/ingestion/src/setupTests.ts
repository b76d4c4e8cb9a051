import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// recharts' ResponsiveContainer watches its size, and jsdom has no ResizeObserver: charts render empty in tests,
// so tests check their accessible description rather than their drawing.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??=
  ResizeObserverStub as unknown as typeof ResizeObserver;

// Pages here render hundreds of cells (the slice heatmap: 288 buttons) and charts in jsdom. On 2 cores a test
// takes up to ~7 s with the machine loaded 3.5 times over, and over 30 s at 20 times over; Jest's 5 s default and
// Testing Library's 1 s wait for an element failed them under load. Both get room well above what was measured.
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 15_000 });
