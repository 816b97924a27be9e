-- The inbox: which events each consumer has applied, written in the same transaction as the change.
CREATE TABLE processed_event
(
  consumer     VARCHAR(100) NOT NULL,
  event_id     CHAR(36)     NOT NULL,
  event_type   VARCHAR(100) NOT NULL,
  processed_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (consumer, event_id)
);
