-- A member's grant to one merchant to read their membership data through the open API; revoking deletes it.
CREATE TABLE member_consent
(
  member_id   VARCHAR(32) NOT NULL,
  merchant_id VARCHAR(64) NOT NULL,
  granted_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id, merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
