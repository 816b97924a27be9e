-- RS256 signing keys. Exactly one is active (the unique index allows many NULLs); a rotated-out key loses its
-- private half at once and leaves the JWKS at retire_at, after every token it signed has expired.
CREATE TABLE signing_key
(
  kid             VARCHAR(64)  NOT NULL,
  public_key      TEXT         NOT NULL,
  private_key_enc TEXT         NULL,
  active          TINYINT      NULL,
  created_at      DATETIME(6)  NOT NULL,
  deactivated_at  DATETIME(6)  NULL,
  retire_at       DATETIME(6)  NULL,
  PRIMARY KEY (kid),
  UNIQUE KEY signing_key_one_active (active)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Refresh tokens are opaque random strings stored as SHA-256. Each login starts a family; every refresh uses the
-- presented token up and issues the next one in the family; presenting a used token again revokes the family.
CREATE TABLE refresh_family
(
  family_id      VARCHAR(40)  NOT NULL,
  member_id      VARCHAR(32)  NOT NULL,
  created_at     DATETIME(6)  NOT NULL,
  revoked_at     DATETIME(6)  NULL,
  revoked_reason VARCHAR(32)  NULL,
  PRIMARY KEY (family_id),
  INDEX refresh_family_by_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE refresh_token
(
  token_hash CHAR(64)     NOT NULL,
  family_id  VARCHAR(40)  NOT NULL,
  member_id  VARCHAR(32)  NOT NULL,
  scope      VARCHAR(255) NOT NULL,
  issued_at  DATETIME(6)  NOT NULL,
  expires_at DATETIME(6)  NOT NULL,
  used_at    DATETIME(6)  NULL,
  PRIMARY KEY (token_hash),
  INDEX refresh_token_by_family (family_id),
  INDEX refresh_token_by_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
