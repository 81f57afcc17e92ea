package id.kotacerdas.localstack.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.kotacerdas.localstack.StackException;
import id.kotacerdas.localstack.StackHome;
import id.kotacerdas.localstack.process.ChildProcess;

/** Starts one service JVM from its executable jar with the small-heap options and the stack's environment. */
public final class ServiceLauncher {

    /** Several JVMs share 2 cores: C1 only, serial GC, small stacks and heap (see ARCHITECTURE.md). */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.security.egd=file:/dev/./urandom");

    private final StackHome home;
    private final Map<String, String> environment;
    private final List<String> extraJvmOptions;

    private final boolean classDataSharing;

    public ServiceLauncher(StackHome home, Map<String, String> environment, List<String> extraJvmOptions, boolean classDataSharing) {
        this.home = home;
        this.environment = Map.copyOf(environment);
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
        this.classDataSharing = classDataSharing;
    }

    /** Finds the service's jar and, with class data sharing on, prepares its extracted form and archive. */
    public AppCds.Launch prepare(ServiceSpec service) {
        Path jar = service.executableJar(home.repository()).orElseThrow(() -> new StackException(
                service.name() + " has no executable jar under " + service.name() + "/target: run ./mvnw -DskipTests install"));
        if (!classDataSharing) {
            return new AppCds.Launch(jar, List.of(), "class data sharing off (SMARTCITY_CDS=0)");
        }
        return AppCds.prepare(jar, home.dir().resolve("cds").resolve(service.name()));
    }

    public ChildProcess start(ServiceSpec service, AppCds.Launch launch) {
        Path jar = launch.jar();
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        jvm.add("-Djava.io.tmpdir=" + home.freshTempDir(service.name()));
        jvm.addAll(launch.jvmOptions());
        jvm.addAll(extraJvmOptions);
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", Integer.toString(service.port()));
        env.put("SERVER_PORT", Integer.toString(service.port()));
        return ChildProcess.startJava(service.name(), jvm, List.of("-jar", jar.toString()), env, home.repository(),
                home.logFile(service.name()), home.pidsDir().resolve(service.name() + ".pid"));
    }

    /**
     * The environment every service gets: where Kafka, Mongo, SMTP and SMPP are, the generated secrets,
     * where the gateway finds each service, and where it writes the demo keys. Values already in the
     * launcher's environment win over the local defaults.
     */
    public static Map<String, String> serviceEnvironment(Map<String, String> inherited, Map<String, String> secrets,
                                                         Map<String, String> infrastructure, StackHome home) {
        Map<String, String> env = new HashMap<>();
        env.putAll(secrets);
        env.putAll(infrastructure);
        for (ServiceSpec service : ServiceSpec.ALL) {
            env.put(service.urlsVariable(), service.baseUrl());
        }
        env.put("GATEWAY_DEMO_KEYS_FILE", home.demoKeysFile().toString());
        env.put("PUBLIC_BASE_URL", "http://localhost:8080");
        env.put("LOG_FORMAT", "ecs");
        // readiness/liveness groups exist outside Kubernetes only when probes are enabled explicitly
        env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        for (String key : List.copyOf(env.keySet())) {
            if (inherited.containsKey(key) && !inherited.get(key).isBlank()) {
                env.put(key, inherited.get(key));
            }
        }
        return env;
    }
}
