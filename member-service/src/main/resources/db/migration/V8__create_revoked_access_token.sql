-- Access tokens a member gave up before they expired (logout). The record behind the Redis copy that gateways and
-- member-service instances read; a row is useless after expires_at and is deleted then.
CREATE TABLE revoked_access_token
(
  jti        VARCHAR(64)  NOT NULL,
  member_id  VARCHAR(32)  NOT NULL,
  revoked_at DATETIME(6)  NOT NULL,
  expires_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (jti),
  INDEX revoked_access_token_by_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
