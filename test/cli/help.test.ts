import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { runCli } from '../helpers/run-cli.js';

function leafCommands(command: Command, path: string[] = []): string[][] {
  if (command.commands.length === 0) return [path];
  return command.commands.flatMap((c) => leafCommands(c, [...path, c.name()]));
}

const program = await buildProgram({
  io: { stdout: { write: () => true }, stderr: { write: () => true }, stdin: {}, env: {} },
  setExitCode: () => undefined,
});
const commands = leafCommands(program);
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('help', () => {
  it('lists the commands and global options', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: netjournal [options] [command]');
    expect(help.stdout).toContain('--db <path>');
    expect(help.stdout).toContain('contacts');
    const groups = help.stdout.split('\n').filter((l) => /^[A-Z][a-z]+:$/.test(l));
    expect(groups).toEqual(['Options:', 'Reports:', 'Capture:', 'Insight:', 'Data:', 'Examples:']);
    expect(help.stdout).toMatch(/\nExamples:\n {2}\$ netjournal demo/);
  });

  it('suggests the nearest command for a typo', async () => {
    expect(await runCli(['tody'])).toEqual({
      stdout: '',
      stderr: "netjournal: unknown command 'tody' — did you mean today?\n",
      code: 2,
    });
  });

  it.each(commands.map((c) => [c.join(' ')]))(
    '"%s" has a description, an Examples: section and a README entry',
    async (name) => {
      const help = await runCli([...name.split(' '), '--help']);
      expect(help.code).toBe(0);
      const description = help.stdout.split('\n')[2] ?? '';
      expect(description.trim().length).toBeGreaterThan(5);
      expect(help.stdout).toMatch(/\nExamples:\n {2}\$ netjournal /);
      expect(help.stdout).toContain('--json');
      expect(readme).toContain(`netjournal ${name}`);
    },
  );
});
