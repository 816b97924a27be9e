@NullMarked
package io.unimember.gateway.headers;

import org.jspecify.annotations.NullMarked;
