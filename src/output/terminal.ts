import { loadLibrary } from '../load-library.js';
import type { ChalkInstance } from 'chalk';

// chalk costs ~10 ms to load; most runs (piped, JSON, NO_COLOR) never colour
// anything, so it is required (synchronously: Node >= 20.19 can require ESM)
// only when colour is on, and a no-op stand-in serves otherwise.

function colourChalk(): ChalkInstance {
  const { Chalk } = loadLibrary('chalk') as typeof import('chalk');
  return new Chalk({ level: 1 });
}

/** A chalk that styles nothing: any chain of styles, called, returns its text. */
const plainChalk: ChalkInstance = new Proxy(() => undefined, {
  get: () => plainChalk,
  apply: (_target, _this, args: unknown[]) => args.join(' '),
}) as unknown as ChalkInstance;

/** How output is drawn: decided once per run and used by every formatter. */
export interface Terminal {
  /** stdout is a terminal (tables, relative dates, truncation). */
  isTTY: boolean;
  /** Colour is on: applied to chalk and to cli-table3 borders alike. */
  color: boolean;
  /** Width to fit tables into. */
  columns: number;
  chalk: ChalkInstance;
}

export interface ColorInputs {
  isTTY: boolean;
  noColorFlag: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * One colour decision: FORCE_COLOR wins (except FORCE_COLOR=0), then
 * --no-color, NO_COLOR (any non-empty value), TERM=dumb and a non-terminal
 * stdout all turn it off. chalk 5 alone ignores NO_COLOR, hence this.
 */
export function decideColor({ isTTY, noColorFlag, env }: ColorInputs): boolean {
  if (noColorFlag) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** The width to draw for: $COLUMNS when set, else the terminal's, else 80. */
export function terminalColumns(env: NodeJS.ProcessEnv, columns: number | undefined): number {
  const envColumns = Number(env.COLUMNS);
  return Number.isInteger(envColumns) && envColumns > 0 ? envColumns : columns || 80;
}

/** Build the Terminal for a run. */
export function makeTerminal(inputs: ColorInputs & { columns?: number }): Terminal {
  const color = decideColor(inputs);
  const columns = terminalColumns(inputs.env, inputs.columns);
  return { isTTY: inputs.isTTY, color, columns, chalk: color ? colourChalk() : plainChalk };
}
