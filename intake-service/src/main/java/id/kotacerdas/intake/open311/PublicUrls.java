package id.kotacerdas.intake.open311;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute URLs as clients reach them through the gateway ({@code PUBLIC_BASE_URL}). */
@Component
class PublicUrls {

    private final String base;

    PublicUrls(@Value("${kotacerdas.intake.open311.public-base-url:${PUBLIC_BASE_URL:http://localhost:8080}}")
               String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String of(String path) {
        return path.startsWith("http://") || path.startsWith("https://") ? path : base + path;
    }
}
