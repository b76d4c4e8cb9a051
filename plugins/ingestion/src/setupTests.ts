import '@testing-library/jest-dom';

// recharts' ResponsiveContainer watches its size, and jsdom has no ResizeObserver: charts render empty in tests,
// so tests check their accessible description rather than their drawing.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??=
  ResizeObserverStub as unknown as typeof ResizeObserver;
