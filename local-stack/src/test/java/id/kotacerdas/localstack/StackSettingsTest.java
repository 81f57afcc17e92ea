package id.kotacerdas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void theBrokersJvmOptionsAreSetApartFromTheServicesOnes() {
        StackSettings settings = StackSettings.from(Map.of(
                "SMARTCITY_JAVA_OPTS", " -XX:TieredStopAtLevel=4  -Xmx384m ",
                "SMARTCITY_KAFKA_JAVA_OPTS", "-XX:+UseParallelGC"));

        assertThat(settings.extraJvmOptions()).containsExactly("-XX:TieredStopAtLevel=4", "-Xmx384m");
        assertThat(settings.kafkaJvmOptions()).containsExactly("-XX:+UseParallelGC");
    }

    @Test
    void withoutEitherVariableNoExtraOptionsAreAdded() {
        StackSettings settings = StackSettings.from(Map.of());

        assertThat(settings.extraJvmOptions()).isEmpty();
        assertThat(settings.kafkaJvmOptions()).isEmpty();
    }
}
