package id.kotacerdas.smsc;

import java.time.Duration;

/**
 * How the simulator listens and whom it accepts.
 *
 * @param host          address to listen on ({@code 127.0.0.1} by default; {@code 0.0.0.0} for every interface)
 * @param port          TCP port; 0 picks a free one (read it back with {@link SmscSimulator#port()})
 * @param systemId      the only system id accepted in a bind
 * @param password      its password
 * @param receiptDelay  how long after the submit_sm_resp the delivery receipt is sent
 * @param keepAtMost    how many received messages are kept (oldest are forgotten first)
 */
public record SmscConfig(String host, int port, String systemId, String password, Duration receiptDelay, int keepAtMost) {

    public SmscConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (systemId == null || systemId.isBlank() || password == null) {
            throw new IllegalArgumentException("systemId and password are required");
        }
        if (systemId.length() > 15 || password.length() > 8) {
            throw new IllegalArgumentException("SMPP allows a system id of at most 15 and a password of at most 8 characters");
        }
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        receiptDelay = receiptDelay == null ? Duration.ofMillis(50) : receiptDelay;
        keepAtMost = keepAtMost <= 0 ? 10_000 : keepAtMost;
    }

    /** A simulator on a free port accepting {@code systemId}/{@code password}. */
    public static SmscConfig of(String systemId, String password) {
        return new SmscConfig("127.0.0.1", 0, systemId, password, Duration.ofMillis(50), 10_000);
    }

    public SmscConfig withPort(int newPort) {
        return new SmscConfig(host, newPort, systemId, password, receiptDelay, keepAtMost);
    }

    public SmscConfig withHost(String newHost) {
        return new SmscConfig(newHost, port, systemId, password, receiptDelay, keepAtMost);
    }

    public SmscConfig withReceiptDelay(Duration delay) {
        return new SmscConfig(host, port, systemId, password, delay, keepAtMost);
    }

    public SmscConfig withKeepAtMost(int count) {
        return new SmscConfig(host, port, systemId, password, receiptDelay, count);
    }
}
