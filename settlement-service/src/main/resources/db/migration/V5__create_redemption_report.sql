-- The independent tally for reconciliation: what points- and coupon-service reported as redeemed, recorded straight
-- from the raw events by a second consumer, one row per (event, owing party, owed party). Party codes are kept as
-- reported (no reference to party), so an event the journal refuses still shows up here.
CREATE TABLE redemption_report
(
  event_id     CHAR(36)     NOT NULL,
  benefit_type VARCHAR(16)  NOT NULL,
  from_party   VARCHAR(32)  NOT NULL,
  to_party     VARCHAR(32)  NOT NULL,
  face_fen     BIGINT       NOT NULL,
  source_ref   VARCHAR(128) NOT NULL,
  used_at      DATETIME(6)  NOT NULL,
  usage_period CHAR(7)      NOT NULL,
  reported_by  VARCHAR(64)  NOT NULL,
  recorded_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (event_id, from_party, to_party),
  KEY redemption_report_by_usage (usage_period, benefit_type, from_party, to_party)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
