package id.kotacerdas.localstack.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One Spring Boot service of the platform, run from its executable jar on a fixed port. */
public record ServiceSpec(String name, int port) {

    /** In start order: the gateway last, so its routes find the services it fronts already up. */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("intake-service", 8081),
            new ServiceSpec("routing-service", 8082),
            new ServiceSpec("notification-service", 8083),
            new ServiceSpec("voting-service", 8084),
            new ServiceSpec("gateway", 8080));

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String readinessUrl() {
        return baseUrl() + "/actuator/health/readiness";
    }

    /** The environment variable of the gateway that lists this service's instances, e.g. ROUTING_SERVICE_URLS. */
    public String urlsVariable() {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URLS";
    }

    /** {@code <module>/target/<module>-<version>-exec.jar}, whatever the version. */
    public Optional<Path> executableJar(Path repository) {
        Path target = repository.resolve(name).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String file = f.getFileName().toString();
                return file.startsWith(name + "-") && file.endsWith("-exec.jar");
            }).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
