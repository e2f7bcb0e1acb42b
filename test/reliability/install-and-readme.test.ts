import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 17, points 13 and 14: what a fresh clone's npm install prints, and
// the README read in a terminal or in less.

describe('npm install on a fresh clone', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));

  /** Every installed package (nested ones too) whose install npm would run a script for. */
  function packagesWithInstallScripts(folder: string, found = new Set<string>()): Set<string> {
    if (!existsSync(folder)) return found;
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith('.')) continue;
      const dirs = entry.startsWith('@')
        ? readdirSync(join(folder, entry)).map((e) => join(folder, entry, e))
        : [join(folder, entry)];
      for (const dir of dirs) {
        const file = join(dir, 'package.json');
        if (!existsSync(file)) continue;
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
          name: string;
          scripts?: Record<string, string>;
        };
        const scripts = pkg.scripts ?? {};
        // npm runs node-gyp for a binding.gyp without an install script of its own.
        if (
          ['preinstall', 'install', 'postinstall'].some((s) => s in scripts) ||
          existsSync(join(dir, 'binding.gyp'))
        ) {
          found.add(pkg.name);
        }
        packagesWithInstallScripts(join(dir, 'node_modules'), found);
      }
    }
    return found;
  }

  it('has every install script reviewed in allowScripts, so npm warns about none', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      allowScripts: Record<string, boolean>;
    };
    const scripted = [...packagesWithInstallScripts(join(root, 'node_modules'))].sort();
    expect(scripted).toEqual(expect.arrayContaining(['better-sqlite3', 'esbuild']));
    expect(scripted.filter((name) => !Object.hasOwn(pkg.allowScripts, name))).toEqual([]);
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
  });

  it("sets no nodedir for everyone: .ci/run sets it where Debian's headers are, the README says how", () => {
    const npmrc = join(root, '.npmrc');
    const settings = existsSync(npmrc) ? readFileSync(npmrc, 'utf8') : '';
    expect(settings).not.toMatch(/^\s*nodedir\s*=/m);
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toContain(
      'if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then',
    );
    const install = readFileSync(join(root, 'README.md'), 'utf8').split('\n## Install\n')[1] ?? '';
    expect(install).toContain(
      'npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")" npm install',
    );
  });
});

describe('the README in a terminal', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  it('has no line over 100 characters outside code blocks, the commands above all', () => {
    let fenced = false;
    const long: string[] = [];
    for (const line of readme.split('\n')) {
      if (line.startsWith('```')) fenced = !fenced;
      else if (!fenced && line.length > 100) long.push(line.slice(0, 60));
    }
    expect(long).toEqual([]);
    const commands = readme.split('\n## Commands\n')[1]?.split('\n## ')[0] ?? '';
    expect(commands.split('\n').length).toBeGreaterThan(100);
    expect(Math.max(...commands.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    // One entry a command, each starting a line with its synopsis.
    expect(commands).toContain('\n- `netjournal today [--days N] [--exit-status]` — the morning');
    expect(commands).toContain('\n- `netjournal config get KEY` — print the setting');
  });
});
