package io.unimember.common.events;

/** How many of the spent points a BU issued; settlement charges each issuing BU for its share. */
public record SpentLot(String issuingBu, long points) {}
