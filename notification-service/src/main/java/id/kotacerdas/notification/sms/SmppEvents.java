package id.kotacerdas.notification.sms;

/** What an SMSC tells us on its own: delivery receipts and mobile-originated messages. */
public interface SmppEvents {

    void onReceipt(String provider, String messageId, boolean delivered, String receiptState);

    void onMobileOriginated(String provider, MobileOriginated message);
}
