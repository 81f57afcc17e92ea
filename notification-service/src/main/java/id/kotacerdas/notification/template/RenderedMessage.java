package id.kotacerdas.notification.template;

/** One message in one language, ready for a channel: SMS text, and the e-mail's subject, plain-text and HTML parts. */
public record RenderedMessage(String sms, String subject, String text, String html) {
}
