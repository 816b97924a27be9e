package io.unimember.coupon.campaigns;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** An A/B split: this share of the members a campaign fires for is held out (assigned, recorded, given nothing). */
public record Split(@NotNull @Min(1) @Max(90) Integer holdoutPercent) {

    /** The member's arm, the same on every instance and every evaluation: a hash of campaign and member. */
    boolean holdsOut(String campaignId, String memberId) {
        CRC32 crc = new CRC32();
        crc.update((campaignId + '/' + memberId).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < holdoutPercent;
    }
}
