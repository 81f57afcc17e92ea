package id.kotacerdas.contracts.assignment;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
