@NullMarked
package io.unimember.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
