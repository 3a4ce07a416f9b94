import { Command } from 'commander';
import type { Core } from '../../main/core/app-core';
import { AppError, isErrorCode } from '../../shared/errors';
import type { RotationView } from '../../shared/model';
import { Declined, ExitStatus, UsageError, needsUser } from '../cli-errors';
import { withSession, type CommandContext } from '../command-context';
import { exitCodes } from '../exit-codes';
import { fullName, namedTokens, resolveToken, type NamedToken } from '../naming';
import { isTerminal, printLine, type Terminal } from '../output';
import { Prompt } from '../prompt';
import { rotationProgress } from '../rotation-progress';
import {
  addSecretOptions,
  checkSecretOutput,
  printSecret,
  type SecretOptions,
} from '../secret-output';
import { shellQuote } from '../shell-quote';
import { addWaitOption, writerMode } from '../writer-options';

interface RotateOptions extends SecretOptions {
  yes?: boolean;
  wait: string;
}

export function rotateCommand(context: CommandContext): Command {
  const command = new Command('rotate')
    .description('replace a token with a new one through the journaled rotation engine')
    .argument('<token>', 'account/name, a prefix, or an id (as `tokendesk list` shows)')
    .option('-y, --yes', 'do not ask before rotating (needed when stdin is not a terminal)')
    .addHelpText(
      'after',
      '\nThe steps (intent, create, store, verify, publish, promote, revoke) go to stderr.\n' +
        'Guided services (Podstack, TeraSwitch, Bodhi without a session): TokenDesk shows the\n' +
        "dashboard's address; create the new token there and paste it (not echoed; one line on\n" +
        'stdin in scripts), then revoke the old one there and press Enter: TokenDesk proves it\n' +
        'is dead before it calls the rotation done. Running the same command again continues an\n' +
        'unfinished rotation of the token (after a failure, a stop, or a crash).',
    );
  addSecretOptions(command);
  addWaitOption(command);
  return command.action(async (name: string, options: RotateOptions) => {
    checkSecretOutput(context.term, options);
    const prompt = new Prompt(context.term);
    try {
      await withSession(context, writerMode('rotate', options), async (session) => {
        const { core } = session;
        const named = resolveToken(
          name,
          namedTokens(await core.accounts.list(), await core.inventory.snapshot()),
        );
        const title = `Rotating ${fullName(named)}`;
        const unfinished = await unfinishedRotationOf(core, named);
        if (!(await consent(context.term, prompt, options, named, unfinished))) {
          throw new Declined('Not rotated.');
        }
        const progress = rotationProgress(context.term, title);
        // Recovery may drive other rotations in this process: only this token's is shown.
        session.onRotationProgress((view) => {
          if (view.accountId === named.account.id && view.oldTokenId === named.token.id) {
            progress.update(view);
          }
        });
        let rotationId: string;
        if (unfinished === null) {
          rotationId = (await core.rotation.start(named.account.id, named.token.id)).rotationId;
        } else {
          rotationId = unfinished.rotationId;
          if (canRetry(unfinished)) await core.rotation.retry(rotationId);
        }
        const guide = new Guide(context.term, prompt, named, progress);
        const done = await driveToEnd(core, rotationId, guide);
        progress.pause();
        printLine(context.term.stderr, `${title}: done.`);
        if (options.showSecret === true && done.revealAvailable) {
          printSecret(context.term, options, (await core.rotation.reveal(done.rotationId)).secret);
        } else if (options.showSecret === true) {
          // Guided: the user pasted the secret themselves; it is not shown again.
          printLine(
            context.term.stderr,
            'The new secret is the one you pasted; it is not shown again.',
          );
        }
      });
    } finally {
      prompt.close();
    }
  });
}

async function unfinishedRotationOf(core: Core, named: NamedToken): Promise<RotationView | null> {
  const views = await core.rotation.list();
  const found = views.find(
    (view) =>
      view.accountId === named.account.id &&
      view.oldTokenId === named.token.id &&
      view.status !== 'done' &&
      view.status !== 'rolled-back',
  );
  return found ?? null;
}

const canRetry = (view: RotationView): boolean =>
  view.canRetry && (view.status === 'revoke-pending' || view.waitingFor === 'retry');

async function consent(
  term: Terminal,
  prompt: Prompt,
  options: RotateOptions,
  named: NamedToken,
  unfinished: RotationView | null,
): Promise<boolean> {
  if (options.yes === true) return true;
  if (!isTerminal(term.stdin)) {
    throw new UsageError('stdin is not a terminal, so nobody can answer; add --yes to rotate.');
  }
  const what = unfinished === null ? 'Rotate' : 'Continue the unfinished rotation of';
  return prompt.confirm(`${what} ${fullName(named)}?`);
}

/** Takes the rotation from wherever it stands to done, or stops where only the user can act. */
async function driveToEnd(core: Core, rotationId: string, guide: Guide): Promise<RotationView> {
  for (;;) {
    const view = await core.rotation.whenSettled(rotationId);
    if (view.status === 'done') return view;
    guide.explain(view);
    if (view.status === 'rolled-back') throw failureOf(view);
    if (view.status === 'needs-user' && view.waitingFor === 'secret') {
      const secret = await guide.askSecret();
      if (secret === null) throw guide.stopped();
      await core.rotation.provideSecret(rotationId, secret);
    } else if (view.status === 'needs-user' && view.waitingFor === 'revoke') {
      if (!(await guide.askRevoked())) throw guide.stopped();
      await core.rotation.confirmRevoked(rotationId);
    } else {
      throw guide.stopped();
    }
  }
}

function failureOf(view: RotationView): AppError | ExitStatus {
  if (view.error !== null && isErrorCode(view.error.code)) {
    return new AppError(view.error.code, `Rolled back: ${view.error.message}`);
  }
  return new ExitStatus(exitCodes.failed);
}

/** What the person at the terminal (or the script on stdin) is told and asked. */
class Guide {
  private shownLink = false;

  constructor(
    private readonly term: Terminal,
    private readonly prompt: Prompt,
    private readonly named: NamedToken,
    private readonly progress: { pause(): void },
  ) {}

  explain(view: RotationView): void {
    this.progress.pause();
    const { stderr } = this.term;
    if (view.error !== null) printLine(stderr, `${view.error.code}: ${view.error.message}`);
    if (view.instruction !== null) printLine(stderr, view.instruction);
    if (view.tokenPageUrl !== null && !this.shownLink && view.waitingFor === 'secret') {
      printLine(stderr, `Dashboard: ${view.tokenPageUrl}`);
      this.shownLink = true;
    }
  }

  askSecret(): Promise<string | null> {
    return this.prompt.ask('Paste the new token (not shown): ', { hidden: true });
  }

  async askRevoked(): Promise<boolean> {
    const answer = await this.prompt.ask(
      'Press Enter once the old token is revoked in the dashboard (Ctrl+D to stop here): ',
      { hidden: false },
    );
    return answer !== null;
  }

  stopped(): ExitStatus {
    printLine(
      this.term.stderr,
      `The rotation waits. Continue it with: tokendesk rotate ${shellQuote(fullName(this.named))}`,
    );
    return needsUser();
  }
}
