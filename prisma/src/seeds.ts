/**
 * `@ims/prisma/seeds`: the demo clinic and the large chain. Apart from the main entry because their generators
 * (faker's locale data, the COPY streams) weigh about 30 MiB of memory that a production API never needs: it loads
 * this only in demo mode, on first start.
 */
export { seedDemoClinic, hasAnyOrganisation, type SeedSummary, type SeedOptions } from './seed/demo-clinic';
export { seedLargeChain, DatabaseNotEmptyError, type LargeChainSummary } from './seed/large-chain';
export { LARGE_CHAIN_DEFAULTS, LARGE_CHAIN_LOGINS, LARGE_CHAIN_PASSWORD, resolveLargeChainOptions, type LargeChainOptions } from './seed/large-chain-config';
