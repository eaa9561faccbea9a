/**
 * API errors shaped like metav1.Status, so kubectl renders them the way real
 * kubectl renders a real API server's errors.
 */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'TooManyRequests'
  | 'InternalError'
  /** A failure Status a handler returns as its object, with no reason (kubectl: `Error from server: …`). */
  | '';

export interface StatusCause {
  /** e.g. 'FieldValueInvalid', 'FieldValueRequired', 'FieldValueNotSupported', 'FieldValueForbidden'. */
  reason: string;
  /** The whole field error text, e.g. 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'. */
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details: StatusDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** `<resource>[.<group>]`, the qualified resource name in API messages: 'statefulsets.apps'. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export function notFound(resource: string, group: string, name: string): ApiError {
  const qr = qualifiedResource(resource, group);
  return new ApiError(404, 'NotFound', `${qr} "${name}" not found`, { name, group, kind: resource });
}

export function alreadyExists(resource: string, group: string, name: string): ApiError {
  const qr = qualifiedResource(resource, group);
  return new ApiError(409, 'AlreadyExists', `${qr} "${name}" already exists`, { name, group, kind: resource });
}

export function conflict(resource: string, group: string, name: string, why: string): ApiError {
  const qr = qualifiedResource(resource, group);
  return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qr} "${name}": ${why}`, {
    name,
    group,
    kind: resource,
  });
}

/** 422 Invalid: message is `<Kind> "<name>" is invalid: <causes as an aggregate>`, as the API server builds it. */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): ApiError {
  // errs.ToAggregate(): duplicates dropped, brackets around more than one.
  const texts = [...new Set(causes.map((c) => c.message))];
  const message = `${kind}${group ? '.' + group : ''} "${name}" is invalid: ${texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`}`;
  return new ApiError(422, 'Invalid', message, { name, group, kind, causes });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
