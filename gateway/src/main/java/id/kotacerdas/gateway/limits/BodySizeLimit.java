package id.kotacerdas.gateway.limits;

import id.kotacerdas.gateway.GatewayProperties;
import id.kotacerdas.gateway.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Request bodies are small everywhere except where photos are posted. A declared Content-Length over the limit
 * is refused before anything is read; a streamed body without a length is read up to the limit first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimit implements WebFilter {

    private final long defaultMax;
    private final long largeMax;
    private final List<PathPattern> largePaths;

    public BodySizeLimit(GatewayProperties properties) {
        GatewayProperties.BodyLimits limits = properties.bodyLimits();
        this.defaultMax = limits.defaultMax().toBytes();
        this.largeMax = limits.largeMax().toBytes();
        this.largePaths = limits.largePaths() == null ? List.of()
                : limits.largePaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long max = limitFor(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > max) {
            return Mono.error(tooLarge(max));
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        // A streamed body of unknown length is read up to the limit before anything is forwarded: failing
        // half-way through proxying it would surface as a broken call instead of a clean 413.
        return DataBufferUtils.join(request.getBody(), (int) Math.min(max, Integer.MAX_VALUE))
                .map(BodySizeLimit::drain)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, tooBig -> tooLarge(max))
                .flatMap(body -> chain.filter(exchange.mutate().request(replaying(exchange, body)).build()));
    }

    private static byte[] drain(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private static ServerHttpRequest replaying(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequest sized = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body.length);
        }).build();
        return new ServerHttpRequestDecorator(sized) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }

    private long limitFor(ServerHttpRequest request) {
        if (request.getMethod() == HttpMethod.POST || request.getMethod() == HttpMethod.PUT) {
            PathContainer path = request.getPath().pathWithinApplication();
            if (largePaths.stream().anyMatch(pattern -> pattern.matches(path))) {
                return largeMax;
            }
        }
        return defaultMax;
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + max + " bytes allowed here.");
    }
}
