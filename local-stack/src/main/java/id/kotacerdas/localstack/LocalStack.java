package id.kotacerdas.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.kotacerdas.localstack.infra.KafkaBroker;
import id.kotacerdas.localstack.infra.MongoStore;
import id.kotacerdas.localstack.process.ChildProcess;
import id.kotacerdas.localstack.process.Leftovers;
import id.kotacerdas.localstack.process.PortGuard;
import id.kotacerdas.localstack.service.AppCds;
import id.kotacerdas.localstack.service.Readiness;
import id.kotacerdas.localstack.service.Secrets;
import id.kotacerdas.localstack.service.ServiceLauncher;
import id.kotacerdas.localstack.service.ServiceSpec;
import id.kotacerdas.localstack.sinks.MailArchive;
import id.kotacerdas.localstack.sinks.MailSink;
import id.kotacerdas.localstack.sinks.SinksView;
import id.kotacerdas.localstack.sinks.SmsArchive;
import id.kotacerdas.localstack.sinks.SmsSink;

/**
 * The whole local stack: infrastructure first (Kafka as its own JVM; the Mongo-wire store, SMTP and SMPP
 * sinks and their HTTP view inside this JVM), then every service as its own JVM; stopped in reverse order.
 */
public final class LocalStack {

    private final StackHome home;
    private final StackSettings settings;
    private final Set<Path> unrotatable = ConcurrentHashMap.newKeySet();
    private final Console console;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<ChildProcess> services = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> infrastructure = new LinkedHashMap<>();
    /** Services writing a class data archive at exit: that takes a while on a busy machine, so they get longer to stop. */
    private final Set<String> recordingArchive = ConcurrentHashMap.newKeySet();
    private ChildProcess kafka;
    private KafkaBroker broker;
    private ServiceLauncher launcher;
    private MongoStore mongo;
    private boolean storeStopped;
    private MailSink mail;
    private SmsSink sms;
    private SinksView sinksView;
    private volatile boolean stopping;
    private volatile boolean started;

    public LocalStack(StackHome home, StackSettings settings, Console console) {
        this.home = home;
        this.settings = settings;
        this.console = console;
    }

    public void start() {
        console.line("Kota Cerdas local stack: starting in " + home.repository());
        cleanUpLeftovers();
        checkPorts();
        home.keepPreviousRunsLogs();
        Map<String, String> secrets = Secrets.loadOrCreate(home.secretsFile());

        startKafka();
        startMongo();
        startMail();
        startSms(secrets.get("SMPP_PASSWORD"));
        startSinksView();
        awaitKafka();

        Map<String, String> env = ServiceLauncher.serviceEnvironment(System.getenv(), secrets, infrastructure, home);
        launcher = new ServiceLauncher(home, env, settings.extraJvmOptions(), settings.classDataSharing());
        startServices(launcher);
        started = true;
        printSummary();
        watchChildren();
    }

