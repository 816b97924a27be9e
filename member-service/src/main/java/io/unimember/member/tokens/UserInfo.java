package io.unimember.member.tokens;

import io.unimember.common.security.Claims;
import io.unimember.member.members.MemberProfile;
import io.unimember.member.members.Members;
import java.time.ZoneOffset;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * OIDC {@code /userinfo} from the member's access token (already verified, revocation included, by the resource
 * server filter): the subject always, the nickname and registration time with {@code profile}. Never the phone
 * number. Read from the token rather than Spring's stored authorization, so a refreshed token works as well.
 */
final class UserInfo implements AuthenticationProvider {

    private final Members members;

    UserInfo(Members members) {
        this.members = members;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OidcUserInfoAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OidcUserInfoAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof JwtAuthenticationToken bearer)) {
            throw RefreshGrant.error(OAuth2ErrorCodes.INVALID_TOKEN, "a bearer access token is required");
        }
        Jwt jwt = bearer.getToken();
        String scope = jwt.getClaimAsString(Claims.SCOPE);
        String memberId = jwt.getClaimAsString(Claims.MEMBER_ID);
        if (scope == null || !java.util.List.of(scope.split(" ")).contains(OidcScopes.OPENID)) {
            throw RefreshGrant.error(OAuth2ErrorCodes.INSUFFICIENT_SCOPE, "the token lacks the openid scope");
        }
        if (memberId == null) {
            throw RefreshGrant.error(OAuth2ErrorCodes.INVALID_TOKEN, "the token is not a member's");
        }
        var info = OidcUserInfo.builder().subject(memberId).claim(Claims.MEMBER_ID, memberId);
        if (java.util.List.of(scope.split(" ")).contains(OidcScopes.PROFILE)) {
            members.profile(memberId).ifPresent(profile -> profile(info, profile));
        }
        return new OidcUserInfoAuthenticationToken(bearer, info.build());
    }

    private static void profile(OidcUserInfo.Builder info, MemberProfile profile) {
        if (profile.nickname() != null) {
            info.nickname(profile.nickname());
        }
        info.updatedAt(profile.registeredAt().atOffset(ZoneOffset.UTC).toString());
    }
}
