package id.kotacerdas.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself produces (no route, no healthy instance, too large, failures) becomes a
 * problem document; runs before Boot's default handler.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemWriter problems;

    public GatewayErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ProblemException problem) {
            return problems.write(exchange, problem.status(), problem.getMessage(), problem.errors());
        }
        if (error instanceof DataBufferLimitException) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
        }
        if (error instanceof ResponseStatusException statusError) {
            HttpStatus status = HttpStatus.resolve(statusError.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            return problems.write(exchange, status, detailFor(status, statusError));
        }
        log.atError().setCause(error).addKeyValue("http.request.method", exchange.getRequest().getMethod().name())
                .addKeyValue("url.path", exchange.getRequest().getPath().value())
                .log("Gateway failure");
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed to handle the request.");
    }

    private static String detailFor(HttpStatus status, ResponseStatusException error) {
        return switch (status) {
            case NOT_FOUND -> "No API is published at this path.";
            case SERVICE_UNAVAILABLE -> "The service behind this path is unavailable; try again shortly.";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            default -> error.getReason() != null ? error.getReason() : status.getReasonPhrase();
        };
    }
}
