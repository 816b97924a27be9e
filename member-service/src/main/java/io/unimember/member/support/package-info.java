/** Small, stable helpers several features share: secret-keyed hashing, encryption at rest, random ids. */
@NullMarked
package io.unimember.member.support;

import org.jspecify.annotations.NullMarked;
