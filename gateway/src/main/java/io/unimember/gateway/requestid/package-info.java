@NullMarked
package io.unimember.gateway.requestid;

import org.jspecify.annotations.NullMarked;
