package io.unimember.member.login;

import io.swagger.v3.oas.annotations.Hidden;
import io.unimember.member.members.PhoneNumber;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page an app sends a member to: ask for a code ({@code POST /login/code}), then sign in with it
 * ({@code POST /login}, handled by Spring Security's form login). Plain HTML, no script; nothing typed in is echoed
 * but the phone number as parsed.
 */
@Hidden
@RestController
class SignInPage {

    private final OtpLogin otp;

    SignInPage(OtpLogin otp) {
        this.otp = otp;
    }

    @GetMapping(value = MemberSignIn.PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(CsrfToken csrf, @RequestParam(required = false) @Nullable String error) {
        String message = error != null ? "The code is wrong, expired or locked. Ask for a new one." : null;
        return html(HttpStatus.OK, render(csrf, "", message, false));
    }

    @PostMapping(value = MemberSignIn.PAGE + "/code", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> sendCode(CsrfToken csrf, @RequestParam(defaultValue = "") String phone) {
        Optional<PhoneNumber> number = phone.length() > 20 ? Optional.empty() : PhoneNumber.parse(phone.trim());
        if (number.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, render(csrf, "", "That is not a mobile number.", false));
        }
        try {
            otp.sendCode(number.get());
        } catch (TooManyRequests e) {
            return html(
                    HttpStatus.TOO_MANY_REQUESTS,
                    render(csrf, number.get().e164(), "Too many codes: wait a little and try again.", true));
        }
        return html(
                HttpStatus.OK,
                render(
                        csrf,
                        number.get().e164(),
                        "A code was sent to " + number.get().masked(),
                        true));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    private static String render(CsrfToken csrf, String phone, @Nullable String message, boolean codeSent) {
        String token = "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
                + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        String value = HtmlUtils.htmlEscape(phone);
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in to Unimember</title>
                <style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}
                input,button{font-size:1rem;padding:.5rem;margin:.25rem 0;width:100%%;box-sizing:border-box}
                .message{padding:.5rem;background:#fff4e5}</style></head>
                <body><h1>Sign in to Unimember</h1>
                %s
                <form method="post" action="/login/code" id="send-code">%s
                <label for="code-phone">Mobile number</label>
                <input id="code-phone" name="phone" type="tel" autocomplete="tel" required value="%s">
                <button type="submit">%s</button></form>
                <form method="post" action="/login" id="sign-in">%s
                <input type="hidden" name="phone" value="%s">
                <label for="otp">Code</label>
                <input id="otp" name="otp" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required %s>
                <button type="submit">Sign in</button></form>
                </body></html>
                """
                .formatted(
                        message == null
                                ? ""
                                : "<p class=\"message\" role=\"status\">" + HtmlUtils.htmlEscape(message) + "</p>",
                        token,
                        value,
                        codeSent ? "Send a new code" : "Send code",
                        token,
                        value,
                        codeSent ? "autofocus" : "disabled");
    }
}
