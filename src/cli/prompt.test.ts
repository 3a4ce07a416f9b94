import { describe, expect, it } from 'vitest';
import { Prompt } from './prompt';
import { testTerminal } from './test-support/test-terminal';

describe('answers read from stdin', () => {
  it('reads one piped line per question, never echoing it, and null once the input ends', async () => {
    const term = testTerminal();
    const prompt = new Prompt(term);
    term.stdin.end('podstack_abc_secret\n\n');
    expect(await prompt.ask('Paste: ', { hidden: true })).toBe('podstack_abc_secret');
    expect(await prompt.ask('Enter: ', { hidden: false })).toBe('');
    expect(await prompt.ask('Again: ', { hidden: false })).toBeNull();
    expect(term.err()).toBe('Paste: Enter: Again: ');
    prompt.close();
  });

  it('reads a secret on a terminal with echo off, and stops on Ctrl+D', async () => {
    const term = testTerminal();
    const modes: boolean[] = [];
    Object.assign(term.stdin, { isTTY: true, setRawMode: (raw: boolean) => modes.push(raw) });
    const prompt = new Prompt(term);
    const secret = prompt.ask('Paste: ', { hidden: true });
    term.stdin.emit('data', Buffer.from('s3cretX\u007f\r'));
    expect(await secret).toBe('s3cret');
    const stopped = prompt.ask('Enter: ', { hidden: false });
    term.stdin.emit('data', Buffer.from('\u0004'));
    expect(await stopped).toBeNull();
    expect(term.err()).toBe('Paste: \nEnter: \n');
    expect(modes).toEqual([true, false, true, false]);
  });
});
