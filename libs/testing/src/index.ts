export * from './oidc-provider';
export * from './smtp-inbox';
