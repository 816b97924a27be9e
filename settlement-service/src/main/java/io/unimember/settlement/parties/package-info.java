/** The settling parties: the business units and the platform, kept as data. */
@NullMarked
package io.unimember.settlement.parties;

import org.jspecify.annotations.NullMarked;
