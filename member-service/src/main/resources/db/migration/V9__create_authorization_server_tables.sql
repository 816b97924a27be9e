-- Spring Authorization Server's records: an authorization per grant (codes, the consent's request, the tokens it
-- issued) and the scopes each member consented to per client. Its schema, with DATETIME(6) for the timestamps as in
-- every other table here (MariaDB's TIMESTAMP would update itself).
CREATE TABLE oauth2_authorization
(
  id                            VARCHAR(100)  NOT NULL,
  registered_client_id          VARCHAR(100)  NOT NULL,
  principal_name                VARCHAR(200)  NOT NULL,
  authorization_grant_type      VARCHAR(100)  NOT NULL,
  authorized_scopes             VARCHAR(1000) NULL,
  attributes                    BLOB          NULL,
  state                         VARCHAR(500)  NULL,
  authorization_code_value      BLOB          NULL,
  authorization_code_issued_at  DATETIME(6)   NULL,
  authorization_code_expires_at DATETIME(6)   NULL,
  authorization_code_metadata   BLOB          NULL,
  access_token_value            BLOB          NULL,
  access_token_issued_at        DATETIME(6)   NULL,
  access_token_expires_at       DATETIME(6)   NULL,
  access_token_metadata         BLOB          NULL,
  access_token_type             VARCHAR(100)  NULL,
  access_token_scopes           VARCHAR(1000) NULL,
  oidc_id_token_value           BLOB          NULL,
  oidc_id_token_issued_at       DATETIME(6)   NULL,
  oidc_id_token_expires_at      DATETIME(6)   NULL,
  oidc_id_token_metadata        BLOB          NULL,
  refresh_token_value           BLOB          NULL,
  refresh_token_issued_at       DATETIME(6)   NULL,
  refresh_token_expires_at      DATETIME(6)   NULL,
  refresh_token_metadata        BLOB          NULL,
  user_code_value               BLOB          NULL,
  user_code_issued_at           DATETIME(6)   NULL,
  user_code_expires_at          DATETIME(6)   NULL,
  user_code_metadata            BLOB          NULL,
  device_code_value             BLOB          NULL,
  device_code_issued_at         DATETIME(6)   NULL,
  device_code_expires_at        DATETIME(6)   NULL,
  device_code_metadata          BLOB          NULL,
  PRIMARY KEY (id),
  INDEX oauth2_authorization_by_state (state(100))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE oauth2_authorization_consent
(
  registered_client_id VARCHAR(100)  NOT NULL,
  principal_name       VARCHAR(200)  NOT NULL,
  authorities          VARCHAR(1000) NOT NULL,
  PRIMARY KEY (registered_client_id, principal_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Apps members sign in to (kind MEMBER_APP) have redirect URIs and a name the consent page shows; a public app (a
-- mini-program) has no secret. A disabled client authenticates no more.
ALTER TABLE oauth_client
  MODIFY secret_hash VARCHAR(128) NULL,
  ADD COLUMN client_name   VARCHAR(100)  NULL,
  ADD COLUMN redirect_uris VARCHAR(1000) NULL,
  ADD COLUMN disabled_at   DATETIME(6)   NULL;

-- A refresh family belongs to the client it was issued to (NULL: the first-party app's phone login), and remembers
-- the access tokens issued with it, so reusing a spent refresh token revokes those too.
ALTER TABLE refresh_family
  ADD COLUMN client_id VARCHAR(64) NULL;

CREATE TABLE refresh_family_access_token
(
  family_id  VARCHAR(100) NOT NULL,
  jti        VARCHAR(64)  NOT NULL,
  expires_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (family_id, jti),
  INDEX refresh_family_access_token_by_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Revocation (RFC 7009) also revokes client tokens: the subject is a client id, longer than a member id.
ALTER TABLE revoked_access_token
  MODIFY member_id VARCHAR(128) NOT NULL;
