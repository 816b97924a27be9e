package io.unimember.common.risk;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a request tells about who is behind it: the member, the app's device fingerprint ({@code X-Device-Id}), the
 * client IP the gateway saw ({@code X-Client-Ip}; absent for callers on the gateway's own box) and, at registration,
 * the phone number. A header that is not well formed counts as absent: it is the client's word, never trusted
 * beyond being a key to count by.
 */
public record Signals(
        @Nullable String memberId, @Nullable String deviceId, @Nullable String clientIp, @Nullable String phone) {

    public static final String DEVICE_HEADER = "X-Device-Id";
    public static final String CLIENT_IP_HEADER = "X-Client-Ip";

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final int PHONE_PREFIX_LENGTH = 9;

    public Signals {
        deviceId = deviceId != null && DEVICE.matcher(deviceId).matches() ? deviceId : null;
        clientIp = clientIp != null && (isIpv4(clientIp) || isIpv6(clientIp)) ? clientIp : null;
        phone = phone != null && PHONE.matcher(phone).matches() ? phone : null;
    }

    /** The device and client IP of a request that reached a service through the gateway. */
    public static Signals of(HttpServletRequest request, @Nullable String memberId) {
        return new Signals(memberId, request.getHeader(DEVICE_HEADER), request.getHeader(CLIENT_IP_HEADER), null);
    }

    public Signals withMember(String memberId) {
        return new Signals(memberId, deviceId, clientIp, phone);
    }

    public Signals withPhone(String e164) {
        return new Signals(memberId, deviceId, clientIp, e164);
    }

    /** The key this request is counted under for {@code dimension}, or null when it did not say. */
    public @Nullable String value(Dimension dimension) {
        return switch (dimension) {
            case DEVICE -> deviceId;
            case IP_RANGE -> clientIp == null ? null : range(clientIp);
            case PHONE_PREFIX ->
                phone == null ? null : phone.substring(0, Math.min(PHONE_PREFIX_LENGTH, phone.length()));
            case MEMBER -> memberId;
        };
    }

    /** What the decision record keeps: the counted keys, never the full phone number. */
    public Map<String, String> recorded() {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            String value = value(dimension);
            if (value != null) {
                kept.put(dimension.name(), value);
            }
        }
        if (clientIp != null) {
            kept.put("CLIENT_IP", clientIp);
        }
        return kept;
    }

    private static String range(String ip) {
        var v4 = IPV4.matcher(ip);
        if (v4.matches()) {
            return v4.group(1) + "." + v4.group(2) + "." + v4.group(3) + ".0/24";
        }
        String[] groups = expandIpv6(ip);
        return groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48";
    }

    private static boolean isIpv4(String ip) {
        var v4 = IPV4.matcher(ip);
        if (!v4.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(v4.group(g)) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String ip) {
        if (!IPV6.matcher(ip).matches() || !ip.contains(":")) {
            return false;
        }
        try {
            expandIpv6(ip);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The eight groups of an IPv6 literal, lower case without leading zeros; throws when it is not one. */
    private static String[] expandIpv6(String ip) {
        int gap = ip.indexOf("::");
        if (gap != ip.lastIndexOf("::")) {
            throw new IllegalArgumentException("two :: in " + ip);
        }
        String[] head = gap < 0 ? ip.split(":", -1) : splitNonEmpty(ip.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : splitNonEmpty(ip.substring(gap + 2));
        int missing = 8 - head.length - tail.length;
        if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
            throw new IllegalArgumentException("not eight groups: " + ip);
        }
        String[] groups = new String[8];
        int i = 0;
        for (String group : head) {
            groups[i++] = group(group);
        }
        for (int m = 0; m < missing; m++) {
            groups[i++] = "0";
        }
        for (String group : tail) {
            groups[i++] = group(group);
        }
        return groups;
    }

    private static String[] splitNonEmpty(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    private static String group(String group) {
        if (group.isEmpty() || group.length() > 4) {
            throw new IllegalArgumentException("bad group " + group);
        }
        return Integer.toHexString(Integer.parseInt(group, 16));
    }
}
