import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Errors, formatError } from './errors.js';

const format = (err: GraphQLError) => formatError(err.toJSON(), err);

describe(formatError.name, () => {
  it('keeps expected errors with their stable code and field', () => {
    const formatted = format(Errors.badUserInput('input.email', 'Email address is not valid'));
    expect(formatted.message).toBe('Email address is not valid');
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });

  it('masks unexpected errors so that no internal detail leaks', () => {
    const internal = new GraphQLError(
      'E11000 duplicate key error collection: vitrine_users.users',
      {
        originalError: new Error('driver detail'),
        extensions: { stacktrace: ['at secret.ts:1'] },
      },
    );
    const formatted = format(internal);
    expect(formatted).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('drops stack traces from public errors', () => {
    const err = new GraphQLError('Not yours', {
      extensions: { code: 'FORBIDDEN', stacktrace: ['x'] },
    });
    expect(format(err).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('turns argument validation failures into BAD_USER_INPUT naming the nested field', () => {
    const err = new GraphQLError('Argument Validation Error', {
      extensions: {
        code: 'BAD_USER_INPUT',
        validationErrors: [
          {
            property: 'input',
            children: [{ property: 'country', constraints: { isIso: 'country must be ISO' } }],
          },
        ],
      },
    });
    expect(format(err)).toMatchObject({
      message: 'country must be ISO',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.country' },
    });
  });

  it("reports type-graphql's authorization failures as FORBIDDEN", () => {
    const err = new GraphQLError('Access denied!', { extensions: { code: 'UNAUTHORIZED' } });
    expect(format(err).extensions).toEqual({ code: 'FORBIDDEN' });
  });
});
