package io.unimember.member.members;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form. Accepts a mainland China mobile number ({@code 13812341234}, taken as
 * {@code +8613812341234}) or any E.164 number; anything else is not a phone number.
 */
public record PhoneNumber(String e164) {

    /** For Bean Validation on requests: the forms {@link #parse} accepts. */
    public static final String REGEX = "1[3-9]\\d{9}|\\+[1-9]\\d{6,14}";

    private static final Pattern CHINA_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    public static Optional<PhoneNumber> parse(String raw) {
        if (CHINA_MOBILE.matcher(raw).matches()) {
            return Optional.of(new PhoneNumber("+86" + raw));
        }
        if (E164.matcher(raw).matches()) {
            return Optional.of(new PhoneNumber(raw));
        }
        return Optional.empty();
    }

    /** What may be shown: {@code 138****1234} for a China mobile, else the first four and last four characters. */
    public String masked() {
        if (e164.startsWith("+86") && e164.length() == 14) {
            String local = e164.substring(3);
            return local.substring(0, 3) + "****" + local.substring(7);
        }
        return e164.substring(0, 4) + "****" + e164.substring(e164.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
