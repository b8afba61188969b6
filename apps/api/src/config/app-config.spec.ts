import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs in demo mode on defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, demo: true, LOG_LEVEL: 'info' });
  });

  it('names every bad setting in one clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    const twoBad = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(twoBad).toThrow(ConfigError);
    expect(twoBad).toThrow(/PORT: /);
    expect(twoBad).toThrow(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
  });

  it('requires APP_URL when email is configured, so links never come from a Host header', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail:25' })).toThrow(/APP_URL: is required when SMTP_URL is set/);
    expect(loadConfig({ SMTP_URL: 'smtp://mail:25', APP_URL: 'https://clinic.example' }).APP_URL).toBe('https://clinic.example');
  });
});