    /**
     * Tells the user when a part dies after start-up (the rest keeps running so it can be inspected), and keeps each
     * part's log within {@code SMARTCITY_LOG_MAX_MB} × ({@code SMARTCITY_LOG_KEEP} + 1).
     */
    private void watchChildren() {
        Thread watcher = new Thread(() -> {
            Set<String> reported = new HashSet<>();
            while (!stopping) {
                List<ChildProcess> children = new ArrayList<>(services);
                if (kafka != null) {
                    children.add(kafka);
                }
                for (ChildProcess child : children) {
                    if (!stopping && !child.isAlive() && reported.add(child.name())) {
                        console.step(child.name(), "EXITED (code " + child.exitValue() + "). Last lines of "
                                + relative(child.logFile()) + ":\n" + child.logTail(15));
                    }
                    rotate(child.logFile());
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "child-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void rotate(Path log) {
        try {
            settings.logRotation().rotateIfLarger(log);
        } catch (IOException e) {
            if (unrotatable.add(log)) {
                console.line("could not rotate " + relative(log) + " (said once): " + e.getMessage());
            }
        }
    }

    /**
     * Only the SMTP and SMPP sinks and their view, for docker-compose (no Kafka, store or services).
     * The SMPP password comes from {@code SMPP_PASSWORD} when set, else from the generated secrets.
     */
    public void startSinksOnly() {
        console.line("Kota Cerdas sinks: SMTP, SMPP (SMSC simulator) and the sinks view");
        String password = System.getenv().getOrDefault("SMPP_PASSWORD", "");
        if (password.isBlank()) {
            password = Secrets.loadOrCreate(home.secretsFile()).get("SMPP_PASSWORD");
        }
        startMail();
        startSms(password);
        startSinksView();
        started = true;
        console.line("Sinks ready; Ctrl-C or SIGTERM stops them.");
    }

    private void cleanUpLeftovers() {
        for (Leftovers.Leftover leftover : Leftovers.find(home.pidsDir())) {
            console.step(leftover.name(), "still running from an earlier run (pid " + leftover.pid() + "): stopping it");
            Leftovers.stop(leftover, 10, home.pidsDir());
        }
    }

    private void checkPorts() {
        Map<Integer, String> needed = new LinkedHashMap<>();
        if (settings.externalKafka().isEmpty()) {
            needed.put(settings.kafkaPort(), "Kafka");
            needed.put(settings.kafkaControllerPort(), "the Kafka controller");
        }
        if (settings.externalMongo().isEmpty()) {
            needed.put(settings.mongoPort(), "the MongoDB-wire store");
        }
        if (settings.externalSmtp().isEmpty()) {
            needed.put(settings.smtpPort(), "the SMTP sink");
        }
        if (settings.externalSmpp().isEmpty()) {
            needed.put(settings.smppPort(), "the SMSC simulator");
        }
        needed.put(settings.sinksViewPort(), "the sinks view");
        settings.services().forEach(service -> needed.put(service.port(), service.name()));
        List<String> conflicts = new ArrayList<>();
        needed.forEach((port, part) -> {
            if (!PortGuard.isFree(port)) {
                conflicts.add(PortGuard.conflictMessage(part, port));
            }
        });
        if (!conflicts.isEmpty()) {
            throw new StackException(String.join(System.lineSeparator() + "        ", conflicts));
        }
    }

    private void startKafka() {
        if (settings.externalKafka().isPresent()) {
            infrastructure.put("KAFKA_BOOTSTRAP_SERVERS", settings.externalKafka().get());
            console.step(KafkaBroker.PART, "not started: using KAFKA_BOOTSTRAP_SERVERS=" + settings.externalKafka().get());
            return;
        }
        broker = new KafkaBroker(new KafkaBroker.Settings(home.kafkaDir(), settings.kafkaPort(),
                settings.kafkaControllerPort(), brokerClassPath(), settings.kafkaHeap(), settings.kafkaJvmOptions()));
        console.step(KafkaBroker.PART, "starting the KRaft broker on " + broker.bootstrapServers() + " (log: "
                + relative(home.logFile(KafkaBroker.PART)) + ")");
        kafka = broker.start(home.logFile(KafkaBroker.PART), home.pidsDir().resolve(KafkaBroker.PART + ".pid"));
        infrastructure.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    }

    private String brokerClassPath() {
        Path lib = home.repository().resolve("local-stack").resolve("target").resolve("lib");
        return Files.isDirectory(lib) ? lib + "/*" : System.getProperty("java.class.path");
    }

    private void awaitKafka() {
        String bootstrap = infrastructure.get("KAFKA_BOOTSTRAP_SERVERS");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!KafkaBroker.isReady(bootstrap, Duration.ofSeconds(2))) {
            if (kafka != null && !kafka.isAlive()) {
                throw new StackException("the Kafka broker exited (code " + kafka.exitValue() + "). Last lines of "
                        + relative(kafka.logFile()) + ":\n" + kafka.logTail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("Kafka at " + bootstrap + " did not answer within 90 s"
                        + (kafka == null ? "" : ". Last lines of its log:\n" + kafka.logTail(30)));
            }
            sleep(300);
        }
        console.step(KafkaBroker.PART, "ready (" + bootstrap + ")");
    }

    private void startMongo() {
        if (settings.externalMongo().isPresent()) {
            infrastructure.put("MONGODB_URI", settings.externalMongo().get());
            console.step(MongoStore.PART, "not started: using MONGODB_URI from the environment");
            return;
        }
        if (settings.storeInMemory()) {
            mongo = MongoStore.startInMemory(settings.bindHost(), settings.mongoPort());
        } else {
            mongo = MongoStore.start(home.mongoFile(), settings.bindHost(), settings.mongoPort());
        }
        infrastructure.put("MONGODB_URI", mongo.uri());
        console.step(MongoStore.PART, "ready (" + mongo.uri() + (settings.storeInMemory() ? ", in memory: gone after down)"
                : ", H2 file " + relative(home.mongoFile()) + ")"));
    }

    private void startMail() {
        if (settings.externalSmtp().isPresent()) {
            console.step(MailSink.PART, "not started: using SMTP_HOST=" + settings.externalSmtp().get());
            return;
        }
        mail = MailSink.start(settings.bindHost(), settings.smtpPort(), new MailArchive(home.mailDir()));
        infrastructure.put("SMTP_HOST", "localhost");
        infrastructure.put("SMTP_PORT", Integer.toString(settings.smtpPort()));
        infrastructure.put("SMTP_FROM", "Kota Cerdas <noreply@kotacerdas.local>");
        console.step(MailSink.PART, "ready (localhost:" + settings.smtpPort() + ", mail kept in " + relative(home.mailDir()) + ")");
    }

    private void startSms(String password) {
        if (settings.externalSmpp().isPresent()) {
            console.step(SmsSink.PART, "not started: using SMPP_HOST=" + settings.externalSmpp().get());
            return;
        }
        sms = SmsSink.start(settings.bindHost(), settings.smppPort(), settings.smppSystemId(), password, new SmsArchive(home.smsDir()));
        infrastructure.put("SMPP_HOST", "localhost");
        infrastructure.put("SMPP_PORT", Integer.toString(settings.smppPort()));
        infrastructure.put("SMPP_SYSTEM_ID", settings.smppSystemId());
        infrastructure.put("SMPP_PASSWORD", password);
        console.step(SmsSink.PART, "ready (SMSC simulator on localhost:" + settings.smppPort() + ", system id "
                + settings.smppSystemId() + ", delivery receipts on)");
    }

    private void startSinksView() {
        try {
            sinksView = SinksView.start(settings.bindHost(), settings.sinksViewPort(), mail == null ? null : mail.archive(), sms);
            console.step(SinksView.PART, "ready (http://localhost:" + settings.sinksViewPort() + "/)");
        } catch (IOException e) {
            throw new StackException("the sinks view cannot listen on " + settings.sinksViewPort() + ": " + e.getMessage(), e);
        }
    }

    private void startServices(ServiceLauncher launcher) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelStarts());
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (ServiceSpec service : settings.services()) {
                starts.add(pool.submit(() -> startAndAwait(launcher, service)));
            }
            for (Future<?> start : starts) {
                start.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StackException failure) {
                throw failure;
            }
            throw new StackException("starting the services failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while starting the services");
        } finally {
            pool.shutdownNow();
        }
    }

    private void startAndAwait(ServiceLauncher launcher, ServiceSpec service) {
        if (stopping) {
            return;
        }
        AppCds.Launch launch = launcher.prepare(service);
        console.step(service.name(), "starting on " + service.baseUrl() + ", " + launch.note() + " (log: "
                + relative(home.logFile(service.name())) + ")");
        if (launch.recordsArchive()) {
            recordingArchive.add(service.name());
        }
        ChildProcess process = launcher.start(service, launch);
        services.add(process);
        if (stopping) {
            // Ctrl-C arrived while this one was being launched: the shutdown already took its snapshot
            process.stop(25);
            return;
        }
        long startedAt = System.nanoTime();
        long deadline = startedAt + settings.serviceTimeout().toNanos();
        while (!Readiness.isReady(service.readinessUrl())) {
            if (stopping) {
                return;
            }
            if (!process.isAlive()) {
                throw new StackException(service.name() + " exited during start-up (code " + process.exitValue()
                        + "). Last lines of " + relative(process.logFile()) + ":\n" + process.logTail(15));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(service.name() + " was not ready within " + settings.serviceTimeout().toSeconds()
                        + " s (" + service.readinessUrl() + "). Last lines of " + relative(process.logFile()) + ":\n"
                        + process.logTail(15));
            }
            sleep(250);
        }
        console.step(service.name(), String.format(Locale.ROOT, "ready after %.1f s", (System.nanoTime() - startedAt) / 1e9));
    }

    /** The running process of a service (or {@code kafka}), for fault tests and diagnostics. */
    public Optional<ChildProcess> process(String name) {
        if (KafkaBroker.PART.equals(name)) {
            return Optional.ofNullable(kafka);
        }
        synchronized (services) {
            return services.stream().filter(p -> p.name().equals(name)).reduce((first, later) -> later);
        }
    }

    /** {@code kill -9} of one service: it gets no chance to finish anything (fault tests). */
    public void killService(String name) {
        ChildProcess process = process(name).orElseThrow(() -> new StackException("no running part named " + name));
        process.kill();
        console.step(name, "killed (SIGKILL)");
    }

    /** Starts a service again (after {@link #killService} or a crash) and waits until it is ready. */
    public void restartService(String name) {
        ServiceSpec service = settings.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new StackException("no service named " + name));
        process(name).ifPresent(old -> {
            if (old.isAlive()) {
                old.stop(25);
            }
            services.remove(old);
        });
        startAndAwait(launcher, service);
    }

