-- Operators are people: a password (hashed) and a TOTP secret (encrypted) each, one role, a BU for a BU admin.
-- last_totp_step keeps a code from being used twice; failed attempts lock the account for a while.
CREATE TABLE operator
(
  operator_id     VARCHAR(32)  NOT NULL,
  username        VARCHAR(64)  NOT NULL,
  role            VARCHAR(16)  NOT NULL,
  bu              VARCHAR(32)  NULL,
  password_hash   VARCHAR(128) NOT NULL,
  totp_secret_enc TEXT         NOT NULL,
  last_totp_step  BIGINT       NOT NULL,
  failed_attempts INT          NOT NULL,
  locked_until    DATETIME(6)  NULL,
  created_at      DATETIME(6)  NOT NULL,
  disabled_at     DATETIME(6)  NULL,
  PRIMARY KEY (operator_id),
  UNIQUE KEY operator_by_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every admin write: who (an operator or, in the demo, the admin client), when, what, and the state around it.
CREATE TABLE admin_audit
(
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  at          DATETIME(6)  NOT NULL,
  actor       VARCHAR(64)  NOT NULL,
  actor_kind  VARCHAR(16)  NOT NULL,
  role        VARCHAR(16)  NOT NULL,
  action      VARCHAR(64)  NOT NULL,
  target      VARCHAR(128) NOT NULL,
  before_json TEXT         NULL,
  after_json  TEXT         NULL,
  PRIMARY KEY (id),
  INDEX admin_audit_by_actor (actor, id),
  INDEX admin_audit_by_action (action, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
