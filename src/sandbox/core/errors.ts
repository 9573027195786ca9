/**
 * An error a service answers with. The protocol layer renders it in that protocol's shape
 * (JSON `__type`/`message`, query `<ErrorResponse>`, S3 `<Error>`).
 */
export class ServiceError extends Error {
  constructor(
    /** The AWS error code, e.g. `ResourceNotFoundException`. */
    readonly code: string,
    message: string | undefined,
    readonly status = 400,
    /** Extra members of the error structure, e.g. `expectedSequenceToken`. */
    readonly fields: Readonly<Record<string, unknown>> = {},
    /**
     * For a query-compatible service: the error's shape in the model when its code does not tell it alone
     * (CloudWatch's `ResourceNotFound` is DashboardNotFoundError for dashboards, ResourceNotFound for alarms).
     */
    readonly shape?: string,
  ) {
    super(message ?? '');
    this.name = code;
  }

  /** Whether AWS reports the error without a message at all. */
  get hasMessage(): boolean {
    return this.message !== '';
  }
}

/** AWS JSON services answer a body that does not parse, or a value of the wrong JSON type, with this. */
export function serializationError(message: string): ServiceError {
  return new ServiceError('SerializationException', message);
}
