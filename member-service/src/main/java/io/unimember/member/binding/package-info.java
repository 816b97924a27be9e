/** One-ID: a BU resolves a phone to the member id, registering if needed, and binds its own account id. */
@NullMarked
package io.unimember.member.binding;

import org.jspecify.annotations.NullMarked;
