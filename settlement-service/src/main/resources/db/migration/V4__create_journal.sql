-- The settlement journal: append-only, double-entry. One posting per source event (unique on event_id); a
-- correction is a reversing posting (reverses_posting_id), never an update or delete.
CREATE TABLE posting
(
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  event_id            CHAR(36)     NOT NULL,
  event_type          VARCHAR(64)  NOT NULL,
  benefit_type        VARCHAR(16)  NOT NULL, -- COUPON | POINTS
  source_ref          VARCHAR(128) NOT NULL, -- couponId or holdId
  order_ref           VARCHAR(128) NULL,
  member_id           VARCHAR(64)  NOT NULL,
  used_at             DATETIME(6)  NOT NULL, -- when the benefit was used (UTC): decides price and usage period
  usage_period        CHAR(7)      NOT NULL,
  posting_period      CHAR(7)      NOT NULL, -- usage period, or the next open one when that was closed
  reverses_posting_id BIGINT       NULL,
  posted_at           DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY posting_by_event (event_id),
  UNIQUE KEY posting_reversed_once (reverses_posting_id),
  KEY posting_by_posting_period (posting_period),
  CONSTRAINT posting_reverses FOREIGN KEY (reverses_posting_id) REFERENCES posting (id),
  CONSTRAINT posting_in_period FOREIGN KEY (posting_period) REFERENCES settlement_period (period_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- What a posting settles between one owing and one owed party: face value, the price applied, the amount.
-- An item whose parties are the same settles nothing (amount 0, no lines) but keeps the redemption on record.
CREATE TABLE posting_item
(
  id             BIGINT      NOT NULL AUTO_INCREMENT,
  posting_id     BIGINT      NOT NULL,
  benefit_type   VARCHAR(16) NOT NULL,
  owing_party    VARCHAR(32) NOT NULL,
  owed_party     VARCHAR(32) NOT NULL,
  face_fen       BIGINT      NOT NULL, -- negative in a reversal
  rate_bp        INT         NOT NULL,
  price_id       BIGINT      NULL,     -- NULL: the default rate applied
  amount_fen     BIGINT      NOT NULL, -- negative in a reversal
  usage_period   CHAR(7)     NOT NULL,
  posting_period CHAR(7)     NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY posting_item_pair (posting_id, owing_party, owed_party),
  KEY posting_item_by_usage (usage_period, benefit_type, owing_party, owed_party),
  CONSTRAINT posting_item_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
  CONSTRAINT posting_item_owing FOREIGN KEY (owing_party) REFERENCES party (code),
  CONSTRAINT posting_item_owed FOREIGN KEY (owed_party) REFERENCES party (code),
  CONSTRAINT posting_item_price FOREIGN KEY (price_id) REFERENCES settlement_price (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The double entry: per cross-party item the owing party's PAYABLE line (-amount) and the owed party's RECEIVABLE
-- line (+amount). Every posting's lines, and so every period's, sum to zero.
CREATE TABLE journal_line
(
  id             BIGINT      NOT NULL AUTO_INCREMENT,
  posting_id     BIGINT      NOT NULL,
  item_id        BIGINT      NOT NULL,
  party          VARCHAR(32) NOT NULL,
  counterparty   VARCHAR(32) NOT NULL,
  account        VARCHAR(16) NOT NULL, -- RECEIVABLE | PAYABLE
  amount_fen     BIGINT      NOT NULL, -- + the party is owed, - the party owes
  posting_period CHAR(7)     NOT NULL,
  PRIMARY KEY (id),
  KEY journal_line_by_party (posting_period, party, id),
  CONSTRAINT journal_line_posting FOREIGN KEY (posting_id) REFERENCES posting (id),
  CONSTRAINT journal_line_item FOREIGN KEY (item_id) REFERENCES posting_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
