@NullMarked
package io.unimember.gateway.downstream;

import org.jspecify.annotations.NullMarked;
