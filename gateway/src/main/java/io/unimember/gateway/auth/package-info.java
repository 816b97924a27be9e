@NullMarked
package io.unimember.gateway.auth;

import org.jspecify.annotations.NullMarked;
