import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './program';
import { completionScript } from './completion';
import { testTerminal } from './test-support/test-terminal';

const program = buildProgram({ term: testTerminal(), open: () => Promise.reject(new Error()) });

/** What bash offers after `words`, with the cursor on the last one. */
function bashCompletes(words: string[]): string[] {
  const script = `${completionScript(program, 'bash')}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_tokendesk_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', script]).toString().split('\n').filter(Boolean);
}

describe('shell completion', () => {
  it('completes commands, options and option values in bash', () => {
    expect(bashCompletes(['tokendesk', 'ro'])).toEqual(['rotate']);
    expect(bashCompletes(['tokendesk', 'list', '--ex'])).toEqual(['--expiring-within']);
    expect(bashCompletes(['tokendesk', 'check', '--fail-on', ''])).toEqual(['urgent', 'warning']);
    expect(bashCompletes(['tokendesk', 'completion', 'f'])).toEqual(['fish']);
  });

  it('names every command and option of the program for zsh and fish', () => {
    const zsh = completionScript(program, 'zsh');
    const fish = completionScript(program, 'fish');
    for (const command of program.commands) {
      expect(zsh).toContain(`'${command.name()}:`);
      expect(fish).toContain(`-a ${command.name()} -d`);
      for (const option of command.options) {
        const long = option.long ?? '';
        expect(zsh.includes(`'${long}[`) || zsh.includes(`,${long}}'[`), long).toBe(true);
        expect(fish).toContain(`__fish_seen_subcommand_from ${command.name()}'`);
        expect(fish).toContain(`-l ${(option.long ?? '').slice(2)}`);
      }
    }
    expect(zsh).toContain(':fail-on:(urgent warning)');
    expect(fish).toContain("-l format -r -a 'json csv'");
  });
});
