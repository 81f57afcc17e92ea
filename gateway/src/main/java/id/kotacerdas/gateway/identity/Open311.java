package id.kotacerdas.gateway.identity;

import org.springframework.http.server.reactive.ServerHttpRequest;

final class Open311 {

    static final String PATH_PREFIX = "/open311/";

    private Open311() {
    }

    static boolean isOpen311(ServerHttpRequest request) {
        return request.getPath().value().startsWith(PATH_PREFIX);
    }
}
