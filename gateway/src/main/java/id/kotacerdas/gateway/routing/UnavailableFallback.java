package id.kotacerdas.gateway.routing;

import id.kotacerdas.gateway.observability.RequestTracing;
import id.kotacerdas.gateway.problem.ProblemWriter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * Where an open or failing circuit breaker forwards: a 503 problem telling the caller to come back. Why the
 * backend call failed goes to the log (an open breaker only at debug: the failures that opened it were logged).
 */
@Configuration
public class UnavailableFallback {

    static final String PATH = "/_gateway/unavailable";
    private static final Logger log = LoggerFactory.getLogger(UnavailableFallback.class);

    @Bean
    RouterFunction<ServerResponse> unavailableFallbackRoute() {
        return RouterFunctions.route(request -> request.path().equals(PATH), request -> {
            logCause(request.exchange());
            return ServerResponse
                    .status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .bodyValue(ProblemWriter.problem(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                            "The service behind this path is unavailable; try again shortly.", null));
        });
    }

    private static void logCause(ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof CallNotPermittedException) {
            log.debug("{} answered 503: {}", RequestTracing.requestedPath(exchange), cause.getMessage());
        } else if (cause != null) {
            log.atWarn().addKeyValue("http.request.id", RequestTracing.requestId(exchange))
                    .addKeyValue("error.type", cause.getClass().getName())
                    .log("{} answered 503: the backend call failed: {}", RequestTracing.requestedPath(exchange),
                            cause.toString());
        }
    }
}
