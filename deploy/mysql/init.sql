-- Runs once, when the compose MySQL volume is empty (docker-entrypoint-initdb.d), as root, after the image has
-- created the application user from MYSQL_USER / MYSQL_PASSWORD (compose.yaml). One schema per service; each
-- service migrates its own schema with Flyway at start.
CREATE DATABASE IF NOT EXISTS `member` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS `points` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS `coupon` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS `tier` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS `settlement` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;

-- In production each service gets its own user limited to its own schema; on one compose box one user will do.
GRANT ALL PRIVILEGES ON `member`.* TO 'unimember'@'%';
GRANT ALL PRIVILEGES ON `points`.* TO 'unimember'@'%';
GRANT ALL PRIVILEGES ON `coupon`.* TO 'unimember'@'%';
GRANT ALL PRIVILEGES ON `tier`.* TO 'unimember'@'%';
GRANT ALL PRIVILEGES ON `settlement`.* TO 'unimember'@'%';
FLUSH PRIVILEGES;
