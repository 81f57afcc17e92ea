package id.kotacerdas.smsc;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A real SMTP server (GreenMail) that accepts every message and keeps it, for the local stack
 * and tests that want the same "newest first" view as {@link SmscSimulator}.
 * <p>
 * GreenMail speaks SMTP and parses each message (headers at once, the MIME body on first read);
 * the sink keeps what it delivers in its own list, through GreenMail's delivery hook, instead of
 * GreenMail's per-user IMAP mailboxes: no user is created per recipient, no mailbox is looked up
 * among all others, nothing is re-parsed for IMAP, and {@link #receivedCount()} is a counter.
 * Jakarta Mail's provider look-ups on the sink's own threads are answered from a cache
 * ({@link ServiceLookupCache}) rather than by reading the class path for every message.
 * <p>
 * A listener given to {@link #start(String, int, int, Consumer)} is told of each delivery as it is
 * accepted, for a caller that keeps the messages elsewhere (the local stack's archive).
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail greenMail;
    private final int keepAtMost;
    private final ServiceLookupCache lookups;
    private final Consumer<MimeMessage> onDelivery;
    private final ConcurrentLinkedDeque<Kept> kept = new ConcurrentLinkedDeque<>();
    private final AtomicInteger keptCount = new AtomicInteger();
    private final AtomicInteger receivedCount = new AtomicInteger();

    private MailSink(GreenMail greenMail, int keepAtMost, ServiceLookupCache lookups, Consumer<MimeMessage> onDelivery) {
        this.greenMail = greenMail;
        this.keepAtMost = keepAtMost;
        this.lookups = lookups;
        this.onDelivery = onDelivery;
    }

    /** Starts an SMTP server on {@code host:port} that keeps every message (port 0 is not supported by GreenMail: pick one). */
    public static MailSink start(String host, int port) {
        return start(host, port, Integer.MAX_VALUE);
    }

    /**
     * Starts an SMTP server on {@code host:port} that keeps the newest {@code keepAtMost} deliveries
     * (older ones are forgotten first; {@link #receivedCount()} still counts every one).
     */
    public static MailSink start(String host, int port, int keepAtMost) {
        return start(host, port, keepAtMost, message -> {
        });
    }

    /**
     * Like {@link #start(String, int, int)}, and calls {@code onDelivery} once per delivery, as
     * {@link #receivedCount()} counts them (a message to several recipients once per recipient, with the
     * same {@link MimeMessage}), on the SMTP session thread, after the sink kept it and before the client
     * is told the message was accepted. The message is as GreenMail parsed it (with the {@code Received}
     * and {@code Return-Path} lines it added): read it, do not change it; the sink holds its monitor
     * during the call, as it does while decoding it for {@link #received()}. Whatever the listener
     * throws reaches GreenMail, which answers the client {@code 451} for the whole message (deliveries to
     * earlier recipients stay kept): a listener that must not fail the SMTP exchange catches its own
     * errors. A caller that keeps the messages itself can pass a small {@code keepAtMost} (1).
     */
    public static MailSink start(String host, int port, int keepAtMost, Consumer<MimeMessage> onDelivery) {
        if (keepAtMost <= 0) {
            throw new IllegalArgumentException("keepAtMost must be positive");
        }
        if (onDelivery == null) {
            throw new IllegalArgumentException("onDelivery must not be null");
        }
        ServiceLookupCache lookups = new ServiceLookupCache(contextLoader());
        // GreenMail's server thread, and the session thread it starts per connection, inherit the
        // context class loader of the thread that creates them: here, the caching one
        return withContextLoader(lookups, () -> {
            GreenMail greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
            MailSink sink = new MailSink(greenMail, keepAtMost, lookups, onDelivery);
            greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> sink.new Mailbox(recipient));
            greenMail.start();
            return sink;
        });
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * Every message kept, newest first: one per recipient it was delivered to (as one mailbox each
     * would hold it). Each is decoded once, on its first read.
     */
    public List<ReceivedMail> received() {
        List<Kept> snapshot = new ArrayList<>(kept);
        return withContextLoader(lookups, () -> snapshot.stream().map(Kept::decoded).toList());
    }

    /**
     * How many deliveries were accepted since start (or {@link #clear()}), one per recipient of each
     * message; a counter, so it is cheap to poll.
     */
    public int receivedCount() {
        return receivedCount.get();
    }

    /** Forgets every message received so far, and sets {@link #receivedCount()} back to 0. */
    public void clear() {
        while (kept.pollFirst() != null) {
            keptCount.decrementAndGet();
        }
        receivedCount.set(0);
    }

    public void stop() {
        greenMail.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private void keep(MimeMessage message) {
        kept.addFirst(new Kept(message, Instant.now()));
        receivedCount.incrementAndGet();
        if (keptCount.incrementAndGet() > keepAtMost) {
            while (keptCount.get() > keepAtMost && kept.pollLast() != null) {
                keptCount.decrementAndGet();
            }
        }
        synchronized (message) {
            onDelivery.accept(message);
        }
    }

    private static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : MailSink.class.getClassLoader();
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> action) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    static ReceivedMail toReceivedMail(MimeMessage message, Instant receivedAt) {
        // one MimeMessage is shared by the deliveries to each of its recipients, and its
        // content is parsed (and cached) on first read: one reader at a time
        synchronized (message) {
            try {
                Parts parts = new Parts();
                collect(message, parts);
                Address[] from = message.getFrom();
                Address[] to = message.getAllRecipients();
                return new ReceivedMail(from == null || from.length == 0 ? "" : from[0].toString(),
                        to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                        message.getSubject(), parts.text, parts.html, receivedAt, headers(message));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable message in mail sink", e);
            }
        }
    }

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(MimeUtility.unfold(header.getValue()));
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        headers.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
        return java.util.Collections.unmodifiableMap(frozen);
    }

    private static void collect(Part part, Parts parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts.text == null) {
            parts.text = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && parts.html == null) {
            parts.html = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, parts);
            }
        }
    }

    private static final class Parts {
        private String text;
        private String html;
    }

    /** One delivery: the message as GreenMail parsed it, when it arrived, and its decoded view once read. */
    private static final class Kept {
        private final MimeMessage message;
        private final Instant receivedAt;
        private volatile ReceivedMail decoded;

        Kept(MimeMessage message, Instant receivedAt) {
            this.message = message;
            this.receivedAt = receivedAt;
        }

        ReceivedMail decoded() {
            ReceivedMail mail = decoded;
            if (mail == null) {
                mail = toReceivedMail(message, receivedAt);
                decoded = mail;
            }
            return mail;
        }
    }

    /**
     * What GreenMail's delivery hook hands each accepted recipient to: instead of a user with an IMAP
     * inbox (found by walking every user's folders), the sink's own list.
     */
    private final class Mailbox implements GreenMailUser {
        private final MailAddress address;

        Mailbox(MailAddress address) {
            this.address = address;
        }

        @Override
        public String getEmail() {
            return address.getEmail();
        }

        @Override
        public String getLogin() {
            return address.getEmail();
        }

        @Override
        public void deliver(MovingMessage message) {
            keep(message.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            keep(message);
        }

        @Override
        public void create() {
        }

        @Override
        public void delete() {
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
        }

        @Override
        public void authenticate(String password) throws UserException {
            throw new UserException("the mail sink has no users to log in as");
        }

        @Override
        public String getQualifiedMailboxName() {
            return address.getEmail();
        }
    }
}
