/** The OAuth2 client registry (BUs, merchants, admin) and the business units they belong to. */
@NullMarked
package io.unimember.member.clients;

import org.jspecify.annotations.NullMarked;
