/** Members: registration by phone (hashed, masked, encrypted; never kept in clear) and their profile data. */
@NullMarked
package io.unimember.member.members;

import org.jspecify.annotations.NullMarked;
