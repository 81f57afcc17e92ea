package id.kotacerdas.gateway.clients;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A demo client's key, kept only when demo clients are switched on (local stack), so every restart writes the
 * same demo-keys file. Real clients' keys are never stored.
 */
@Document("demo_keys")
record DemoKey(@Id String name, String clientId, String apiKey) {
}
