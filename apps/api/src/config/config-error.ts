/** A bad or missing setting: the process stops at boot with this message naming it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
