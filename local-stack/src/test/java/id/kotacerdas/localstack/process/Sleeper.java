package id.kotacerdas.localstack.process;

/** A stand-in child process that just stays alive until it is stopped. */
public final class Sleeper {

    private Sleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(120_000);
    }
}
