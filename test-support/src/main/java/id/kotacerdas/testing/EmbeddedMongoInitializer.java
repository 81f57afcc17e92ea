package id.kotacerdas.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.net.InetSocketAddress;

/**
 * Starts a MongoDB-wire server (mongo-java-server, in memory) for one test context and points the real
 * MongoDB driver at it; the server stops with the context.
 */
public class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        TestPropertyValues.of("spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort()).applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                server.shutdownNow();
            }
        });
    }
}
