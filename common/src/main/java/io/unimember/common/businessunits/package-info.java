/** The business units a service knows, as data: its {@code business_unit} table, held in memory. */
@NullMarked
package io.unimember.common.businessunits;

import org.jspecify.annotations.NullMarked;
