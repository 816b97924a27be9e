-- Monthly settlement periods (Asia/Shanghai). A row exists once anything was posted to or closed in the month.
-- Posting takes a shared lock on its period's row and closing an exclusive one, so nothing enters a closing period.
CREATE TABLE settlement_period
(
  period_key    CHAR(7)      NOT NULL, -- yyyy-MM
  status        VARCHAR(8)   NOT NULL, -- OPEN | CLOSED
  closed_at     DATETIME(6)  NULL,
  closed_by     VARCHAR(100) NULL,
  posting_count BIGINT       NULL,
  line_count    BIGINT       NULL,
  gross_fen     BIGINT       NULL,     -- sum of receivable lines at close
  PRIMARY KEY (period_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Bilateral net positions frozen at close: from_party owes to_party net_fen (>= 0) for the period.
CREATE TABLE period_net_position
(
  period_key CHAR(7)     NOT NULL,
  from_party VARCHAR(32) NOT NULL,
  to_party   VARCHAR(32) NOT NULL,
  net_fen    BIGINT      NOT NULL,
  PRIMARY KEY (period_key, from_party, to_party),
  CONSTRAINT period_net_position_period FOREIGN KEY (period_key) REFERENCES settlement_period (period_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
