-- OAuth2 clients (BUs, merchants, admin). The secret is stored only as a password hash and shown once.
CREATE TABLE oauth_client
(
  client_id   VARCHAR(64)  NOT NULL,
  secret_hash VARCHAR(128) NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  bu          VARCHAR(32)  NULL,
  merchant_id VARCHAR(64)  NULL,
  scopes      VARCHAR(255) NOT NULL,
  created_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (client_id),
  INDEX oauth_client_by_merchant (merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
