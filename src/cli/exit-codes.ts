/** The process's exit status: scripts branch on these, so they never change meaning. */
export const exitCodes = {
  ok: 0,
  /** The operation failed; stderr names the error code (the app's AppError codes). */
  failed: 1,
  /** The command line is wrong: an unknown option, or a token name that matches none or several. */
  usage: 2,
  /** `check`: a finding at or above --fail-on. */
  findings: 3,
  /** Another TokenDesk program (the app, another command) is changing the data now. */
  busy: 4,
  /** A rotation stopped where only the user can take it on (see `tokendesk rotate <token>`). */
  needsUser: 5,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** Shown at the end of every command's --help. */
export const exitCodesHelp = `
Exit codes:
  0  done (check: nothing at or above --fail-on)
  1  the operation failed; stderr shows the error code, e.g. AUTH_FAILED or UNREACHABLE
  2  usage: a wrong option, or a token name that matches no token or several (listed)
  3  check: at least one finding at or above --fail-on
  4  another TokenDesk program is changing the data (the app, or another command); try again
  5  a rotation waits for you (paste, dashboard revoke, retry); run the same rotate again`;
