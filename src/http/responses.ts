import { ErrorBody } from './schemas';

const err = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

/** The error answers a route may give, for its OpenAPI description. */
export const errors = {
  400: err('The request is malformed or breaks the schema; the message names the field'),
  401: err('No session, or no valid API token'),
  403: err('Your role may not do this'),
  404: err('Not found in your organization'),
  409: err('Conflicts with the current state'),
  410: err('The link has expired'),
  415: err('The body must be JSON'),
  422: err(
    'The content is refused as written (e.g. a blocking checker finding); the message says what to change',
  ),
  429: err('Too many failed attempts; the Retry-After header says when to try again'),
};

/** A required JSON request body of this schema. */
export const jsonBody = <T>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true as const,
});

/** A JSON answer of this schema. */
export const jsonAnswer = <T>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The errors of a route that reads one resource of the organization. */
export const readErrors = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] };

/** The errors of a route that takes a JSON body. */
export const bodyErrors = { ...readErrors, 415: errors[415] };
