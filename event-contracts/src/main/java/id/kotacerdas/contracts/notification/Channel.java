package id.kotacerdas.contracts.notification;

public enum Channel {
    SMS, EMAIL
}