    /** Stops the Kafka broker cleanly and starts it again on the same data directory; waits until it answers. */
    public void restartKafka() {
        if (broker == null) {
            throw new StackException("Kafka is external (KAFKA_BOOTSTRAP_SERVERS): not restarted");
        }
        kafka.stop(30);
        console.step(KafkaBroker.PART, "stopped for a restart");
        kafka = broker.start(home.logFile(KafkaBroker.PART), home.pidsDir().resolve(KafkaBroker.PART + ".pid"));
        awaitKafka();
    }

    /** Stops the store (clients lose their connections, new ones are refused) until {@link #startStore()}; data is kept. */
    public void stopStore() {
        if (mongo == null || storeStopped) {
            throw new StackException("the store is external (MONGODB_URI) or already stopped");
        }
        mongo.interrupt();
        storeStopped = true;
        console.step(MongoStore.PART, "stopped");
    }

    /** Starts the store again on the same port with the same data. */
    public void startStore() {
        mongo.resume();
        storeStopped = false;
        console.step(MongoStore.PART, "ready again (" + mongo.uri() + ")");
    }

    /** Every SMS the SMSC simulator keeps, newest first (the sinks view shows only the newest 200). */
    public List<id.kotacerdas.localstack.sinks.SmsItem> allSms() {
        return sms == null ? List.of() : sms.archive().newestFirst(Integer.MAX_VALUE);
    }

