import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/**
 * Why the configuration must not start, or undefined: guest sign-in makes anyone who reaches the portal a user,
 * so it is only for `auth.environment: development` (the quick start), never with any other environment.
 */
export function guestSignInProblem(config: Config): string | undefined {
  if (!config.has('auth.providers.guest')) return undefined;
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  if (environment === 'development') return undefined;
  return (
    `Guest sign-in (auth.providers.guest) is configured with auth.environment ${environment}: ` +
    'anyone reaching the portal would be signed in. Start production with app-config.production.yaml alone, ' +
    'not layered on app-config.yaml.'
  );
}

/** Refuses to start the backend when guest sign-in is configured outside development. */
export const guestSignInGuard = createBackendModule({
  pluginId: 'auth',
  moduleId: 'guest-sign-in-guard',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig },
      async init({ config }) {
        const problem = guestSignInProblem(config);
        if (problem) throw new Error(problem);
      },
    });
  },
});
