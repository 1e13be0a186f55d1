import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('settings', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      HOST: 'localhost',
      SIGNUP: 'open',
      publicUrl: 'http://localhost:3000',
    });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('names every wrong setting', () => {
    expect(() => loadConfig({ PORT: 'x', SIGNUP: 'maybe', DATABASE_URL: 'mysql://db' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'x', SIGNUP: 'maybe', DATABASE_URL: 'mysql://db' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('SIGNUP');
      expect(msg).toContain('DATABASE_URL');
    }
  });

  it('treats an empty value as unset and trims a trailing slash from PUBLIC_URL', () => {
    const c = loadConfig({ PORT: '', PUBLIC_URL: 'https://debrief.example.com/' });
    expect(c.PORT).toBe(3000);
    expect(c.publicUrl).toBe('https://debrief.example.com');
    expect(c.secureCookies).toBe(true);
  });
});
