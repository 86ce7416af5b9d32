import { describe, expect, it } from 'vitest';
import { gatewayFormatError } from './errors.js';
import { limitExceeded } from './limits/index.js';

describe(gatewayFormatError.name, () => {
  it('shows limit errors as they are', () => {
    const error = limitExceeded('depth', 14, 12);
    expect(gatewayFormatError(error.toJSON(), error).extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'depth',
      measured: 14,
      max: 12,
    });
  });

  it("reports the parser's token abort as the token limit", () => {
    const formatted = {
      message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    };
    expect(gatewayFormatError(formatted, undefined)).toMatchObject({
      message: 'Operation is too long (tokens: more than 2000)',
      extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'tokens', max: 2000 },
    });
  });

  it('masks everything the platform masks', () => {
    const formatted = { message: 'connect ECONNREFUSED 10.0.0.3:3001', extensions: {} };
    expect(gatewayFormatError(formatted, new Error(formatted.message))).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
