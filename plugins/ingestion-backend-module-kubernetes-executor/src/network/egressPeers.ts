import { EgressRule } from '../config/KubernetesExecutorOptions';

/** A NetworkPolicy egress rule (networking.k8s.io/v1) allowing TCP to an address range. */
export function toEgressRule(rule: EgressRule): Record<string, unknown> {
  return {
    to: [
      {
        ipBlock: {
          cidr: rule.cidr,
          ...(rule.except && rule.except.length > 0 && { except: rule.except }),
        },
      },
    ],
    ...(rule.ports.length > 0 && {
      ports: rule.ports.map(port => ({ protocol: 'TCP', port })),
    }),
  };
}
