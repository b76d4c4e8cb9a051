/*
 * A real Backstage backend with the catalog and @backstage/plugin-kubernetes-backend, run as its own Node
 * process by deploy.cluster.test.ts: the Kubernetes plugin loads the ESM @kubernetes/client-node with
 * import(), which Jest's module system cannot run (it needs --experimental-vm-modules). Arguments are
 * passed through to the backend (--config files); it runs until killed.
 */
const { createBackend } = require('@backstage/backend-defaults');
const catalogPlugin = require('@backstage/plugin-catalog-backend').default;
const kubernetesPlugin =
  require('@backstage/plugin-kubernetes-backend').default;

const backend = createBackend();
backend.add(catalogPlugin);
backend.add(kubernetesPlugin);
backend.start().catch(error => {
  process.stderr.write(`backend failed to start: ${error.stack ?? error}\n`);
  process.exit(1);
});
