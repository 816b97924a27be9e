/**
 * Phone login: one-time codes (rate-limited per phone, stored only as a keyed hash, locked after repeated wrong
 * guesses) and the login that registers a member on first success and answers with tokens.
 */
@NullMarked
package io.unimember.member.login;

import org.jspecify.annotations.NullMarked;
