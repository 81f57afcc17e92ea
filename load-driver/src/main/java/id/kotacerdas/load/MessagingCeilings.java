package id.kotacerdas.load;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The raw rates of the far ends notification-service sends to (the SMSC over SMPP, the mail server over SMTP),
 * measured from here with the same client libraries, so that its own rates can be read as a share of them.
 */
final class MessagingCeilings {

    private static final byte[] SMS_TEXT = "Kota Cerdas: laporan MMK-2026-000123 diterima. Terima kasih."
            .getBytes(StandardCharsets.US_ASCII);

    private MessagingCeilings() {
    }

    /** Where the SMSC listens and how to bind to it. */
    record Smsc(String host, int port, String systemId, String password) {
    }

    /**
     * submit_sm/s of one single-part SMS each, from {@code threads} senders sharing one transmitter session (as
     * notification-service's senders share one), waiting for each submit_sm_resp; no delivery receipt is asked for.
     */
    static double smscSubmitRate(Smsc smsc, int messages, int threads) throws Exception {
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(10_000);
        session.connectAndBind(smsc.host(), smsc.port(), new BindParameter(BindType.BIND_TX, smsc.systemId(),
                smsc.password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        try {
            Ceilings.inParallel(threads, Math.min(200, messages), (thread, i) -> submit(session, thread, i));
            long start = System.nanoTime();
            int sent = Ceilings.inParallel(threads, messages, (thread, i) -> submit(session, thread, i));
            return sent / Ceilings.seconds(start);
        } finally {
            session.unbindAndClose();
        }
    }

    /** Mails/s of a short plain-text mail each, over {@code connections} SMTP connections kept open. */
    static double smtpSendRate(String host, int port, int mails, int connections) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(properties);
        List<Transport> transports = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                Transport transport = session.getTransport("smtp");
                transport.connect();
                transports.add(transport);
            }
            Ceilings.inParallel(connections, Math.min(50, mails), (thread, i) -> send(session, transports.get(thread), i));
            long start = System.nanoTime();
            int sent = Ceilings.inParallel(connections, mails, (thread, i) -> send(session, transports.get(thread), i));
            return sent / Ceilings.seconds(start);
        } finally {
            for (Transport transport : transports) {
                transport.close();
            }
        }
    }

    private static void submit(SMPPSession session, int thread, int i) throws Exception {
        session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "KOTACERDAS",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, String.format("62819%02d%06d", thread, i),
                new ESMClass(), (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT),
                (byte) 0, DataCodings.newInstance((byte) 0), (byte) 0, SMS_TEXT);
    }

    private static void send(Session session, Transport transport, int i) throws MessagingException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress("noreply@kotacerdas.local"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("batas" + i + "@example.id"));
        mail.setSubject("Laporan MMK-2026-000123 diterima", "UTF-8");
        mail.setText("Laporan Anda MMK-2026-000123 (Jalan rusak) diterima. Terima kasih.", "UTF-8");
        mail.saveChanges();
        transport.sendMessage(mail, mail.getAllRecipients());
    }
}
