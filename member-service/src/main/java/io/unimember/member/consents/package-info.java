/** A member's grants to merchants to read their data, and the check the open API makes before every read. */
@NullMarked
package io.unimember.member.consents;

import org.jspecify.annotations.NullMarked;
