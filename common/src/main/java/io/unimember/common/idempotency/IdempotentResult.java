package io.unimember.common.idempotency;

/**
 * The outcome of an idempotent write: the original status and body, and whether this call was a replay.
 */
public record IdempotentResult<T>(int status, T body, boolean replayed) {}
