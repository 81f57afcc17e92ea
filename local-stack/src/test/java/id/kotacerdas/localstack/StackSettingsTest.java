package id.kotacerdas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import id.kotacerdas.localstack.process.LogRotation;

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

    @Test
    void partsLogsRotateAt100MiBKeepingThreeCopiesUnlessSetOtherwise() {
        assertThat(StackSettings.from(Map.of()).logRotation())
                .isEqualTo(new LogRotation(100L * 1024 * 1024, 3));
        assertThat(StackSettings.from(Map.of("SMARTCITY_LOG_MAX_MB", "8", "SMARTCITY_LOG_KEEP", "1")).logRotation())
                .isEqualTo(new LogRotation(8L * 1024 * 1024, 1));
    }
}
