package id.kotacerdas.intake.sms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportType;
import id.kotacerdas.intake.catalogue.CatalogueEntry;
import id.kotacerdas.intake.catalogue.ServiceCatalogue;
import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;
import id.kotacerdas.intake.report.Report;
import id.kotacerdas.intake.report.Reports;
import id.kotacerdas.intake.report.ReportIntake;
import id.kotacerdas.intake.report.SubmissionReceipt;
import id.kotacerdas.intake.report.SubmitReport;
import id.kotacerdas.intake.reporter.ContactCipher;
import id.kotacerdas.support.privacy.PhoneNumbers;
import id.kotacerdas.support.privacy.Masking;
import id.kotacerdas.support.problem.InvalidInputException;

/**
 * Turns an inbound SMS into a report, a status answer or the help text, exactly once per message id
 * whichever path it came by. Reports go through {@link ReportIntake} like every other channel (which also
 * tells the sender the tracking number, since the sender's number is the reporter's contact); the other
 * replies are raised on the message's own record.
 */
@Service
public class SmsIntake {

    private static final Logger log = LoggerFactory.getLogger(SmsIntake.class);
    private static final String UNNAMED = "Pelapor";
    private static final int MAX_PLACE = 500;

    private final MongoTemplate mongo;
    private final ReportIntake intake;
    private final Reports reports;
    private final ServiceCatalogue catalogue;
    private final Jurisdictions jurisdictions;
    private final ReceivingNumbers numbers;
    private final ContactCipher cipher;
    private final SmsIntakeProperties properties;

    SmsIntake(MongoTemplate mongo, ReportIntake intake, Reports reports, ServiceCatalogue catalogue,
              Jurisdictions jurisdictions, ReceivingNumbers numbers, ContactCipher cipher,
              SmsIntakeProperties properties) {
        this.mongo = mongo;
        this.intake = intake;
        this.reports = reports;
        this.catalogue = catalogue;
        this.jurisdictions = jurisdictions;
        this.numbers = numbers;
        this.cipher = cipher;
        this.properties = properties;
    }

    /** @return the record of how the message was handled, the earlier one when it had been handled before */
    SmsMessage handle(InboundSms sms) {
        Optional<SmsMessage> earlier = find(sms.messageId());
        if (earlier.isPresent()) {
            log.info("SMS {} was already handled ({})", sms.messageId(), earlier.get().outcome());
            return earlier.get();
        }
        Instant now = Instant.now();
        Jurisdiction jurisdiction = jurisdictions.find(numbers.jurisdictionOf(sms.recipientNumber()))
                .orElseThrow(() -> new IllegalStateException("SMS intake is configured with an unknown jurisdiction"));
        String text = sms.text() == null ? "" : sms.text();
        if (text.length() > properties.getMaxTextLength()) {
            text = text.substring(0, properties.getMaxTextLength());
        }
        SmsCommand command = SmsCommand.parse(text);
        SmsMessage handled;
        if (command instanceof SmsCommand.Report report) {
            handled = report(sms, jurisdiction, report, now);
        } else if (command instanceof SmsCommand.Check check) {
            handled = check(sms, jurisdiction, check.trackingNumber(), now);
        } else {
            handled = help(sms, jurisdiction, now);
        }
        try {
            mongo.insert(handled);
        } catch (DuplicateKeyException e) {
            // the same message arrived by the other path at the same moment, and that one was recorded first
            return find(sms.messageId()).orElseThrow(() -> e);
        }
        log.info("SMS {} from {} to {}: {} {}", sms.messageId(), Masking.phone(sms.sender()), jurisdiction.id(),
                handled.outcome(), handled.trackingNumber() == null ? "" : handled.trackingNumber());
        return handled;
    }

    Optional<SmsMessage> find(String messageId) {
        return Optional.ofNullable(mongo.findById(messageId, SmsMessage.class));
    }

