/**
 * Who operates the platform and what they did: the audit trail of every admin write, member-service's own
 * ({@link io.unimember.member.admin.AuditLog}) and the other services' ({@link
 * io.unimember.member.admin.AdminEventsListener}), read at {@code GET /api/v1/admin/audit}. The roles an admin
 * endpoint admits are common's ({@link io.unimember.common.admin.AdminAccess}).
 */
@NullMarked
package io.unimember.member.admin;

import org.jspecify.annotations.NullMarked;
