import { Inject } from '@nestjs/common';

export const DATABASE = Symbol('DATABASE');
export const PRISMA = Symbol('PRISMA');

/** Injects the Prisma client of the open database. */
export const InjectPrisma = () => Inject(PRISMA);
/** Injects the open database handle (kind, ping, migrate). */
export const InjectDatabase = () => Inject(DATABASE);
