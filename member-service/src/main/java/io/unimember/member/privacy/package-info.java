/**
 * A member's rights over their data (个人信息保护法): a copy of it ({@code GET /api/v1/members/me/export}) and the
 * deletion of their account ({@code DELETE /api/v1/members/me}). Consents are listed and withdrawn in
 * {@code consents}.
 */
@NullMarked
package io.unimember.member.privacy;

import org.jspecify.annotations.NullMarked;
