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
 * @param receiptWindow how many delivery receipts may await their deliver_sm_resp at once (10 by default,
 *                      a usual SMPP window); more wait their turn
 */
public record SmscConfig(String host, int port, String systemId, String password, Duration receiptDelay, int keepAtMost,
                         int receiptWindow) {

    /** The receipt window when none is given. */
    public static final int DEFAULT_RECEIPT_WINDOW = 10;

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
        receiptWindow = receiptWindow <= 0 ? DEFAULT_RECEIPT_WINDOW : receiptWindow;
    }

    /** As before the receipt window existed: the default window. */
    public SmscConfig(String host, int port, String systemId, String password, Duration receiptDelay, int keepAtMost) {
        this(host, port, systemId, password, receiptDelay, keepAtMost, DEFAULT_RECEIPT_WINDOW);
    }

    /** A simulator on a free port accepting {@code systemId}/{@code password}. */
    public static SmscConfig of(String systemId, String password) {
        return new SmscConfig("127.0.0.1", 0, systemId, password, Duration.ofMillis(50), 10_000, DEFAULT_RECEIPT_WINDOW);
    }

    public SmscConfig withPort(int newPort) {
        return new SmscConfig(host, newPort, systemId, password, receiptDelay, keepAtMost, receiptWindow);
    }

    public SmscConfig withHost(String newHost) {
        return new SmscConfig(newHost, port, systemId, password, receiptDelay, keepAtMost, receiptWindow);
    }

    public SmscConfig withReceiptDelay(Duration delay) {
        return new SmscConfig(host, port, systemId, password, delay, keepAtMost, receiptWindow);
    }

    public SmscConfig withKeepAtMost(int count) {
        return new SmscConfig(host, port, systemId, password, receiptDelay, count, receiptWindow);
    }

    public SmscConfig withReceiptWindow(int inFlight) {
        return new SmscConfig(host, port, systemId, password, receiptDelay, keepAtMost, inFlight);
    }
}
