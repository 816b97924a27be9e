-- Idempotency keys of retried writes: the request's hash and the stored response.
CREATE TABLE idempotency_key
(
  scope         VARCHAR(100) NOT NULL,
  idem_key      VARCHAR(128) NOT NULL,
  request_hash  CHAR(64)     NOT NULL,
  status        INT          NOT NULL,
  response_body MEDIUMTEXT   NULL,
  created_at    TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (scope, idem_key),
  INDEX idempotency_key_by_created_at (created_at)
);
