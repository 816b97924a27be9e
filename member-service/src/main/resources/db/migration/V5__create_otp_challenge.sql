-- One-time login codes, per phone hash: the code only as an HMAC, a short expiry, and wrong-attempt counting that
-- locks the phone for a while.
CREATE TABLE otp_challenge
(
  phone_hash      CHAR(64)    NOT NULL,
  code_hash       CHAR(64)    NULL,
  expires_at      DATETIME(6) NULL,
  failed_attempts INT         NOT NULL DEFAULT 0,
  locked_until    DATETIME(6) NULL,
  updated_at      DATETIME(6) NOT NULL,
  PRIMARY KEY (phone_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
