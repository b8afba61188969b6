export * from './common';
export * from './problem';
export * from './health';
export * from './auth';
