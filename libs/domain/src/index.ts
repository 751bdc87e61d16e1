export * from './error-codes';
export * from './participatory-space';
export * from './roles';
export * from './auth-rules';
export * from './events';
export * from './motion';
export * from './account';
export * from './ballot';
