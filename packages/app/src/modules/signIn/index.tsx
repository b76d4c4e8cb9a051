import { SignInPage } from '@backstage/core-components';
import {
  configApiRef,
  createFrontendModule,
  useApi,
} from '@backstage/frontend-plugin-api';
import {
  SignInPageBlueprint,
  SignInPageProps,
} from '@backstage/plugin-app-react';
import { oauth2AuthApi } from './oauth2AuthApi';
import { signInProviders } from './signInProviders';

const ConfiguredSignInPage = (props: SignInPageProps) => {
  const config = useApi(configApiRef);
  return <SignInPage {...props} providers={signInProviders(config)} />;
};

const signInPage = SignInPageBlueprint.make({
  params: { loader: async () => ConfiguredSignInPage },
});

/** The sign-in page offers what the configuration enables (see signInProviders). */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, oauth2AuthApi],
});
