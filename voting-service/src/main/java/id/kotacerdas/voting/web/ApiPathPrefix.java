package id.kotacerdas.voting.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every election endpoint lives under {@code /api/v1}, as the gateway routes them; actuator and docs do not. */
@Configuration(proxyBeanMethods = false)
class ApiPathPrefix implements WebMvcConfigurer {

    static final String PREFIX = "/api/v1";

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(PREFIX, controller -> controller.isAnnotationPresent(RestController.class)
                && controller.getPackageName().startsWith("id.kotacerdas.voting"));
    }
}
