/**
 * Who operates the platform and what they did: the roles an admin endpoint admits ({@link AdminAccess}) and the
 * audit trail of every admin write ({@link AdminAudit}, {@code GET /api/v1/admin/audit}).
 */
@NullMarked
package io.unimember.member.admin;

import org.jspecify.annotations.NullMarked;
