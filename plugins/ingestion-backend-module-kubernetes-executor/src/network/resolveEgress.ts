import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { EgressRule } from '../config/KubernetesExecutorOptions';
import { RunEndpoint } from './runEndpoints';

/** Resolves a host name to its addresses (IPv4 and IPv6). */
export type HostResolver = (host: string) => Promise<string[]>;

export const systemResolver: HostResolver = async host =>
  (await dnsLookup(host, { all: true })).map(a => a.address);

/**
 * Address ranges that a run reaching AWS S3 without an endpoint may not use: private networks (the cluster, the
 * company network), loopback and link-local (the cloud metadata service, whose credentials would be the node's).
 */
export const NON_PUBLIC_IPV4 = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '100.64.0.0/10',
];

/**
 * NetworkPolicy egress rules for a run's endpoints. NetworkPolicies match IP addresses, not names, so host names
 * are resolved here, when the run is submitted, into one /32 (or /128) per address; the run is refused if a
 * name does not resolve, since its pods could not reach it either. Addresses that change while a run is running
 * (a database fail-over behind a DNS name) are not followed: platforms with such endpoints list their range in
 * `networkPolicy.additionalEgress`. AWS S3 without an endpoint is HTTPS to any public address.
 */
export async function resolveEgress(
  endpoints: RunEndpoint[],
  resolve: HostResolver = systemResolver,
): Promise<EgressRule[]> {
  const rules = new Map<string, EgressRule>();
  const add = (rule: EgressRule) =>
    rules.set(`${rule.cidr}|${rule.ports.join(',')}`, rule);
  for (const endpoint of endpoints) {
    if (endpoint.kind === 'public-https') {
      add({ cidr: '0.0.0.0/0', except: NON_PUBLIC_IPV4, ports: [443] });
      continue;
    }
    let addresses: string[];
    if (isIP(endpoint.host)) {
      addresses = [endpoint.host];
    } else {
      try {
        addresses = await resolve(endpoint.host);
      } catch (error) {
        throw new Error(
          `${endpoint.for}: cannot resolve ${
            endpoint.host
          } to allow the run's network traffic to it: ${
            (error as Error).message
          }`,
        );
      }
      if (addresses.length === 0) {
        throw new Error(
          `${endpoint.for}: ${endpoint.host} resolves to no address`,
        );
      }
    }
    for (const address of addresses) {
      add({
        cidr: `${address}/${isIP(address) === 6 ? 128 : 32}`,
        ports: [endpoint.port],
      });
    }
  }
  return [...rules.values()];
}
