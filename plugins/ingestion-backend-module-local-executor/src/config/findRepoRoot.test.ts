import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findRepoRoot } from './findRepoRoot';

describe('findRepoRoot', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-root-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds the nearest folder holding .yarn/releases from any folder below it', () => {
    fs.mkdirSync(path.join(tmp, '.yarn', 'releases'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'packages', 'backend'), { recursive: true });
    expect(findRepoRoot(path.join(tmp, 'packages', 'backend'))).toBe(tmp);
    expect(findRepoRoot(tmp)).toBe(tmp);
  });

  it('finds none outside a checkout', () => {
    fs.mkdirSync(path.join(tmp, 'app'));
    expect(findRepoRoot(path.join(tmp, 'app'))).toBeUndefined();
  });

  it('finds this repository from this package', () => {
    const root = findRepoRoot(__dirname)!;
    expect(fs.existsSync(path.join(root, 'ingestion-app', 'README.md'))).toBe(
      true,
    );
  });
});
