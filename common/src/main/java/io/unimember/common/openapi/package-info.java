/**
 * The published contract: one springdoc customization every service gets, so the OpenAPI documents name the gateway,
 * declare each operation's security and every response it can give (errors as the shared {@code Problem}), and say
 * what the validators check (nullability, ECMA-262 patterns). A new controller gets all of it without a line.
 */
@NullMarked
package io.unimember.common.openapi;

import org.jspecify.annotations.NullMarked;
