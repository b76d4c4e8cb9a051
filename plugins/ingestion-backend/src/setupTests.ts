// API tests start a whole Backstage backend (database, migrations, plugins) per test: about a second on a quiet
// 2-core machine, but 9 s each with the machine loaded 20 times over, past Jest's 5 s default.
jest.setTimeout(60_000);

export {};
