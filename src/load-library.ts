import { createRequire } from 'node:module';

/**
 * Load a library at the moment it is needed (chalk, cli-table3, inquirer,
 * cli-progress): most runs never need them. This is a synchronous require
 * (Node >= 20.19 requires ES modules too) rather than import(), because the
 * bundled CLI runs from a V8 code cache and V8 drops import()'s callback for
 * code loaded from one.
 */
export const loadLibrary = createRequire(import.meta.url);
