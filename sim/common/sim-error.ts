/** Thrown by handlers and dashboard actions: becomes `{ message }` with `status`. */
export class SimHttpError extends Error {
  override readonly name = 'SimHttpError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
