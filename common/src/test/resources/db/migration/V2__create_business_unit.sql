CREATE TABLE business_unit (code VARCHAR(32) NOT NULL PRIMARY KEY, is_scene BOOLEAN NOT NULL);
INSERT INTO business_unit (code, is_scene) VALUES ('DINE_IN', TRUE), ('PLATFORM', FALSE);
