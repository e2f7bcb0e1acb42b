import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASSWORD, startServer, type TeamServer } from './server.js';

let server: TeamServer;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server.stop());

describe('the test server', () => {
  it('answers on its Unix socket as the superuser, with a password', () => {
    const r = server.psql(
      ADMIN,
      ADMIN_PASSWORD,
      'SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${ADMIN}|t\n`);
    expect(server.psql(ADMIN, 'wrong', 'SELECT 1').code).toBe(2);
  });

  it('listens on no TCP port', () => {
    expect(server.psql(ADMIN, ADMIN_PASSWORD, 'SHOW listen_addresses').stdout).toBe('\n');
  });
});
