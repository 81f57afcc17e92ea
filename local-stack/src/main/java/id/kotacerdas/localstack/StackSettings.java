package id.kotacerdas.localstack;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.kotacerdas.localstack.process.LogRotation;
import id.kotacerdas.localstack.service.ServiceSpec;

/**
 * What {@code ./smartcity up} starts, read from the environment. An infrastructure variable that is set
 * (e.g. {@code KAFKA_BOOTSTRAP_SERVERS}) replaces the local part, which is then not started.
 */
public record StackSettings(
        Optional<String> externalKafka,
        Optional<String> externalMongo,
        Optional<String> externalSmtp,
        Optional<String> externalSmpp,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        boolean storeInMemory,
        int smtpPort,
        int smppPort,
        int sinksViewPort,
        String bindHost,
        String smppSystemId,
        List<ServiceSpec> services,
        int parallelStarts,
        Duration serviceTimeout,
        String kafkaHeap,
        boolean classDataSharing,
        List<String> extraJvmOptions,
        List<String> kafkaJvmOptions,
        LogRotation logRotation) {

    public static StackSettings from(Map<String, String> env) {
        List<ServiceSpec> services = ServiceSpec.ALL;
        String only = env.getOrDefault("SMARTCITY_SERVICES", "").trim();
        if (only.equals("none")) {
            services = List.of();
        } else if (!only.isEmpty()) {
            List<String> wanted = Arrays.stream(only.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            for (String name : wanted) {
                if (ServiceSpec.ALL.stream().noneMatch(s -> s.name().equals(name))) {
                    throw new StackException("SMARTCITY_SERVICES names an unknown service '" + name + "'; known: "
                            + ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
                }
            }
            services = ServiceSpec.ALL.stream().filter(s -> wanted.contains(s.name())).toList();
        }
        return new StackSettings(
                present(env, "KAFKA_BOOTSTRAP_SERVERS"),
                present(env, "MONGODB_URI"),
                present(env, "SMTP_HOST"),
                present(env, "SMPP_HOST"),
                intOf(env, "SMARTCITY_KAFKA_PORT", 9092),
                intOf(env, "SMARTCITY_KAFKA_CONTROLLER_PORT", 9093),
                intOf(env, "SMARTCITY_MONGO_PORT", 27017),
                storeInMemory(env),
                intOf(env, "SMARTCITY_SMTP_PORT", 2525),
                intOf(env, "SMARTCITY_SMPP_PORT", 2775),
                intOf(env, "SMARTCITY_SINKS_PORT", 8025),
                env.getOrDefault("SMARTCITY_BIND_HOST", "127.0.0.1"),
                env.getOrDefault("SMPP_SYSTEM_ID", "kotacerdas"),
                services,
                Math.max(1, intOf(env, "SMARTCITY_PARALLEL", 3)),
                Duration.ofSeconds(intOf(env, "SMARTCITY_SERVICE_TIMEOUT", 150)),
                env.getOrDefault("SMARTCITY_KAFKA_HEAP", "384m"),
                !"0".equals(env.getOrDefault("SMARTCITY_CDS", "1").trim()),
                options(env, "SMARTCITY_JAVA_OPTS"),
                options(env, "SMARTCITY_KAFKA_JAVA_OPTS"),
                new LogRotation(Math.max(1, intOf(env, "SMARTCITY_LOG_MAX_MB", 100)) * 1024L * 1024L,
                        Math.max(1, intOf(env, "SMARTCITY_LOG_KEEP", 3))));
    }

    /** {@code SMARTCITY_STORE=memory}: about twice as fast, but the data is gone after {@code down}; default {@code file}. */
    private static boolean storeInMemory(Map<String, String> env) {
        String store = env.getOrDefault("SMARTCITY_STORE", "file").trim();
        return switch (store) {
            case "memory" -> true;
            case "file", "" -> false;
            default -> throw new StackException("SMARTCITY_STORE must be 'file' or 'memory', not '" + store + "'");
        };
    }

    private static List<String> options(Map<String, String> env, String key) {
        return Arrays.stream(env.getOrDefault(key, "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<String> present(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int intOf(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StackException(key + " must be a number, was '" + value + "'");
        }
    }
}
