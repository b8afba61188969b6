import { createTemplateDatabase, dropStaleTestDatabases } from '@ims/prisma/testing';

/** Migrates one template database for the whole run; test files clone it (test-app.ts). */
export default async function globalSetup(): Promise<void> {
  await dropStaleTestDatabases();
  const template = await createTemplateDatabase();
  process.env.IMS_TEST_TEMPLATE_DB = template.name;
  process.env.IMS_TEST_RUN_ID = template.runId;
}
