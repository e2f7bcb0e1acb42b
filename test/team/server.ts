// The team tests' PostgreSQL lives in scripts/team-server.mjs, shared with
// the README's Teams example (scripts/docs.mjs).
export {
  ADMIN,
  ADMIN_PASSWORD,
  DATABASE,
  startServer,
  type TeamServer,
} from '../../scripts/team-server.mjs';
