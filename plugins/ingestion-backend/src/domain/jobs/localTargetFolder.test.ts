import { localTargetProblem, tenantLocalFolder } from './localTargetFolder';

const ROOT = '/srv/lake';
const ORION = 'group:default/team-orion';

describe('local targets', () => {
  it('gives each tenant its own folder under the root', () => {
    expect(tenantLocalFolder(ROOT, ORION)).toBe('/srv/lake/default/team-orion');
    expect(tenantLocalFolder(ROOT, 'group:ops/..')).toBe('/srv/lake/ops/_..');
  });

  it('admits a path inside the tenant’s folder', () => {
    expect(
      localTargetProblem('/srv/lake/default/team-orion/orders', ORION, ROOT),
    ).toBeUndefined();
  });

  it.each([
    ['/home/ingestion/.ssh/authorized_keys', /inside the tenant's folder/],
    ['/etc/cron.d/evil', /inside the tenant's folder/],
    ['/srv/lake/default/team-lyra/orders', /inside the tenant's folder/],
    ['/srv/lake/default/team-orion', /inside the tenant's folder/],
    ['/srv/lake/default/team-orion-evil/x', /inside the tenant's folder/],
    ['/srv/lake/default/team-orion/../team-lyra/x', /without \. or \.\./],
    ['orders', /absolute path/],
    ['/srv/lake/default/team-orion/orders/', /absolute path/],
  ])('refuses %s', (path, message) => {
    expect(localTargetProblem(path, ORION, ROOT)).toMatch(message);
  });

  it('refuses every local target when no root is configured', () => {
    expect(
      localTargetProblem('/srv/lake/default/team-orion/x', ORION, undefined),
    ).toMatch(/ingestion.localTargetRoot/);
  });
});
