package id.kotacerdas.support.web;

import id.kotacerdas.contracts.identity.CallerHeaders;
import id.kotacerdas.support.outbox.OutboxMessage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Puts the request id and W3C trace id into the logging context (and so into every structured log line
 * and every event the request raises), and echoes {@code X-Request-Id}.
 */
public class RequestCorrelationFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_MDC_KEY = "requestId";
    public static final String TRACE_ID_MDC_KEY = "traceId";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(CallerHeaders.REQUEST_ID);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        String traceparent = request.getHeader(CallerHeaders.TRACEPARENT);
        var match = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
        try {
            MDC.put(REQUEST_ID_MDC_KEY, requestId);
            if (match != null && match.matches()) {
                MDC.put(TRACE_ID_MDC_KEY, match.group(1));
                MDC.put(OutboxMessage.TRACEPARENT_MDC_KEY, traceparent);
            }
            response.setHeader(CallerHeaders.REQUEST_ID, requestId);
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID_MDC_KEY);
            MDC.remove(TRACE_ID_MDC_KEY);
            MDC.remove(OutboxMessage.TRACEPARENT_MDC_KEY);
        }
    }
}
