export * from './accounts.js';
export * from './agreements.js';
export * from './brokering.js';
export * from './change-feed.js';
export * from './chokepoint.js';
export * from './demands.js';
export * from './login-limits.js';
export * from './organisations.js';
