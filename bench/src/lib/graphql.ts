export interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The JSON body of a GraphQL-over-HTTP POST. */
export function operationBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/** One operation, as a client sends it; throws with the errors when there is no clean answer. */
export async function graphql<TData>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<TData> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: operationBody(query, variables),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as GraphQLResponse<TData>;
  if (body.errors?.length || !body.data) {
    throw new Error(
      `${url} answered HTTP ${response.status}: ${JSON.stringify(body.errors ?? body)}`,
    );
  }
  return body.data;
}
