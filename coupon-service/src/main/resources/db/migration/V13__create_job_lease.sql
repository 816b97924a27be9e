-- One runner per window for jobs that must not run on two instances at once (decision 0046): the holder and until
-- when. A guarded update takes a free or lapsed lease; a runner that dies frees it by lapsing.
CREATE TABLE job_lease
(
  name        VARCHAR(64)  NOT NULL,
  holder      VARCHAR(128) NOT NULL,
  lease_until DATETIME(6)  NOT NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
