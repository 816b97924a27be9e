/** The merchant open API: member data for merchants, only with the member's consent. */
@NullMarked
package io.unimember.member.open;

import org.jspecify.annotations.NullMarked;
