import { dropDatabasesOfRun } from '@ims/prisma/testing';

export default async function globalTeardown(): Promise<void> {
  if (process.env.IMS_TEST_RUN_ID) await dropDatabasesOfRun(process.env.IMS_TEST_RUN_ID);
}
