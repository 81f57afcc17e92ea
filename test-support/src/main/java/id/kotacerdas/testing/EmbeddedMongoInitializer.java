package id.kotacerdas.testing;

import id.kotacerdas.store.EmbeddedStore;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.net.InetSocketAddress;

/**
 * Starts the embedded MongoDB-wire store ({@link EmbeddedStore}, in memory) for one test context and points the real
 * MongoDB driver at it; the server stops with the context. The store is a bean, for tests that interrupt it.
 */
public class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedStore server = EmbeddedStore.inMemory();
        InetSocketAddress address = server.bind();
        TestPropertyValues.of("spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort()).applyTo(context);
        context.getBeanFactory().registerSingleton("embeddedStore", server);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                server.shutdownNow();
            }
        });
    }
}
