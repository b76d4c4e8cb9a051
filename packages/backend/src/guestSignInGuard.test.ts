import { ConfigReader } from '@backstage/config';
import { guestSignInProblem } from './guestSignInGuard';

const guest = { guest: { userEntityRef: 'user:default/guest' } };

describe('guest sign-in guard', () => {
  it('allows guest sign-in only in development', () => {
    expect(
      guestSignInProblem(
        new ConfigReader({
          auth: { environment: 'development', providers: guest },
        }),
      ),
    ).toBeUndefined();
    expect(
      guestSignInProblem(
        new ConfigReader({
          auth: { environment: 'production', providers: guest },
        }),
      ),
    ).toMatch(/Guest sign-in \(auth.providers.guest\) is configured/);
  });

  it('has nothing to say without guest sign-in', () => {
    expect(
      guestSignInProblem(
        new ConfigReader({
          auth: { environment: 'production', providers: { oauth2: {} } },
        }),
      ),
    ).toBeUndefined();
  });
});
