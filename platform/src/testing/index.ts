export * from './config.js';
export * from './graphql-client.js';
export * from './kafka.js';
export * from './token-issuer.js';
export * from './wait.js';
