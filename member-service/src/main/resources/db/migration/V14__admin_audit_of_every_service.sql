-- The audit log holds every service's admin writes (admin.action_recorded on admin.events.v1), so each row names
-- the service the write was made in; the rows before this were all member-service's.
ALTER TABLE admin_audit ADD COLUMN service VARCHAR(32) NOT NULL DEFAULT 'member-service';
CREATE INDEX admin_audit_by_service ON admin_audit (service, id);
