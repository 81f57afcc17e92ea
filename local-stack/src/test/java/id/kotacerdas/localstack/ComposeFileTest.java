package id.kotacerdas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import id.kotacerdas.localstack.service.ServiceSpec;

/** The root docker-compose.yml, which cannot run here (no Docker engine), checked for what matters. */
class ComposeFileTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(REPOSITORY.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml(new LoaderOptions()).load(reader);
            assertThat(compose).as("docker-compose 1.29 rejects a top-level name").doesNotContainKey("name");
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    /** Every module that builds a Spring Boot executable jar is a service that must run in compose. */
    static List<String> serviceModules() throws IOException {
        String rootPom = Files.readString(REPOSITORY.resolve("pom.xml"));
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        List<String> found = new java.util.ArrayList<>();
        while (modules.find()) {
            Path pom = REPOSITORY.resolve(modules.group(1)).resolve("pom.xml");
            if (Files.exists(pom) && Files.readString(pom).contains("spring-boot-maven-plugin")) {
                found.add(modules.group(1));
            }
        }
        return found;
    }

    @Test
    void everyServiceModuleIsBuiltFromTheRepositoryWithKafkaAndMongoSettingsAndAHealthCheck() throws IOException {
        List<String> modules = serviceModules();
        assertThat(modules).contains("gateway", "intake-service", "routing-service", "notification-service", "voting-service");
        for (String module : modules) {
            Map<String, Object> service = services.get(module);
            assertThat(service).as(module + " has an entry").isNotNull();
            assertThat(map(map(service, "build"), "args")).as(module + " build arg").containsEntry("MODULE", module);
            assertThat(map(service, "build")).containsEntry("context", ".");
            Map<String, Object> environment = map(service, "environment");
            assertThat(environment).as(module + " environment")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("MONGODB_URI", "mongodb://mongo:27017");
            assertThat(map(service, "healthcheck").get("test").toString()).as(module + " health check")
                    .contains("/actuator/health/readiness");
            assertThat(map(service, "depends_on")).as(module + " waits for its infrastructure").isNotEmpty();
        }
    }

    @Test
    void onlyTheGatewayPublishesPortsAndNoServiceIsPinnedToOneContainerSoEachCanBeScaled() throws IOException {
        List<String> publishing = services.entrySet().stream()
                .filter(entry -> entry.getValue().containsKey("ports"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
        assertThat(publishing).containsExactly("gateway");
        for (String module : serviceModules()) {
            assertThat(services.get(module)).as(module).doesNotContainKey("container_name");
        }
    }

    @Test
    void kafkaAndMongoAreTheRealImagesWithHealthChecks() {
        assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:");
        assertThat(map(services.get("kafka"), "environment")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(services.get("mongo").get("image").toString()).startsWith("mongo:");
        assertThat(services.get("kafka")).containsKey("healthcheck");
        assertThat(services.get("mongo")).containsKey("healthcheck");
    }

    @Test
    void theGatewayFindsEveryServiceByItsComposeName() {
        Map<String, Object> environment = map(services.get("gateway"), "environment");
        for (ServiceSpec service : ServiceSpec.ALL) {
            if (!service.name().equals("gateway")) {
                assertThat(environment).containsEntry(service.urlsVariable(), "http://" + service.name() + ":8080");
            }
        }
    }

    @Test
    void theGenericDockerfileBuildsTheModuleNamedByItsBuildArg() throws IOException {
        String dockerfile = Files.readString(REPOSITORY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG MODULE").contains("-pl \"${MODULE}\"").contains("-exec.jar");
        assertThat(Files.readString(REPOSITORY.resolve(".dockerignore"))).contains("target/").contains(".smartcity/");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, ?> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
