package id.kotacerdas.gateway.identity;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Open311 clients may send {@code api_key} as a form field of a POST. The form is read (it is small: the body
 * limit ran before), the key is moved into {@code X-API-Key}, and the untouched body is replayed to the service.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class Open311FormApiKey implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!Open311.isOpen311(request) || request.getMethod() != HttpMethod.POST
                || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(request.getHeaders().getContentType())
                || request.getHeaders().containsHeader(ApiKeys.HEADER)
                || request.getQueryParams().containsKey(ApiKeys.OPEN311_PARAMETER)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(exchange.mutate().request(replaying(exchange, body)).build()));
    }

    private static ServerHttpRequest replaying(ServerWebExchange exchange, byte[] body) {
        String apiKey = formField(new String(body, StandardCharsets.UTF_8));
        ServerHttpRequest withKey = apiKey == null ? exchange.getRequest()
                : exchange.getRequest().mutate().header(ApiKeys.HEADER, apiKey).build();
        return new ServerHttpRequestDecorator(withKey) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }

    private static String formField(String form) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (ApiKeys.OPEN311_PARAMETER.equals(name) && equals >= 0) {
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
