package io.unimember.member.login;

import io.unimember.common.risk.Signals;
import io.unimember.common.web.ApiException;
import io.unimember.member.members.PhoneNumber;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * The members' sign-in page for the authorization server ({@code /login}): phone + OTP, checked exactly as the
 * login API checks them ({@link OtpLogin#signIn}), in a browser session that the authorize endpoint then reads. The
 * member's name in that session is their member id. Forms carry a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class MemberSignIn {

    static final String PAGE = "/login";

    @Bean
    @Order(2)
    SecurityFilterChain memberSignInChain(HttpSecurity http, OtpLogin otp) throws Exception {
        http.securityMatcher(PAGE, PAGE + "/**")
                .authenticationProvider(new OtpAuthentication(otp))
                .formLogin(form -> form.loginPage(PAGE)
                        .usernameParameter("phone")
                        .passwordParameter("otp")
                        .failureUrl(PAGE + "?error")
                        .permitAll())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Behind the gateway the browser's redirects of the sign-in flow (to {@code /login}, back to the authorize
     * endpoint) must name the public host it used: the gateway's {@code X-Forwarded-*} headers are honoured on these
     * paths only, so the entitlement lookup and every other API request skip the extra request wrapping.
     */
    @Bean
    FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeadersOfTheSignInFlow() {
        var registration = new FilterRegistrationBean<>(new ForwardedHeaderFilter());
        registration.addUrlPatterns(PAGE, PAGE + "/*", "/oauth2/*", "/userinfo");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** A phone and its code, as a username and password. */
    record OtpAuthentication(OtpLogin otp) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String phone = String.valueOf(authentication.getPrincipal());
            String code = String.valueOf(authentication.getCredentials());
            PhoneNumber number =
                    PhoneNumber.parse(phone).orElseThrow(() -> new BadCredentialsException("not a phone number"));
            if (!code.matches("\\d{6}")) {
                throw new BadCredentialsException("the code is 6 digits");
            }
            String memberId;
            try {
                memberId = otp.signIn(number, code, signals());
            } catch (ApiException | TooManyRequests | RegistrationUnderReview refused) {
                throw new BadCredentialsException(refused.getMessage(), refused);
            }
            // the factor tells the authorization server when the member authenticated (the ID token's auth_time)
            var signedIn = UsernamePasswordAuthenticationToken.authenticated(
                    memberId,
                    null,
                    List.of(
                            new SimpleGrantedAuthority("ROLE_MEMBER"),
                            FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY)));
            signedIn.setDetails(authentication.getDetails());
            return signedIn;
        }

        private static Signals signals() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                return Signals.of(attributes.getRequest(), null);
            }
            return new Signals(null, null, null, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
