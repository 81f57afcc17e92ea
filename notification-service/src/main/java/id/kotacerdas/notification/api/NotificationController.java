package id.kotacerdas.notification.api;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.notification.delivery.DeliveryStore;
import id.kotacerdas.notification.recipient.RecipientKeys;
import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.InvalidInputException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator look-ups: what happened to a request, or to everything sent to one phone number or address. */
@RestController
@RequestMapping("/api/v1/notifications")
public class NotificationController {

    static final int MAX_BY_RECIPIENT = 100;

    private final DeliveryStore store;
    private final RecipientKeys keys;

    public NotificationController(DeliveryStore store, RecipientKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** Exactly one of {@code requestId} or {@code recipient} (a phone number in any usual form, or an e-mail address). */
    @GetMapping
    public NotificationLookup find(Caller caller, @RequestParam(required = false) String requestId,
                                   @RequestParam(required = false) String recipient) {
        caller.requireAny(Role.OPERATOR);
        boolean byRequest = requestId != null && !requestId.isBlank();
        boolean byRecipient = recipient != null && !recipient.isBlank();
        if (byRequest == byRecipient) {
            throw new InvalidInputException(byRequest ? "recipient" : "requestId",
                    "give exactly one of requestId or recipient");
        }
        if (byRequest) {
            return new NotificationLookup(store.byRequestId(requestId.trim()).stream().map(DeliveryView::of).toList());
        }
        String key = keys.ofAnyRecipient(recipient.trim());
        if (key == null) {
            throw new InvalidInputException("recipient", "not a phone number or e-mail address");
        }
        return new NotificationLookup(store.byRecipientKey(key, MAX_BY_RECIPIENT).stream().map(DeliveryView::of).toList());
    }

    public record NotificationLookup(List<DeliveryView> deliveries) {
    }
}
