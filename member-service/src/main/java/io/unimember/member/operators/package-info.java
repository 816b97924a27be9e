/**
 * Operators are people: accounts with a password and a TOTP second factor, a role each (a BU admin for one BU),
 * managed by operators, signing in for a short-lived admin token.
 */
@NullMarked
package io.unimember.member.operators;

import org.jspecify.annotations.NullMarked;
