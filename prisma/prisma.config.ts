import { readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's CLI downloads its native schema engine before `generate`, although generate itself runs on WebAssembly,
// and offline that download fails. When no real engine is installed, point the CLI at an existing file so it skips
// the download; where the engine is installed (a machine with the internet), leave it alone. Our migrations never
// need the native engine: see src/migrate/.
function realEngineInstalled(): boolean {
  try {
    const enginesDir = path.dirname(require.resolve('@prisma/engines/package.json'));
    return readdirSync(enginesDir).some((file) => file.startsWith('schema-engine'));
  } catch {
    return false;
  }
}

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !realEngineInstalled()) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve(__dirname, 'package.json');
}

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
});
