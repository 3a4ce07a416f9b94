import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { dashboardAction, parseBody } from './sim-body';
import { SimHttpError } from './sim-error';

const Schema = z.object({ name: z.string().min(1) });

describe('parseBody', () => {
  it('returns the checked body, and treats a missing body as empty', () => {
    expect(parseBody(Schema, { name: 'ci' })).toEqual({ name: 'ci' });
    expect(parseBody(z.object({ name: z.string().optional() }), undefined)).toEqual({});
  });

  it('answers a mismatch with a 400 that names the field', () => {
    let caught: unknown;
    try {
      parseBody(Schema, { name: 7 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SimHttpError);
    expect((caught as SimHttpError).status).toBe(400);
    expect((caught as SimHttpError).message).toContain('name');
  });
});

describe('dashboardAction', () => {
  it("replies with the dashboard call's answer, or with the given one when it answers nothing", () => {
    const seen: string[] = [];
    const create = dashboardAction(Schema, ({ name }) => ({ created: name }));
    const revoke = dashboardAction(Schema, ({ name }) => void seen.push(name), { revoked: true });
    expect(create({ name: 'a' })).toEqual({ created: 'a' });
    expect(revoke({ name: 'b' })).toEqual({ revoked: true });
    expect(seen).toEqual(['b']);
  });

  it('runs nothing for a body the schema refuses', () => {
    const seen: unknown[] = [];
    const action = dashboardAction(Schema, (input) => seen.push(input));
    expect(() => action({})).toThrow(SimHttpError);
    expect(seen).toEqual([]);
  });
});
