package id.kotacerdas.localstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void secretsAreGeneratedOnceOwnerOnlyAndTheSameOnTheNextStart() throws Exception {
        Path file = dir.resolve(".smartcity").resolve("secrets.env");

        Map<String, String> first = Secrets.loadOrCreate(file);
        Map<String, String> second = Secrets.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(second).isEqualTo(first);
        for (String key : Secrets.KEYS) {
            assertThat(Base64.getDecoder().decode(first.get(key))).as(key).hasSize(32);
        }
        assertThat(first.get("SMPP_PASSWORD")).hasSize(8);
        assertThat(first.get("INTAKE_CONTACT_KEY")).isNotEqualTo(first.get("VOTING_DATA_KEY"));
    }

    @Test
    void aVariableSetInTheEnvironmentWinsOverTheLocalDefault() {
        Map<String, String> env = ServiceLauncher.serviceEnvironment(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker.kota:9092", "INTAKE_CONTACT_KEY", "from-env"),
                Map.of("INTAKE_CONTACT_KEY", "generated"),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092", "MONGODB_URI", "mongodb://localhost:27017"),
                new id.kotacerdas.localstack.StackHome(dir));

        assertThat(env)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker.kota:9092")
                .containsEntry("INTAKE_CONTACT_KEY", "from-env")
                .containsEntry("MONGODB_URI", "mongodb://localhost:27017")
                .containsEntry("ROUTING_SERVICE_URLS", "http://localhost:8082")
                .containsEntry("GATEWAY_DEMO_KEYS_FILE", dir.resolve(".smartcity/demo-keys.env").toString());
    }
}
