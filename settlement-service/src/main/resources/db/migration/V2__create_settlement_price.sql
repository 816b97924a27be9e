-- Virtual settlement prices: versions of a rate (basis points of face value) per (benefit type, owing party, owed
-- party). A version is never changed; the one in force at a usage time is the latest with effective_from <= it.
CREATE TABLE settlement_price
(
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  benefit_type   VARCHAR(16)  NOT NULL, -- COUPON | POINTS
  from_party     VARCHAR(32)  NOT NULL, -- the party that owes
  to_party       VARCHAR(32)  NOT NULL, -- the party that is owed
  rate_bp        INT          NOT NULL,
  effective_from DATETIME(6)  NOT NULL, -- UTC
  created_at     DATETIME(6)  NOT NULL,
  created_by     VARCHAR(100) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY settlement_price_version (benefit_type, from_party, to_party, effective_from),
  CONSTRAINT settlement_price_from FOREIGN KEY (from_party) REFERENCES party (code),
  CONSTRAINT settlement_price_to FOREIGN KEY (to_party) REFERENCES party (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