    /** Every e-mail the SMTP sink keeps, newest first. */
    public List<id.kotacerdas.localstack.sinks.MailItem> allMail() {
        return mail == null ? List.of() : mail.archive().newestFirst(Integer.MAX_VALUE);
    }

    private void printSummary() {
        double seconds = console.elapsedSeconds();
        console.line("");
        console.line("Kota Cerdas is up. Everything below listens on localhost only.");
        settings.services().forEach(service -> console.line(String.format(Locale.ROOT, "  %-22s %s   (OpenAPI %s/v3/api-docs)",
                service.name(), service.baseUrl(), service.baseUrl())));
        console.line(String.format(Locale.ROOT, "  %-22s %s", "kafka", infrastructure.get("KAFKA_BOOTSTRAP_SERVERS")));
        console.line(String.format(Locale.ROOT, "  %-22s %s", "mongodb", mongo == null ? "(from MONGODB_URI)" : mongo.uri()));
        console.line(String.format(Locale.ROOT, "  %-22s %s", "smtp", mail == null ? "(from SMTP_HOST)" : "localhost:" + settings.smtpPort()));
        console.line(String.format(Locale.ROOT, "  %-22s %s", "smpp", sms == null ? "(from SMPP_HOST)" : "localhost:" + settings.smppPort()));
        console.line(String.format(Locale.ROOT, "  %-22s http://localhost:%d/  (JSON: /sms, /mail)", "sinks view", settings.sinksViewPort()));
        console.line("  logs                   " + relative(home.logsDir()) + "/<name>.log   (./smartcity logs <name>)");
        printDemoKeys();
        console.line(String.format(Locale.ROOT, "Started in %.1f s; resident memory of the whole stack: %s.", seconds, totalRss()));
        console.line("Press Ctrl-C to stop everything.");
    }

