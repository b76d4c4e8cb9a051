import { KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sendRequest } from '../kubernetes/sendRequest';

/**
 * A short-lived token of a service account (TokenRequest API, as `kubectl create token` does), and a
 * kubeconfig file using it against the same cluster as `adminKubeconfig`.
 */
export async function serviceAccountKubeconfig(
  adminKubeconfig: string,
  namespace: string,
  serviceAccount: string,
): Promise<{
  kubeconfig: string;
  token: string;
  server: string;
  caData: string;
}> {
  const admin = new KubeConfig();
  admin.loadFromFile(adminKubeconfig);
  const response = await sendRequest(
    admin,
    'POST',
    `/api/v1/namespaces/${namespace}/serviceaccounts/${serviceAccount}/token`,
    {
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { expirationSeconds: 3600 },
      },
    },
  );
  const token: string = response.status.token;
  const cluster = admin.getCurrentCluster()!;
  const scoped = new KubeConfig();
  scoped.loadFromOptions({
    clusters: [cluster],
    users: [{ name: serviceAccount, token }],
    contexts: [{ name: 'scoped', cluster: cluster.name, user: serviceAccount }],
    currentContext: 'scoped',
  });
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-sa-')),
    'kubeconfig',
  );
  fs.writeFileSync(file, scoped.exportConfig(), { mode: 0o600 });
  return {
    kubeconfig: file,
    token,
    server: cluster.server,
    caData: cluster.caData!,
  };
}
