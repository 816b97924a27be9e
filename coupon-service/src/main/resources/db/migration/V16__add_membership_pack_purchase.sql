-- The paid purchase whose period the pack belongs to (from membership.activated|renewed). Coupons issued for it name
-- it in their source, so a month whose coupons a refund took back can be issued again to a later purchase
-- (decision 0065). NULL for packs projected before it was kept.
ALTER TABLE membership_pack ADD COLUMN purchase_id VARCHAR(64) NULL;
