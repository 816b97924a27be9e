/** A member reads and edits their own profile. */
@NullMarked
package io.unimember.member.profile;

import org.jspecify.annotations.NullMarked;
