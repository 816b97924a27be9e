/**
 * The web pages the gateway serves itself: the member center at {@code /} and the merchant POS at
 * {@code /merchant}, built by the {@code web} module into {@code META-INF/unimember-web/}. They call the same
 * public API as any client.
 */
@NullMarked
package io.unimember.gateway.site;

import org.jspecify.annotations.NullMarked;
