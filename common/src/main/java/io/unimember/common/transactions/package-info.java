/** Small helpers around Spring's transactions. */
@NullMarked
package io.unimember.common.transactions;

import org.jspecify.annotations.NullMarked;
