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

// Pages here render hundreds of cells (the slice heatmap: 288 buttons) and charts in jsdom. Measured on 2 cores:
// the slowest test takes ~1.5 s alone and 6.7 s with the machine loaded 3.5 times over; Jest's default 5 s made
// them fail under load, so they get 30 s, several times the worst measured.
jest.setTimeout(30_000);
