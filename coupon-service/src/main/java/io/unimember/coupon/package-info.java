@NullMarked
package io.unimember.coupon;

import org.jspecify.annotations.NullMarked;
