@NullMarked
package io.unimember.gateway;

import org.jspecify.annotations.NullMarked;
