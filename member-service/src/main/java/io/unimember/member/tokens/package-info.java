/**
 * The token service: RS256 access tokens minted with jjwt under rotating keys, opaque refresh tokens with rotation
 * and family revocation, the JWKS and discovery documents, and the decoder member-service uses to check its own
 * tokens without calling itself.
 */
@NullMarked
package io.unimember.member.tokens;

import org.jspecify.annotations.NullMarked;
