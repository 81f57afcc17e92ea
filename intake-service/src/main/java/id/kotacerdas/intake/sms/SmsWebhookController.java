package id.kotacerdas.intake.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.ProblemException;

/**
 * The HTTP path for SMS: an SMS gateway (aggregator) posts each mobile-originated message here. Allowed for
 * callers with the operator role (through the API gateway) or, for a gateway without an API key, with the
 * configured shared secret in {@value #SECRET_HEADER}.
 */
@RestController
@RequestMapping("/api/v1/sms")
class SmsWebhookController {

    static final String SECRET_HEADER = "X-Sms-Gateway-Secret";
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9 ()-]{3,32}");

    private final SmsIntake intake;
    private final SmsIntakeProperties properties;

    SmsWebhookController(SmsIntake intake, SmsIntakeProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    /** One mobile-originated SMS. {@code receivedAt} is optional (now when absent). */
    record InboundMessage(String messageId, String from, String to, String text, Instant receivedAt) {

        @Override
        public String toString() {
            return "InboundMessage[" + messageId + "]";
        }
    }

    /** How the message was handled; {@code trackingNumber} when it made (or checked) a report. */
    record Handled(String messageId, SmsOutcome outcome, String trackingNumber) {
    }

    @PostMapping("/inbound")
    Handled inbound(@RequestBody InboundMessage message, Caller caller,
                    @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
        if (!hasSharedSecret(secret)) {
            caller.requireAny(Role.OPERATOR);
        }
        validate(message);
        SmsMessage handled = intake.handle(new InboundSms(message.messageId(), message.from().strip(),
                message.to().strip(), message.text(), message.receivedAt() == null ? Instant.now()
                : message.receivedAt()));
        return new Handled(handled.id(), handled.outcome(), handled.trackingNumber());
    }

    private boolean hasSharedSecret(String given) {
        String expected = properties.getWebhookSecret();
        if (given == null || expected == null || expected.isBlank()) {
            return false;
        }
        boolean matches = MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthorized", "The SMS gateway secret is wrong");
        }
        return true;
    }

    private static void validate(InboundMessage message) {
        if (message == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (message.messageId() == null || !MESSAGE_ID.matcher(message.messageId()).matches()) {
            problems.add(new FieldProblem("messageId", "is required: 1-128 letters, digits or ._:-"));
        }
        if (message.from() == null || !NUMBER.matcher(message.from().strip()).matches()) {
            problems.add(new FieldProblem("from", "is required: the sender's phone number"));
        }
        if (message.to() == null || !NUMBER.matcher(message.to().strip()).matches()) {
            problems.add(new FieldProblem("to", "is required: the receiving number"));
        }
        if (message.text() == null) {
            problems.add(new FieldProblem("text", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
