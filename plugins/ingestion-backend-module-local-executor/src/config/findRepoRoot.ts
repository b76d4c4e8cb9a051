import fs from 'node:fs';
import path from 'node:path';

/**
 * The monorepo's root: the nearest folder, from `start` upwards, holding `.yarn/releases` (the committed Yarn
 * release marks the root whether the backend runs from packages/backend, a plugin folder under Jest, or the root
 * itself). `undefined` outside a checkout, e.g. in a built container image.
 */
export function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.yarn', 'releases'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}
