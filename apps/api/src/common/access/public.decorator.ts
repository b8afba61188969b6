import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'access:public';

/** Opts a route out of the global session guard. Every other route needs a session (secure by default). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
