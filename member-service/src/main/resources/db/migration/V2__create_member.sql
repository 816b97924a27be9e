-- Members. The phone is never stored in clear: an HMAC (keyed by a configured pepper) to find a member by phone,
-- a masked copy to show, and an AES-GCM ciphertext for the rare case someone must reach the member.
CREATE TABLE member
(
  member_id     VARCHAR(32)  NOT NULL,
  phone_hash    CHAR(64)     NOT NULL,
  phone_masked  VARCHAR(24)  NOT NULL,
  phone_enc     VARCHAR(255) NOT NULL,
  nickname      VARCHAR(64)  NULL,
  birthday      DATE         NULL,
  registered_at DATETIME(6)  NOT NULL,
  updated_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (member_id),
  UNIQUE KEY member_by_phone (phone_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One-ID: a BU's own account id bound to the member it belongs to. An external id belongs to one member.
CREATE TABLE bu_account
(
  bu                  VARCHAR(32)  NOT NULL,
  external_account_id VARCHAR(64)  NOT NULL,
  member_id           VARCHAR(32)  NOT NULL,
  bound_at            DATETIME(6)  NOT NULL,
  PRIMARY KEY (bu, external_account_id),
  INDEX bu_account_by_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
