package id.kotacerdas.gateway.limits;

import id.kotacerdas.gateway.problem.Problem;
import id.kotacerdas.gateway.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses request targets no service should see, with a problem answer of the gateway's own rather than a
 * servlet container's HTML page: paths that smuggle separators or NUL through percent-encoding, dot segments,
 * percent-encoding that is not UTF-8, characters URLs may not carry raw, and over-long targets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RequestTargetCheck implements WebFilter {

    static final int MAX_TARGET_LENGTH = 4096;
    private static final Pattern SMUGGLED_IN_PATH = Pattern.compile("%(2[fF]|5[cC]|00|2[eE])");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");
    private static final Pattern RAW_UNSAFE = Pattern.compile("[\\[\\]{}|\\\\^`<>\"\\s]");
    private static final Pattern PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        int length = (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
        if (length > MAX_TARGET_LENGTH) {
            return Mono.error(new ProblemException(HttpStatus.URI_TOO_LONG,
                    "The request target is longer than " + MAX_TARGET_LENGTH + " characters."));
        }
        if (path != null && (SMUGGLED_IN_PATH.matcher(path).find() || DOT_SEGMENT.matcher(path).find()
                || !wellFormed(path))) {
            return Mono.error(invalid("path", "contains an encoded separator, NUL, a dot segment or invalid UTF-8"));
        }
        if (query != null && !wellFormed(query)) {
            return Mono.error(invalid("query", "contains characters a URL cannot carry or invalid UTF-8"));
        }
        return chain.filter(exchange);
    }

    private static boolean wellFormed(String raw) {
        if (RAW_UNSAFE.matcher(raw).find() || PERCENT.matcher(raw).find()) {
            return false;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.put((byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x7f) {
                return false;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return decoded.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static ProblemException invalid(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "The request target is malformed: " + field + " " + reason + ".",
                List.of(new Problem.FieldError(field, reason)));
    }
}
