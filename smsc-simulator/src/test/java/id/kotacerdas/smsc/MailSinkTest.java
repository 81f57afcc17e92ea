package id.kotacerdas.smsc;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MailSinkTest {

    @Test
    void aMultipartMailIsKeptWithSubjectTextAndHtml() throws Exception {
        int port = freePort();
        try (MailSink sink = MailSink.start("127.0.0.1", port)) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(port));
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("noreply@kotacerdas.id"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("warga@example.org"));
            message.setSubject("Laporan diterima", "UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Terima kasih", "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<p>Terima kasih</p>", "text/html; charset=UTF-8");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            Transport.send(message);

            ReceivedMail mail = sink.received().get(0);
            assertThat(mail.subject()).isEqualTo("Laporan diterima");
            assertThat(mail.to()).containsExactly("warga@example.org");
            assertThat(mail.text()).isEqualTo("Terima kasih");
            assertThat(mail.html()).isEqualTo("<p>Terima kasih</p>");
            assertThat(mail.from()).isEqualTo("noreply@kotacerdas.id");
            assertThat(sink.receivedCount()).isEqualTo(1);
        }
    }

    @Test
    void theCountAfterNMailsIsNAndTheyAreKeptNewestFirstWithTheirHeaders() throws Exception {
        int port = freePort();
        try (MailSink sink = MailSink.start("127.0.0.1", port)) {
            Session session = session(port);
            int mails = 60;
            // one connection for several messages, as a mail client pool does
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < mails; i++) {
                    MimeMessage message = plain(session, "warga" + i + "@example.org", "Laporan " + i, "isi " + i);
                    message.setHeader("X-Kota-Cerdas-Request", "req-" + i);
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }

            assertThat(sink.receivedCount()).isEqualTo(mails);
            List<ReceivedMail> received = sink.received();
            assertThat(received).extracting(ReceivedMail::subject)
                    .containsExactlyElementsOf(IntStream.range(0, mails).map(i -> mails - 1 - i).mapToObj(i -> "Laporan " + i).toList());
            ReceivedMail newest = received.get(0);
            assertThat(newest.text()).isEqualTo("isi " + (mails - 1));
            assertThat(newest.to()).containsExactly("warga" + (mails - 1) + "@example.org");
            assertThat(newest.header("x-kota-cerdas-request")).isEqualTo("req-" + (mails - 1));
            assertThat(newest.header("Subject")).isEqualTo("Laporan " + (mails - 1));
            assertThat(newest.header("Message-ID")).isNotBlank();
            assertThat(newest.headers()).containsKeys("Received", "Return-Path");
            assertThat(newest.header("X-Not-There")).isNull();
            // decoded once: the same view on every read
            assertThat(sink.received().get(0)).isSameAs(newest);
        }
    }

    @Test
    void theCountStaysExactWithManyConnectionsAtOnce() throws Exception {
        int port = freePort();
        try (MailSink sink = MailSink.start("127.0.0.1", port)) {
            Session session = session(port);
            int threads = 6;
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            Transport.send(plain(session, "t" + thread + "-" + i + "@example.org", "t" + thread + " " + i, "x"));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(sink.receivedCount()).isEqualTo(threads * each);
            assertThat(sink.received()).hasSize(threads * each)
                    .extracting(ReceivedMail::subject).doesNotHaveDuplicates();
        }
    }

    @Test
    void aMailToTwoRecipientsIsKeptOncePerRecipientAsTwoMailboxesWouldHoldIt() throws Exception {
        int port = freePort();
        try (MailSink sink = MailSink.start("127.0.0.1", port)) {
            Session session = session(port);
            MimeMessage message = plain(session, "siti@example.org", "Untuk berdua", "halo");
            message.addRecipient(Message.RecipientType.CC, new InternetAddress("budi@example.org"));
            Transport.send(message);

            assertThat(sink.receivedCount()).isEqualTo(2);
            assertThat(sink.received()).hasSize(2).allSatisfy(mail -> {
                assertThat(mail.subject()).isEqualTo("Untuk berdua");
                assertThat(mail.to()).containsExactly("siti@example.org", "budi@example.org");
            });
        }
    }

    @Test
    void clearForgetsEverythingAndStartsTheCountAgain() throws Exception {
        int port = freePort();
        try (MailSink sink = MailSink.start("127.0.0.1", port)) {
            Session session = session(port);
            Transport.send(plain(session, "a@example.org", "satu", "x"));
            Transport.send(plain(session, "b@example.org", "dua", "x"));

            sink.clear();
            assertThat(sink.receivedCount()).isZero();
            assertThat(sink.received()).isEmpty();

            Transport.send(plain(session, "c@example.org", "tiga", "x"));
            assertThat(sink.receivedCount()).isEqualTo(1);
            assertThat(sink.received()).extracting(ReceivedMail::subject).containsExactly("tiga");
        }
    }

    @Test
    void aBoundedSinkKeepsTheNewestButCountsEveryMail() throws Exception {
        int port = freePort();
        try (MailSink sink = MailSink.start("127.0.0.1", port, 5)) {
            Session session = session(port);
            for (int i = 0; i < 12; i++) {
                Transport.send(plain(session, "w" + i + "@example.org", "m" + i, "x"));
            }

            assertThat(sink.receivedCount()).isEqualTo(12);
            assertThat(sink.received()).extracting(ReceivedMail::subject).containsExactly("m11", "m10", "m9", "m8", "m7");
        }
    }

    @Test
    void aListenerIsToldOfEachDeliveryOnTheSmtpThreadBeforeTheSendReturns() throws Exception {
        int port = freePort();
        List<MimeMessage> delivered = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (MailSink sink = MailSink.start("127.0.0.1", port, 1, message -> {
            delivered.add(message);
            threads.add(Thread.currentThread().getName());
        })) {
            Session session = session(port);
            Transport.send(plain(session, "a@example.org", "satu", "x"));
            assertThat(delivered).as("told before the client hears 250").hasSize(1);
            assertThat(delivered.get(0).getSubject()).isEqualTo("satu");

            MimeMessage two = plain(session, "siti@example.org", "Untuk berdua", "halo");
            two.addRecipient(Message.RecipientType.CC, new InternetAddress("budi@example.org"));
            Transport.send(two);
            assertThat(delivered).as("once per delivery, as the sink counts them").hasSize(3)
                    .hasSize(sink.receivedCount());
            assertThat(delivered.get(1)).as("one message shared by its recipients' deliveries").isSameAs(delivered.get(2));
            assertThat(delivered.get(1).getSubject()).isEqualTo("Untuk berdua");
            assertThat(delivered.get(1).getHeader("Received")).as("as GreenMail received it").isNotEmpty();

            for (int i = 0; i < 10; i++) {
                Transport.send(plain(session, "w" + i + "@example.org", "m" + i, "x"));
            }
            assertThat(delivered).hasSize(13);
            assertThat(sink.receivedCount()).isEqualTo(13);
            assertThat(sink.received()).as("keeps only what it was asked to").extracting(ReceivedMail::subject).containsExactly("m9");
            assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("smtp:").contains(":" + port + "<-"));
        }
    }

    @Test
    void theSmtpSessionThreadsLookUpMailProvidersThroughTheCache() throws Exception {
        int port = freePort();
        try (MailSink sink = MailSink.start("127.0.0.1", port);
             Transport transport = session(port).getTransport("smtp")) {
            transport.connect();
            List<Thread> smtpThreads = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (smtpThreads.isEmpty() && System.nanoTime() < deadline) {
                Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().startsWith("smtp:") && thread.getName().contains(":" + port + "<-"))
                        .forEach(smtpThreads::add);
                Thread.sleep(10);
            }

            assertThat(smtpThreads).isNotEmpty()
                    .allSatisfy(thread -> assertThat(thread.getContextClassLoader()).isInstanceOf(ServiceLookupCache.class));
            assertThat(Thread.currentThread().getContextClassLoader()).isNotInstanceOf(ServiceLookupCache.class);
        }
    }

    @Test
    void theServiceLookupCacheFindsWhatItsParentFindsAndAsksItOnlyOnce() throws Exception {
        String streamProviders = "META-INF/services/" + StreamProvider.class.getName();
        AtomicInteger parentLookups = new AtomicInteger();
        ClassLoader parent = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.equals(streamProviders)) {
                    parentLookups.incrementAndGet();
                }
                return super.getResources(name);
            }
        };
        ServiceLookupCache cache = new ServiceLookupCache(parent);

        List<String> direct = providers(ServiceLoader.load(StreamProvider.class, parent));
        for (int i = 0; i < 5; i++) {
            assertThat(providers(ServiceLoader.load(StreamProvider.class, cache))).isNotEmpty().isEqualTo(direct);
        }
        assertThat(parentLookups.get()).isEqualTo(2);
        assertThat(Collections.list(cache.getResources("META-INF/MANIFEST.MF")))
                .isEqualTo(Collections.list(parent.getResources("META-INF/MANIFEST.MF")));
    }

    private static List<String> providers(ServiceLoader<StreamProvider> loader) {
        List<String> names = new ArrayList<>();
        loader.forEach(provider -> names.add(provider.getClass().getName()));
        return names;
    }

    private static Session session(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        return Session.getInstance(properties);
    }

    private static MimeMessage plain(Session session, String to, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("noreply@kotacerdas.id"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        return message;
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
