@NullMarked
package io.unimember.gateway.identity;

import org.jspecify.annotations.NullMarked;