    private SmsMessage report(InboundSms sms, Jurisdiction jurisdiction, SmsCommand.Report command, Instant now) {
        CatalogueEntry category = command.keyword() == null ? catalogue.guess(jurisdiction.id(), command.text())
                : catalogue.byKeyword(jurisdiction.id(), command.keyword())
                .orElseGet(() -> catalogue.guess(jurisdiction.id(), command.keyword() + " " + command.text()));
        Optional<String> phone = PhoneNumbers.normalise(sms.sender());
        String place = command.place() == null
                ? "Lokasi tidak disebutkan (laporan SMS), " + jurisdiction.name()
                : command.place().length() > MAX_PLACE ? command.place().substring(0, MAX_PLACE) : command.place();
        SubmitReport submit = new SubmitReport(jurisdiction.id(), ReportType.ADUAN, category.code(), command.text(),
                new SubmitReport.Location(null, null, place, null, null),
                phone.map(p -> new SubmitReport.ReporterDetails(null, p, null, Channel.SMS, "id")).orElse(null),
                false, false, ReportChannel.SMS, Map.of(), List.of(), "sms:" + sms.messageId());
        SubmissionReceipt receipt;
        try {
            receipt = intake.submit(submit);
        } catch (InvalidInputException e) {
            log.info("SMS {} could not become a report: {}", sms.messageId(), e.getMessage());
            return help(sms, jurisdiction, now);
        }
        SmsMessage handled = SmsMessage.handled(sms.messageId(), jurisdiction.id(), SmsOutcome.REPORTED,
                receipt.trackingNumber(), sms.receivedAt(), now);
        if (phone.isEmpty()) {
            // ReportIntake tells reachable reporters itself; a sender it cannot hold as a contact is thanked here
            handled.reply(reply(sms, NotificationTemplates.REPORT_RECEIVED, Map.of("trackingNumber",
                    receipt.trackingNumber(), "serviceName", category.name()), now));
        }
        return handled;
    }

    private SmsMessage check(InboundSms sms, Jurisdiction jurisdiction, String trackingNumber, Instant now) {
        Optional<Report> report = reports.byTrackingNumber(trackingNumber)
                .filter(r -> !r.confidential() || sentByReporter(r, sms.sender()));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("trackingNumber", trackingNumber);
        parameters.put("status", report.map(r -> StatusLabels.of(r.status())).orElse(StatusLabels.NOT_FOUND));
        parameters.put("agencyName", report.map(Report::agencyName).orElse(""));
        return SmsMessage.handled(sms.messageId(), jurisdiction.id(), SmsOutcome.STATUS_ANSWERED,
                report.map(Report::trackingNumber).orElse(null), sms.receivedAt(), now)
                .reply(reply(sms, NotificationTemplates.REPORT_STATUS, parameters, now));
    }

    private SmsMessage help(InboundSms sms, Jurisdiction jurisdiction, Instant now) {
        return SmsMessage.handled(sms.messageId(), jurisdiction.id(), SmsOutcome.HELP_SENT, null, sms.receivedAt(), now)
                .reply(reply(sms, NotificationTemplates.SMS_INTAKE_HELP, Map.of(), now));
    }

    /** A confidential report's status goes only to the number that reported it. */
    private boolean sentByReporter(Report report, String sender) {
        if (report.reporter() == null || report.reporter().sealedContact() == null) {
            return false;
        }
        String reporterPhone = cipher.openContact(report.reporter().sealedContact(), report.id()).phone();
        return reporterPhone != null && PhoneNumbers.normalise(sender).map(reporterPhone::equals).orElse(false);
    }

    private static NotificationRequested reply(InboundSms sms, String template, Map<String, String> parameters,
                                               Instant now) {
        String to = PhoneNumbers.normalise(sms.sender()).orElse(sms.sender());
        return new NotificationRequested("sms:" + sms.messageId() + ":reply", new Recipient(UNNAMED, to, null),
                List.of(Channel.SMS), template, "id", parameters, NotificationPriority.NORMAL, now, "intake-service",
                now);
    }
}
