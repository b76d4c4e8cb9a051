import { NON_PUBLIC_IPV4, resolveEgress } from './resolveEgress';

describe('resolveEgress', () => {
  const resolver = async (host: string) => {
    if (host === 'db.example') return ['10.1.0.7', '10.1.0.8'];
    if (host === 'v6.example') return ['fd00::7'];
    if (host === 'empty.example') return [];
    throw new Error(`getaddrinfo ENOTFOUND ${host}`);
  };

  it('allows one address per rule, resolving names at submission', async () => {
    expect(
      await resolveEgress(
        [
          { kind: 'host', host: 'db.example', port: 5432, for: 'source' },
          {
            kind: 'host',
            host: '10.9.9.9',
            port: 9000,
            for: 'target.endpoint',
          },
          { kind: 'host', host: 'v6.example', port: 8020, for: 'target.path' },
        ],
        resolver,
      ),
    ).toEqual([
      { cidr: '10.1.0.7/32', ports: [5432] },
      { cidr: '10.1.0.8/32', ports: [5432] },
      { cidr: '10.9.9.9/32', ports: [9000] },
      { cidr: 'fd00::7/128', ports: [8020] },
    ]);
  });

  it('opens AWS S3 as HTTPS to public addresses only', async () => {
    expect(
      await resolveEgress(
        [
          { kind: 'public-https', for: 'source.endpoint' },
          { kind: 'public-https', for: 'target.endpoint' },
        ],
        resolver,
      ),
    ).toEqual([{ cidr: '0.0.0.0/0', except: NON_PUBLIC_IPV4, ports: [443] }]);
    expect(NON_PUBLIC_IPV4).toContain('169.254.0.0/16');
  });

  it('refuses a run whose host does not resolve, naming the field', async () => {
    await expect(
      resolveEgress(
        [{ kind: 'host', host: 'nope.example', port: 1, for: 'source' }],
        resolver,
      ),
    ).rejects.toThrow(/^source: cannot resolve nope.example.*ENOTFOUND/);
    await expect(
      resolveEgress(
        [{ kind: 'host', host: 'empty.example', port: 1, for: 'target.path' }],
        resolver,
      ),
    ).rejects.toThrow('target.path: empty.example resolves to no address');
  });
});
