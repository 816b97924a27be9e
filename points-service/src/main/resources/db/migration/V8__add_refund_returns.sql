-- Refunds give spent points back (decision 0036): each hold's allocation to a lot counts what refunds returned on it,
-- so it never gives back more than it took; a refund records the points it gave back; a refund finds the holds
-- confirmed on its order by (bu, order_ref).
ALTER TABLE lot_allocation ADD COLUMN returned BIGINT NOT NULL DEFAULT 0;

ALTER TABLE order_refund ADD COLUMN points_returned BIGINT NOT NULL DEFAULT 0;

CREATE INDEX points_hold_by_order ON points_hold (bu, order_ref);
