-- The tally records refunds' reversals too (decision 0038), at the usage period of what they reverse: a returned
-- coupon finds its redemption by source_ref (the coupon id), a points refund its order's redemptions by order_ref.
ALTER TABLE redemption_report ADD COLUMN order_ref VARCHAR(128) NULL;

CREATE INDEX redemption_report_by_source ON redemption_report (source_ref);

CREATE INDEX redemption_report_by_order ON redemption_report (order_ref);
