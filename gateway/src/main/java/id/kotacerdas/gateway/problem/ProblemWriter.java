package id.kotacerdas.gateway.problem;

import id.kotacerdas.gateway.observability.RequestTracing;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Writes the gateway's own error answers as application/problem+json. */
@Component
public class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, null);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail,
                            List<Problem.FieldError> errors) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = JSON.writeValueAsBytes(problem(exchange, status, detail, errors));
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    public static Problem problem(ServerWebExchange exchange, HttpStatus status, String detail,
                                  List<Problem.FieldError> errors) {
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail,
                RequestTracing.requestedPath(exchange), RequestTracing.requestId(exchange),
                errors == null || errors.isEmpty() ? null : errors);
    }
}
