export * from './envelope.js';
export * from './author-token.js';
