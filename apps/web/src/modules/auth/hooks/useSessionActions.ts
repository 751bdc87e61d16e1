import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import {
  LOGIN_MUTATION,
  LOGOUT_MUTATION,
  REGISTER_MUTATION,
  type LoginVariables,
  type Me,
  type RegisterVariables,
} from '../graphql/auth';

/**
 * Forgets what the previous session saw and refetches the active queries (`me` first).
 * A refetch that fails (e.g. a page the new session may not read) must not turn a
 * successful sign-in into an error: the page shows its own error instead.
 */
async function resetSession(client: ReturnType<typeof useApolloClient>): Promise<void> {
  try {
    await client.resetStore();
  } catch {
    // Reported by the queries themselves.
  }
}

/**
 * Sign-up, sign-in and sign-out. Each resets the Apollo store afterwards so that every
 * query (starting with `me`) is refetched under the new session.
 * The functions throw the Apollo error when the API refuses.
 */
export function useSessionActions() {
  const client = useApolloClient();
  const [registerMutation, registerState] = useMutation(REGISTER_MUTATION);
  const [loginMutation, loginState] = useMutation(LOGIN_MUTATION);
  const [logoutMutation, logoutState] = useMutation(LOGOUT_MUTATION);

  const register = useCallback(
    async (input: RegisterVariables['input']): Promise<Me> => {
      const result = await registerMutation({ variables: { input } });
      await resetSession(client);
      return result.data!.register.user;
    },
    [registerMutation, client],
  );

  const login = useCallback(
    async (input: LoginVariables['input']): Promise<Me> => {
      const result = await loginMutation({ variables: { input } });
      await resetSession(client);
      return result.data!.login.user;
    },
    [loginMutation, client],
  );

  const logout = useCallback(async (): Promise<void> => {
    try {
      await logoutMutation();
    } finally {
      // Even when the session had already expired, forget everything the old session saw.
      await resetSession(client);
    }
  }, [logoutMutation, client]);

  return {
    register,
    login,
    logout,
    registering: registerState.loading,
    loggingIn: loginState.loading,
    loggingOut: logoutState.loading,
  };
}