    private void printDemoKeys() {
        Path keys = home.demoKeysFile();
        boolean gateway = settings.services().stream().anyMatch(s -> s.name().equals("gateway"));
        if (!gateway) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(gateway ? 10 : 0).toNanos();
        while (!Files.exists(keys) && System.nanoTime() < deadline) {
            sleep(250);
        }
        try {
            List<String> lines = Files.exists(keys) ? Files.readAllLines(keys) : List.of();
            List<String> pairs = lines.stream().filter(l -> l.contains("=") && !l.startsWith("#")).toList();
            if (pairs.isEmpty()) {
                console.line("  demo API keys          (the gateway wrote none to " + relative(keys) + ")");
                return;
            }
            console.line("Demo API keys (send as X-API-Key to the gateway; also in " + relative(keys) + "):");
            pairs.forEach(pair -> console.line("  " + pair));
        } catch (IOException e) {
            console.line("  demo API keys          (cannot read " + relative(keys) + ": " + e.getMessage() + ")");
        }
    }

    /** RSS of this JVM (store and sinks) plus every child JVM, in MiB. */
    String totalRss() {
        long kib = ChildProcess.rssKib(ProcessHandle.current().pid()).orElse(0);
        List<String> parts = new ArrayList<>();
        parts.add("launcher+store+sinks " + kib / 1024 + " MiB");
        List<ChildProcess> children = new ArrayList<>(services);
        if (kafka != null) {
            children.add(0, kafka);
        }
        for (ChildProcess child : children) {
            OptionalLong rss = child.rssKib();
            kib += rss.orElse(0);
            parts.add(child.name() + " " + rss.orElse(0) / 1024 + " MiB");
        }
        return String.format(Locale.ROOT, "%.2f GiB (%s)", kib / 1024.0 / 1024.0, String.join(", ", parts));
    }

    /** Stops everything in reverse order; safe to call more than once and from the shutdown hook. */
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        console.line("");
        console.step("launcher", started ? "stopping the stack" : "stopping what was started");
        List<ChildProcess> running = new ArrayList<>(services);
        Collections.reverse(running);
        // the gateway first, so no new requests arrive; a few seconds later the services, all in parallel,
        // each shutting down gracefully (and writing its class data archive when it records one)
        List<Thread> stoppers = new ArrayList<>();
        running.stream().filter(p -> p.name().equals("gateway")).forEach(gateway -> {
            stoppers.add(stopInBackground(gateway));
            gateway.awaitExit(5);
        });
        running.stream().filter(p -> !p.name().equals("gateway")).forEach(p -> stoppers.add(stopInBackground(p)));
        stoppers.forEach(LocalStack::join);
        closeQuietly(SinksView.PART, sinksView);
        closeQuietly(SmsSink.PART, sms);
        closeQuietly(MailSink.PART, mail);
        closeQuietly(MongoStore.PART, mongo);
        if (kafka != null) {
            stopChild(kafka, 30);
        }
        try {
            Files.deleteIfExists(home.launcherPidFile());
        } catch (IOException ignored) {
            // the next start recognises a stale pid file
        }
        console.step("launcher", "stopped");
        stopped.countDown();
    }

    private Thread stopInBackground(ChildProcess process) {
        long grace = recordingArchive.contains(process.name()) ? 90 : 25;
        Thread stopper = new Thread(() -> stopChild(process, grace), "stop-" + process.name());
        stopper.start();
        return stopper;
    }

    private void stopChild(ChildProcess process, long graceSeconds) {
        if (process.isAlive()) {
            process.stop(graceSeconds);
            console.step(process.name(), "stopped");
        } else {
            process.stop(0);
        }
    }

    private void closeQuietly(String part, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
            console.step(part, "stopped");
        } catch (Exception e) {
            console.step(part, "stopped with an error: " + e.getMessage());
        }
    }

    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String relative(Path path) {
        return home.repository().relativize(path.toAbsolutePath()).toString();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
