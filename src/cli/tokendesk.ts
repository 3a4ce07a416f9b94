import { openSession } from './cli-session';
import { processTerminal } from './output';
import { runCli } from './run-cli';

/** `tokendesk …`: the entry point the package's bin runs. */
runCli(process.argv.slice(2), { term: processTerminal(), open: openSession })
  .then((code) => process.exit(code))
  .catch(() => process.exit(1));
