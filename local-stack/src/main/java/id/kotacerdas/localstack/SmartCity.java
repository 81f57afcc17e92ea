package id.kotacerdas.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import id.kotacerdas.localstack.process.Leftovers;

/**
 * Entry point of {@code ./smartcity up}: plain Java, no Spring. Starts the local stack in the foreground and
 * stops it cleanly on Ctrl-C or SIGTERM. Exit codes: 0 stopped cleanly, 1 failed to start, 2 already running.
 */
public final class SmartCity {

    private SmartCity() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "up" : args[0];
        Path repository = Path.of(System.getProperty("smartcity.home", "")).toAbsolutePath();
        Console console = new Console(System.out);
        if (!"up".equals(command) && !"sinks".equals(command)) {
            console.line("usage: SmartCity up | sinks   (down, status and logs are handled by the ./smartcity script)");
            System.exit(64);
        }
        StackHome home = new StackHome(repository).create();
        if (alreadyRunning(home, console)) {
            System.exit(2);
        }
        LocalStack stack;
        try {
            stack = new LocalStack(home, StackSettings.from(System.getenv()), console);
        } catch (StackException e) {
            console.line("FAILED: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "smartcity-shutdown"));
        try {
            writeOwnPid(home);
            if ("sinks".equals(command)) {
                stack.startSinksOnly();
            } else {
                stack.start();
            }
        } catch (StackException e) {
            console.line("");
            console.line("FAILED: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            console.line("");
            console.line("FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
        stack.awaitStop();
    }

    private static boolean alreadyRunning(StackHome home, Console console) {
        Path pidFile = home.launcherPidFile();
        if (!Files.exists(pidFile)) {
            return false;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            boolean alive = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    && Leftovers.commandLine(pid).contains(SmartCity.class.getName());
            if (alive) {
                console.line("The local stack is already running (launcher pid " + pid + ", state in " + home.dir() + ").");
                console.line("Use ./smartcity status to see it, ./smartcity down to stop it.");
                return true;
            }
            console.step("launcher", "found a stale pid file from an earlier run (pid " + pid + " is gone): cleaning up");
            Files.deleteIfExists(pidFile);
            return false;
        } catch (java.io.IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void writeOwnPid(StackHome home) {
        try {
            Files.writeString(home.launcherPidFile(), Long.toString(ProcessHandle.current().pid()));
        } catch (java.io.IOException e) {
            throw new StackException("cannot write " + home.launcherPidFile() + ": " + e.getMessage(), e);
        }
    }
}
