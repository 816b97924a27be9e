/**
 * The entitlement lookup's lean path through the gateway: the one request every app, checkout and POS makes
 * thousands of times a second, proxied on Reactor Netty's own objects with the gateway's rules (decision 0016).
 */
@NullMarked
package io.unimember.gateway.lookup;

import org.jspecify.annotations.NullMarked;
